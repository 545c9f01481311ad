import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { messages, type Lang } from '../../i18n';
import { renderCard } from '../../ui/cards';
import { langFor, msgsFor } from '../context';
import { sendCard } from '../replies';
import { onCardAction } from './actions';

export const HELP_PATTERN = /^\s*(apua|ohje|ohjeet|help|hjälp|hjalp|\?)\s*[.!?]*\s*$/i;
/** A greeting alone ("moi", "hyvää huomenta", "hej Opari") is answered with the help card, not a search. */
export const GREETING_PATTERN =
  /^\s*(hei|hei hei|moi|moikka|moro|morjens|terve|heippa|hyvää (huomenta|päivää|iltaa)|huomenta|päivää|hello|hi|hey|good (morning|afternoon|evening)|hej|hejsan|tjena|god (morgon|dag|kväll))(\s+(opari|kaikille|all|everyone|alla))?\s*[.!?,:)]*\s*$/i;

export function welcomeCard(lang: Lang): Record<string, unknown> {
  return renderCard('welcome', { ...messages(lang).welcome, lang });
}

/** Welcome on install (personal, group chat, team) and on "apua" / "help" / "hjälp". */
export function registerWelcome(app: Application<TurnState>): void {
  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
    if (botAdded) await sendCard(context, welcomeCard(langFor(context, state)));
  });

  for (const pattern of [HELP_PATTERN, GREETING_PATTERN]) {
    app.message(pattern, async (context, state) => {
      await sendCard(context, welcomeCard(langFor(context, state)));
    });
  }

  // Each button answers in the chat and keeps the welcome card as it is.
  const say = (pick: (m: ReturnType<typeof msgsFor>) => string) => async (context: TurnContext, state: TurnState) => {
    await context.sendActivity(pick(msgsFor(context, state)));
    return welcomeCard(langFor(context, state));
  };
  onCardAction(
    app,
    'welcome.ask',
    say((m) => m.plan.askPrompt),
  );
  // The forms and meetings buttons are answered by forms.ts and meetings.ts.
}
