/** Strings of asking an expert: tickets, answers and the FAQ. */
export interface ExpertMessages {
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
}
