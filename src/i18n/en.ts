import { casesEn } from './cases/en';
import { expertEn } from './expert/en';
import { meetingsEn } from './meetings/en';
import type { Messages } from './messages';
import { planEn } from './plan/en';
import { surveysEn } from './surveys/en';

export const en: Messages = {
  welcome: {
    title: "Hi, I'm Opari 👋",
    intro: "I help with everyday student welfare work: I answer questions about the region's student welfare plan, open the plan's forms and keep the welfare groups' meetings in order.",
    features: [
      { title: 'Ask the plan', text: 'E.g. "what are the home-schooling criteria?" – you get the plan\'s own words and the source.' },
      { title: 'Forms', text: 'Referral to student welfare, support-need assessment, assistant need, home education and transitions.' },
      { title: 'Meetings', text: "Welfare groups' and the regional cooperation group's meetings, agendas, memos and reminders." },
    ],
    privacy: "Don't write a pupil's details in an ordinary message. Matters concerning a pupil are recorded only on forms that only the right people can see.",
    askButton: 'Ask the plan',
    formsButton: 'Forms',
    meetingsButton: 'Meetings',
    helpHint: 'Type "help" at any time to see this again.',
    thanks: "You're welcome! Ask me more at any time.",
    nudge: 'Type your question about the plan, or "help" to see what I can do.',
    bye: 'Bye! Ask me any time.',
  },
  forms: {
    listTitle: 'Forms',
    listIntro: "The student welfare plan's forms. Forms about a pupil are filled in a personal chat with Opari.",
    open: 'Open',
    submit: 'Send',
    choose: 'Choose',
    yes: 'Yes',
    privacy: '🔒 The pupil’s data is stored encrypted and shown only to those handling the matter. The channel gets a notice without the pupil’s data.',
    checkFields: 'Please check the marked fields. What you entered is still on the form.',
    tooLarge: 'The form data is too large and nothing was saved. Shorten the texts and send again.',
    problems: {
      required: 'Required.',
      tooLong: 'The text is too long.',
      choice: 'Choose one of the options.',
      date: 'Give a date as dd.mm.yyyy.',
      future: 'The date cannot be in the future.',
      tooOld: 'The date is more than a year ago: check the year.',
      time: 'Give a time as hh:mm.',
      markup: 'The text must not contain HTML or scripts.',
      mustConfirm: 'This must be confirmed before sending.',
      type: 'The value has the wrong format.',
      unknownField: 'Unknown field.',
    },
    personalOnly: 'Forms about a pupil are filled only in a personal chat with Opari, not in a channel or group chat. Open Opari in its own chat and type "forms".',
    unknownForm: 'Form not found.',
    noSchools: "The region's schools are not defined (content/schools.yml).",
  },
  actions: {
    unknown: 'This button no longer works. Type "help" to see what Opari can do.',
    sentToPersonal: 'The details of the matter went to your personal chat with Opari.',
    openPersonally: 'Open the matter in your personal chat with Opari: type "my cases" there.',
  },
  surveys: surveysEn,
  error: 'Sorry, something went wrong and your request could not be handled. Please try again in a moment. If it keeps happening, give the administrator the code {id}.',
  conflict: 'Someone else changed this at the same time, so your change was not saved. See how it stands now and try again.',
  tenantRefused: 'Opari is not enabled for this organisation.',
  language: {
    changed: 'The language is now English.',
    choose: 'The languages are Finnish, Swedish and English, for example "language finnish".',
  },
  ...casesEn,
  ...meetingsEn,
  ...planEn,
  ...expertEn,
};
