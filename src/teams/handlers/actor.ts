import type { TurnContext } from 'botbuilder';
import type { Actor } from '../../cases/service';
import { tenantOf } from '../replies';

/** The person acting in this turn, as the domain sees them: ids and display name, no more. */
export function actorOf(context: TurnContext): Actor {
  const a = context.activity;
  return {
    tenantId: tenantOf(a) ?? 'none',
    conversationId: a.conversation.id,
    userId: a.from.id,
    aadObjectId: a.from.aadObjectId,
    name: a.from.name ?? a.from.id,
  };
}

/**
 * The idempotency key of a card submit: conversation, card message, person and what is submitted. Teams
 * retries an invoke that did not answer in time, and a double click sends it twice: each lands on this key,
 * so whatever the submit creates is created once.
 */
export function submitKey(context: TurnContext, what: string): string {
  const a = actorOf(context);
  return [a.tenantId, a.conversationId, context.activity.replyToId ?? context.activity.id, a.userId, what].join('|');
}
