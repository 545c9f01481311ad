import type { Messages } from './messages';

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
  },
  coming: {
    ask: 'Answers from the plan are coming soon. Meanwhile, type "help" to see what Opari can do.',
    forms: 'Forms are coming to Opari soon.',
    meetings: 'Meetings and reminders are coming to Opari soon.',
  },
  fallback: 'I can\'t answer that yet. Type "help" to see what I can do.',
  error: 'Sorry, something went wrong and your request could not be handled. Please try again in a moment. If it keeps happening, give the administrator the code {id}.',
  tenantRefused: 'Opari is not enabled for this organisation.',
};
