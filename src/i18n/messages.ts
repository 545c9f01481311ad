import type { CaseMessages } from './cases/messages';
import type { MeetingMessages } from './meetings/messages';
import type { PlanMessages } from './plan/messages';
import type { ExpertMessages } from './expert/messages';
import type { SurveyMessages } from './surveys/messages';

/** Every user-facing string. Each language file implements this interface, so a missing string fails the build. */
export interface Messages extends CaseMessages, MeetingMessages, PlanMessages, ExpertMessages {
  welcome: {
    title: string;
    intro: string;
    features: { title: string; text: string }[];
    privacy: string;
    askButton: string;
    formsButton: string;
    meetingsButton: string;
    helpHint: string;
    /** The reply to thanks ("kiitos", "tack", "thanks"). */
    thanks: string;
    /** The reply to emoji alone or an "ok" (a 👍 after an answer): what to type next. */
    nudge: string;
    /** The reply to goodbye ("hei hei", "hej då", "bye"). */
    bye: string;
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
  /** Card actions Opari cannot place; case details delivered to a personal chat instead of a shared message. */
  actions: {
    unknown: string;
    sentToPersonal: string;
    openPersonally: string;
  };
  surveys: SurveyMessages;
  error: string;
  /** Someone else changed the same thing first (a write lost under the ETag every time): nothing was saved. */
  conflict: string;
  tenantRefused: string;
  /** The language command ("kieli ruotsi", "language english", "språk finska"). */
  language: {
    /** Confirms the change, in the new language. */
    changed: string;
    /** The word after the command was not one of the languages. */
    choose: string;
  };
}
