/** Strings of the plan's answers, its web page and a region's own plan uploaded from Teams. */
export interface PlanMessages {
  plan: {
    open: string;
    more: string;
    helpful: string;
    notHelpful: string;
    feedbackThanks: string;
    source: string;
    reviewed: string;
    seeAlso: string;
    noAnswerTitle: string;
    noAnswerText: string;
    /** The question is about pay, IT, premises or the like: not what the plan (or its experts) are for. */
    offTopicText: string;
    /** Who helps instead, from content/offtopic.yml: {where}. */
    offTopicWhere: string;
    closestTitle: string;
    /** The section leaves what was asked for the region to write ("Esimerkkialue täydentää tähän"): {section}. */
    unwrittenTitle: string;
    unwrittenText: string;
    expertText: string;
    expertButton: string;
    emergencyTitle: string;
    emergency: { selfharm: string[]; violence: string[]; abuse: string[] };
    sectionMissing: string;
    askPrompt: string;
    empty: string;
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
  /** The plan's web page (the "Open whole section" target) and an expert's answer kept as FAQ. */
  planPage: {
    contents: string;
    prev: string;
    next: string;
    sub: string;
    law: string;
    forms: string;
    reviewed: string;
    up: string;
    original: string;
    page: string;
    faqAnswer: string;
    answeredBy: string;
    /** A signed FAQ link past its time. */
    expired: string;
  };
  /** The quoted or shown text is not in the user's language: which language it is in (the plan's own). */
  planLanguage: {
    /** Under the answer card's title, per the quoted text's language. */
    card: Record<'fi' | 'sv' | 'en', string>;
    /** On the plan page above a section shown in another language. */
    page: Record<'fi' | 'sv' | 'en', string>;
  };
}
