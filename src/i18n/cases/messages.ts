/** Strings of case handling: the case cards, the OHL 15 § deadline line, my cases and hand-overs. */
export interface CaseMessages {
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
    /** The access request card's fields: whose data is looked for. */
    gdprPupilName: string;
    gdprPupilClass: string;
    gdprSearch: string;
    gdprNone: string;
    gdprResult: string;
    /** Heading of a matter's history in the access-request result. */
    gdprHistory: string;
    /** What happened to a matter, as its history lists it. */
    events: { created: string; status: string; assigned: string; handedOver: string };
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
    /** Said after `done` when Opari has no personal chat with the new holder. */
    noChat: string;
    /** Said after `done` when the note to the new holder did not go through (tried again). */
    retrying: string;
    notAssignee: string;
  };
}
