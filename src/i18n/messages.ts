import type { SurveyMessages } from './surveys/messages';

/** Every user-facing string. Each language file implements this interface, so a missing string fails the build. */
export interface Messages {
  welcome: {
    title: string;
    intro: string;
    features: { title: string; text: string }[];
    privacy: string;
    askButton: string;
    formsButton: string;
    meetingsButton: string;
    helpHint: string;
  };
  meetingsHelp: string;
  plan: {
    open: string;
    more: string;
    helpful: string;
    notHelpful: string;
    feedbackThanks: string;
    source: string;
    reviewed: string;
    languageNote: string;
    seeAlso: string;
    noAnswerTitle: string;
    noAnswerText: string;
    /** The question is about pay, IT, premises or the like: not what the plan (or its experts) are for. */
    offTopicText: string;
    /** Who helps instead, from content/offtopic.yml: {where}. */
    offTopicWhere: string;
    closestTitle: string;
    expertText: string;
    expertButton: string;
    emergencyTitle: string;
    emergency: { selfharm: string[]; violence: string[]; abuse: string[] };
    sectionMissing: string;
    askPrompt: string;
    empty: string;
  };
  expert: {
    noQuestion: string;
    sent: string;
    queued: string;
    sentNote: string;
    channelSet: string;
    channelOnly: string;
    ticketTitle: string;
    askedBy: string;
    status: Record<'unposted' | 'open' | 'claimed' | 'answered' | 'closed', string>;
    claimedBy: string;
    claim: string;
    answerLabel: string;
    answerPlaceholder: string;
    answerRequired: string;
    answerTooLong: string;
    saveFaq: string;
    send: string;
    close: string;
    answeredBy: string;
    answerTitle: string;
    yourQuestion: string;
    notFound: string;
    alreadyDone: string;
    faqSource: string;
    privacy: string;
  };
  forms: {
    listTitle: string;
    listIntro: string;
    open: string;
    submit: string;
    choose: string;
    yes: string;
    privacy: string;
    checkFields: string;
    tooLarge: string;
    problems: Record<'required' | 'tooLong' | 'choice' | 'date' | 'future' | 'tooOld' | 'time' | 'markup' | 'mustConfirm' | 'type' | 'unknownField', string>;
    personalOnly: string;
    unknownForm: string;
    noSchools: string;
  };
  cases: {
    submitted: string;
    alreadySubmitted: string;
    facts: { school: string; service: string; urgency: string; status: string; due: string; requested: string; assignee: string; initiator: string; form: string };
    services: Record<'kuraattori' | 'psykologi' | 'terveydenhoitaja' | 'mar' | 'rehtori', string>;
    urgency: { urgent: string; normal: string };
    status: Record<'vireilla' | 'kasittelyssa' | 'paattynyt', string>;
    dueText: string;
    calendarNotCovered: string;
    summaryNote: string;
    noChannel: string;
    noticeHeadline: string;
    noticeNote: string;
    open: string;
    refresh: string;
    noAccess: string;
    forbidden: string;
    notFound: string;
    overdue: string;
    overdueReminder: string;
    detailsNote: string;
    assignSelf: string;
    start: string;
    close: string;
    auditButton: string;
    auditTitle: string;
    channelChoose: string;
    channelSet: string;
    channelOnly: string;
    setChannelButton: string;
    adminOnly: string;
    rolesTitle: string;
    rolesIntro: string;
    rolesNone: string;
    roleLabel: string;
    personLabel: string;
    addRole: string;
    removeRole: string;
    roleAdded: string;
    roleRemoved: string;
    roleNames: Record<'kuraattori' | 'psykologi' | 'terveydenhoitaja' | 'rehtori' | 'erityisopettaja' | 'koordinaattori', string>;
    gdprTitle: string;
    gdprIntro: string;
    gdprSearch: string;
    gdprNone: string;
    gdprResult: string;
    deleteConfirm: string;
    deleteButton: string;
    deleted: string;
    deleteUsage: string;
  };
  /** The school channel's notice of a new case, when it has not gone out yet (the summary card says so). */
  caseNotice: {
    sending: string;
    failed: string;
  };
  /** The OHL 15 § deadline line of a case summary: counted from the request day, urgent in ordinary working days. */
  deadline: {
    /** Urgent: {date} is the next ordinary working day after the request. */
    urgentDue: string;
    /** {date}: the day the pupil or guardian asked. */
    countedFrom: string;
    /** Urgent, and the school is closed on the due day (break, day off, summer). */
    schoolClosed: string;
    /** The same with the break's name: {name}. */
    schoolClosedNamed: string;
    /** The request date was so old that {date} had passed when the case was filed. */
    passed: string;
  };
  meetings: {
    groupTitle: string;
    groupIntro: string;
    groupType: string;
    groupName: string;
    groupSchool: string;
    groupTypes: Record<'communal' | 'expert' | 'steering' | 'regional', string>;
    create: string;
    created: string;
    existed: string;
    notInGroup: string;
    notChair: string;
    noMeeting: string;
    deadlinePassed: string;
    individualPupil: string;
    cancelledNote: string;
    scheduled: string;
    warnings: { weekend: string; holiday: string; shifted: string };
    agendaTitle: string;
    when: string;
    place: string;
    chair: string;
    coming: string;
    notComing: string;
    rsvpSummary: string;
    proposed: string;
    rejected: string;
    accept: string;
    reject: string;
    up: string;
    down: string;
    propose: string;
    edit: string;
    cancel: string;
    memo: string;
    cancelled: string;
    changed: string;
    reminderTitle: string;
    rsvpThanks: string;
    upcomingTitle: string;
    mineTitle: string;
    none: string;
    memoTitle: string;
    noMemo: string;
    attendance: string;
    decisions: string;
    tasks: string;
    memoSaved: string;
    itemAdded: string;
    failedToChair: string;
    missedToChair: string;
    recurrence: string;
    recurrenceChoices: Record<'once' | 'w1' | 'w2' | 'w4' | 'dates', string>;
    until: string;
    dates: string;
    datesHint: string;
    badDates: string;
    untilRequired: string;
  };
  /** Card actions Opari cannot place; case details delivered to a personal chat instead of a shared message. */
  actions: {
    unknown: string;
    sentToPersonal: string;
    openPersonally: string;
  };
  /** `omat asiat`: the cases I started or am responsible for. */
  myCases: {
    title: string;
    intro: string;
    none: string;
    started: string;
    assigned: string;
    pupil: string;
    open: string;
    back: string;
    personalOnly: string;
    hint: string;
  };
  /** Handing a case over to another holder of the same role at the school. */
  handover: {
    button: string;
    title: string;
    intro: string;
    label: string;
    required: string;
    confirm: string;
    cancel: string;
    none: string;
    done: string;
    toYou: string;
    notAssignee: string;
  };
  /** Ask an expert, honestly: what was sent, what waits, who may set the channel and handle tickets. */
  askExpert: {
    label: string;
    reminder: string;
    send: string;
    waiting: string;
    waitingReply: string;
    adminHint: string;
    channelAdminOnly: string;
    expertsOnly: string;
    faqQuestionLabel: string;
    faqQuestionRequired: string;
    tooLong: string;
  };
  /** A region's own plan uploaded and published from Teams; page labels of citations. */
  planAdmin: {
    /** "s. 14" on the answer card's source line and in citations. */
    page: string;
    pages: string;
    received: string;
    personalOnly: string;
    adminOnly: string;
    wrongType: string;
    tooLarge: string;
    encrypted: string;
    noText: string;
    invalid: string;
    empty: string;
    downloadFailed: string;
    previewTitle: string;
    facts: string;
    pagesFact: string;
    fileFact: string;
    treeTitle: string;
    subsections: string;
    more: string;
    warningsTitle: string;
    noWarnings: string;
    tryLabel: string;
    tryPlaceholder: string;
    tryButton: string;
    tryRequired: string;
    tryNone: string;
    tryAnswer: string;
    publishButton: string;
    discardButton: string;
    published: string;
    discarded: string;
    gone: string;
    restoreButton: string;
    versionsTitle: string;
    versionLine: string;
    current: string;
    restored: string;
    noVersions: string;
  };
  surveys: SurveyMessages;
  error: string;
  tenantRefused: string;
  /** The language command ("kieli ruotsi", "language english", "språk finska"). */
  language: {
    /** Confirms the change, in the new language. */
    changed: string;
    /** The word after the command was not one of the languages. */
    choose: string;
  };
  /** A welfare group's own card: after set-up, and from the Meetings button in its conversation. */
  group: {
    callMeeting: string;
    members: string;
    school: string;
  };
  /** The standard agenda of each group type (the plan's group guidance), in this language. */
  /** Standard agenda items per group type, and a survey workshop's ({results}: what the survey found). */
  agendaItems: Record<'communal' | 'expert' | 'steering' | 'regional' | 'workshop', string[]>;
}
