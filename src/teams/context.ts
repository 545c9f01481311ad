import type { TurnContext } from 'botbuilder';
import type { TurnState } from '@microsoft/teams-ai';
import { type Lang, langOf, messages, type Messages } from '../i18n';
import type { Logger } from '../log';

export const CORRELATION_KEY = Symbol('opari.correlationId');
export const LOGGER_KEY = Symbol('opari.logger');

/** The user's chosen UI language (user state), else the client's locale. */
export function langFor(context: TurnContext, state?: TurnState): Lang {
  const chosen = (state?.user as { lang?: Lang } | undefined)?.lang;
  return chosen ?? langOf(context.activity.locale);
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
