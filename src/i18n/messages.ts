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
  coming: { forms: string; meetings: string };
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
  error: string;
  tenantRefused: string;
}
