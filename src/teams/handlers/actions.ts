import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, type TurnContext } from 'botbuilder';
import { CARD_LANG_KEY, msgsFor } from '../context';

export type CardActionHandler = (context: TurnContext, state: TurnState, data: Record<string, unknown>) => Promise<Record<string, unknown> | string>;

export interface CardActionOptions {
  /**
   * The returned card is for the person who acted only (a case's details): it must never become the content
   * of a shared message. Given for such verbs: delivers the card to the person's personal chat with Opari
   * (true when it was sent), used where a client falls back to Action.Submit in a channel or group chat.
   */
  personal?: (context: TurnContext, card: Record<string, unknown>) => Promise<boolean>;
}

/** Every card verb the bot answers; the card contract test checks each template's verbs against it. */
export const registeredVerbs = new Set<string>();

const isShared = (context: TurnContext) => (context.activity.conversation?.conversationType ?? 'personal') !== 'personal';

/** A card may say its language in its buttons' data (`lang`): the reply to a click keeps to it. */
function withCardLang(handler: CardActionHandler): CardActionHandler {
  return (context, state, data) => {
    if (data.lang === 'fi' || data.lang === 'sv' || data.lang === 'en') context.turnState.set(CARD_LANG_KEY, data.lang);
    return handler(context, state, data);
  };
}

/**
 * Registers a card verb for Action.Execute (Universal Actions) and for Action.Submit from clients that fall
 * back to it.
 *
 * Action.Execute: the returned card or text is the invoke response, which Teams shows to the person who
 * clicked, and to nobody else. teams-ai would instead write a returned card that has `refresh` into the
 * message itself for every member (updateActivity): a user-specific view, such as a case's details, would
 * become the shared message. So the response is sent here and teams-ai updates nothing.
 *
 * Action.Submit: the result updates the clicked message, except a personal result in a channel or group
 * chat, which goes to the person's personal chat and leaves the shared message as it is.
 */
export function onCardAction(app: Application<TurnState>, verb: string, cardHandler: CardActionHandler, opts: CardActionOptions = {}): void {
  registeredVerbs.add(verb);
  const handler = withCardLang(cardHandler);
  app.adaptiveCards.actionExecute(verb, async (context, state, data) => {
    const result = await handler(context, state, (data ?? {}) as Record<string, unknown>);
    if (!context.turnState.get(INVOKE_RESPONSE_KEY)) {
      const body =
        typeof result === 'string'
          ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result }
          : { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    }
    return result as never;
  });
  app.adaptiveCards.actionSubmit(verb, async (context, state, data) => {
    const result = await handler(context, state, (data ?? {}) as Record<string, unknown>);
    if (typeof result === 'string') await context.sendActivity(result);
    else if (opts.personal && isShared(context)) {
      const m = msgsFor(context, state);
      await context.sendActivity((await opts.personal(context, result)) ? m.actions.sentToPersonal : m.actions.openPersonally);
    } else if (context.activity.replyToId) {
      await context.updateActivity({ id: context.activity.replyToId, type: 'message', attachments: [CardFactory.adaptiveCard(result)] });
    } else await context.sendActivity({ attachments: [CardFactory.adaptiveCard(result)] });
  });
}
