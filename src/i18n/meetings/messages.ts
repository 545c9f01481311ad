/** Strings of the welfare groups and their meetings, with the standard agenda items. */
export interface MeetingMessages {
  meetingsHelp: string;
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
  /** A welfare group's own card: after set-up, and from the Meetings button in its conversation. */
  group: {
    callMeeting: string;
    members: string;
    school: string;
  };
  /** Standard agenda items per group type, and a survey workshop's ({results}: what the survey found). */
  agendaItems: Record<'communal' | 'expert' | 'steering' | 'regional' | 'workshop', string[]>;
}
