import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import type { Lang } from '../i18n';
import type { LanguageDetector } from '../plan/language';
import { CONVERSATION_LANG_KEY, TYPED_LANG_KEY, type UserLanguage } from './context';

export interface TurnLanguageDeps {
  detector: LanguageDetector;
  /** The language the conversation's group posts in, if the conversation has a group. */
  conversationLang(context: TurnContext): Promise<Lang | undefined>;
}

/**
 * Before the routes run: the language of what was typed (remembered for the person's later clicks) and
 * the language of the conversation's group, for `langFor`.
 */
export function registerTurnLanguage(app: Application<TurnState>, deps: TurnLanguageDeps): void {
  app.turn('beforeTurn', async (context, state) => {
    const a = context.activity;
    // Messages, card actions and the welcome on install; not the other events.
    if (a.type !== 'message' && a.type !== 'invoke' && a.type !== 'conversationUpdate') return true;
    const typed = a.type === 'message' && a.text ? deps.detector.detect(a.text) : undefined;
    if (typed) {
      context.turnState.set(TYPED_LANG_KEY, typed);
      const user = state.user as UserLanguage;
      // Written only when it changes, so a turn in the same language as before writes no user state.
      if (user.recent !== typed) user.recent = typed;
    }
    const group = await deps.conversationLang(context);
    if (group) context.turnState.set(CONVERSATION_LANG_KEY, group);
    return true;
  });
}
