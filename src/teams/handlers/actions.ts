import type { Application, TurnState } from '@microsoft/teams-ai';
import { CardFactory, type TurnContext } from 'botbuilder';
import { CARD_LANG_KEY } from '../context';

export type CardActionHandler = (context: TurnContext, state: TurnState, data: Record<string, unknown>) => Promise<Record<string, unknown> | string>;

/** Every card verb the bot answers; the card contract test checks each template's verbs against it. */
export const registeredVerbs = new Set<string>();

/** A card may say its language in its buttons' data (`lang`): the reply to a click keeps to it. */
function withCardLang(handler: CardActionHandler): CardActionHandler {
  return (context, state, data) => {
    if (data.lang === 'fi' || data.lang === 'sv' || data.lang === 'en') context.turnState.set(CARD_LANG_KEY, data.lang);
    return handler(context, state, data);
  };
}

/**
 * Registers a card verb for Action.Execute (Universal Actions, the card is replaced by the returned one)
 * and for Action.Submit from clients that fall back to it (the returned card is posted as an update).
 */
export function onCardAction(app: Application<TurnState>, verb: string, cardHandler: CardActionHandler): void {
  registeredVerbs.add(verb);
  const handler = withCardLang(cardHandler);
  app.adaptiveCards.actionExecute(verb, async (context, state, data) => {
    const result = await handler(context, state, (data ?? {}) as Record<string, unknown>);
    return result as never;
  });
  app.adaptiveCards.actionSubmit(verb, async (context, state, data) => {
    const result = await handler(context, state, (data ?? {}) as Record<string, unknown>);
    if (typeof result === 'string') await context.sendActivity(result);
    else if (context.activity.replyToId) {
      await context.updateActivity({ id: context.activity.replyToId, type: 'message', attachments: [CardFactory.adaptiveCard(result)] });
    } else await context.sendActivity({ attachments: [CardFactory.adaptiveCard(result)] });
  });
}
