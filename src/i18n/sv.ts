import { casesSv } from './cases/sv';
import { expertSv } from './expert/sv';
import { meetingsSv } from './meetings/sv';
import type { Messages } from './messages';
import { planSv } from './plan/sv';
import { surveysSv } from './surveys/sv';

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
    thanks: 'Varsågod! Fråga gärna mer när som helst.',
    nudge: 'Skriv din fråga om planen eller "hjälp" för att se vad jag kan.',
    bye: 'Hej då! Fråga mig när som helst.',
  },
  forms: {
    listTitle: 'Blanketter',
    listIntro: 'Elevhälsoplanens blanketter. Blanketter som gäller en elev fylls i en personlig chatt med Opari.',
    open: 'Öppna',
    submit: 'Skicka',
    choose: 'Välj',
    yes: 'Ja',
    privacy: '🔒 Elevens uppgifter sparas krypterade och syns bara för dem som handlägger ärendet. Kanalen får en anmälan utan elevuppgifter.',
    checkFields: 'Kontrollera de markerade fälten. Dina uppgifter finns kvar på blanketten.',
    tooLarge: 'Uppgifterna är för stora och ingenting sparades. Korta av texterna och skicka igen.',
    problems: {
      required: 'Obligatorisk uppgift.',
      tooLong: 'Texten är för lång.',
      choice: 'Välj ett av alternativen.',
      date: 'Ange datum som dd.mm.åååå.',
      future: 'Datumet kan inte ligga i framtiden.',
      tooOld: 'Datumet är mer än ett år gammalt: kontrollera året.',
      time: 'Ange klockslag som tt:mm.',
      markup: 'Texten får inte innehålla HTML eller skript.',
      mustConfirm: 'Detta måste bekräftas innan du skickar.',
      type: 'Värdet har fel format.',
      unknownField: 'Okänt fält.',
    },
    personalOnly: 'En blankett som gäller en elev fylls bara i en personlig chatt med Opari, inte i en kanal eller gruppchatt. Öppna Opari i en egen chatt och skriv "blanketter".',
    unknownForm: 'Blanketten hittades inte.',
    noSchools: 'Områdets skolor är inte definierade (content/schools.yml).',
  },
  actions: {
    unknown: 'Den här knappen kan inte längre användas. Skriv "hjälp" för att se vad Opari kan.',
    sentToPersonal: 'Ärendets uppgifter skickades till din personliga chatt med Opari.',
    openPersonally: 'Öppna ärendet i din personliga chatt med Opari: skriv "mina ärenden" där.',
  },
  surveys: surveysSv,
  error: 'Förlåt, något gick fel och din begäran kunde inte behandlas. Försök igen om en stund. Om felet upprepas, ge administratören koden {id}.',
  conflict: 'Någon annan ändrade detta samtidigt, och din ändring sparades inte. Se hur det ser ut nu och försök igen.',
  tenantRefused: 'Opari används inte i den här organisationen.',
  language: {
    changed: 'Språket är nu svenska.',
    choose: 'Språken är finska, svenska och engelska, till exempel "språk finska".',
  },
  ...casesSv,
  ...meetingsSv,
  ...planSv,
  ...expertSv,
};
