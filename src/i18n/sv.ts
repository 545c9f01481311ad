import type { Messages } from './messages';

export const sv: Messages = {
  welcome: {
    title: 'Hej, jag är Opari 👋',
    intro: 'Jag hjälper till i elevhälsans vardag: jag svarar på frågor om områdets elevhälsoplan, öppnar planens blanketter och håller ordning på elevhälsogruppernas möten.',
    features: [
      { title: 'Fråga planen', text: 'T.ex. "när får en elev en assistent?" – du får planens egen text och källan.' },
      { title: 'Blanketter', text: 'Kontakt med elevhälsan, bedömning av stödbehov, assistentbehov, hemundervisning och övergångsskede.' },
      { title: 'Möten', text: 'Elevhälsogruppernas och den regionala samarbetsgruppens möten, föredragningslistor, minnesanteckningar och påminnelser.' },
    ],
    privacy: 'Skriv inte elevuppgifter i vanliga meddelanden. Ärenden som gäller en elev antecknas bara på blanketter som syns endast för dem som ärendet gäller.',
    askButton: 'Fråga planen',
    formsButton: 'Blanketter',
    meetingsButton: 'Möten',
    helpHint: 'Skriv "hjälp" när som helst för att se det här igen.',
  },
  coming: {
    ask: 'Svar ur elevhälsoplanen kommer snart. Skriv "hjälp" för att se vad Opari kan.',
    forms: 'Blanketterna kommer snart till Opari.',
    meetings: 'Möten och påminnelser kommer snart till Opari.',
  },
  fallback: 'Det kan jag inte svara på ännu. Skriv "hjälp" för att se vad jag kan.',
  error: 'Förlåt, något gick fel och din begäran kunde inte behandlas. Försök igen om en stund. Om felet upprepas, ge administratören koden {id}.',
  tenantRefused: 'Opari används inte i den här organisationen.',
};
