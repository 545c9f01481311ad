import type { Application, TurnState } from '@microsoft/teams-ai';
import { correlationId } from '../context';

/** "ping" → "pong": a minimal turn through the whole pipeline (auth, state, routes), for support and benchmarks. */
export function registerPing(app: Application<TurnState>): void {
  app.message(/^\s*ping\s*$/i, async (context) => {
    await context.sendActivity(`pong · ${correlationId(context)}`);
  });
}
