import type { Application, TurnState } from '@microsoft/teams-ai';
import { ActivityTypes } from 'botbuilder';
import type { Logger } from '../../log';
import { msgsFor, turnLog } from '../context';

/**
 * What no other route answers. teams-ai leaves an unmatched invoke without a response, which the adapter
 * turns into HTTP 501 and Teams into "Something went wrong". A card action Opari does not know (a stale or
 * crafted card: unknown verb, no action at all) gets a Universal Actions error response that Teams shows
 * as a message; any other invoke a plain 400. Registered last: it matches every invoke.
 */
export function registerFallbacks(app: Application<TurnState>, log: Logger): void {
  app.addRoute(
    async (context) => context.activity.type === ActivityTypes.Invoke,
    async (context, state) => {
      const a = context.activity;
      const cardAction = a.name === 'adaptiveCard/action';
      turnLog(context, log).warn({ event: 'invoke.unhandled', cardAction });
      const value = cardAction
        ? { status: 200, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: msgsFor(context, state).actions.unknown } } }
        : { status: 400, body: { error: 'unsupported invoke' } };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value });
    },
    true,
  );
}
