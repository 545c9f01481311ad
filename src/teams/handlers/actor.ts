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
