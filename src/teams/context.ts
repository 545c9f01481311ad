import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import { type Lang, langOf, messages, type Messages } from '../i18n';
import type { Logger } from '../log';

export const CORRELATION_KEY = Symbol('opari.correlationId');
export const LOGGER_KEY = Symbol('opari.logger');
/** The language of the text typed in this turn, when it could be told (set before the routes run). */
export const TYPED_LANG_KEY = Symbol('opari.typedLang');
/** The language of the group whose conversation this turn is in (set before the routes run). */
export const CONVERSATION_LANG_KEY = Symbol('opari.conversationLang');
/** The language of the card whose button was clicked, when the card says it. */
export const CARD_LANG_KEY = Symbol('opari.cardLang');

/** What user state keeps of languages: the explicit `kieli` choice, and the language last used. */
export interface UserLanguage {
  /** Chosen with "kieli ruotsi" / "language english": also what Opari sends this person on its own. */
  lang?: Lang;
  /** The language the person last typed in (or chose): replies to their clicks follow it. */
  recent?: Lang;
}

/**
 * The language of what Opari says in this turn. What the user typed decides when its language can be told;
 * in a group's conversation the group's language (its cards are shared); then the language of the card
 * clicked, the language the person last used or chose, and the client's locale last of all.
 */
export function langFor(context: TurnContext, state?: TurnState): Lang {
  const user = (state?.user ?? {}) as UserLanguage;
  return (
    (context.turnState.get(TYPED_LANG_KEY) as Lang | undefined) ??
    (context.turnState.get(CONVERSATION_LANG_KEY) as Lang | undefined) ??
    (context.turnState.get(CARD_LANG_KEY) as Lang | undefined) ??
    user.recent ??
    user.lang ??
    langOf(context.activity.locale)
  );
}

export function msgsFor(context: TurnContext, state?: TurnState): Messages {
  return messages(langFor(context, state));
}

export function correlationId(context: TurnContext): string {
  return (context.turnState.get(CORRELATION_KEY) as string | undefined) ?? 'none';
}

export function turnLog(context: TurnContext, fallback: Logger): Logger {
  return (context.turnState.get(LOGGER_KEY) as Logger | undefined) ?? fallback;
}
