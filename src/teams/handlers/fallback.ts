import type { Application, TurnState } from '@microsoft/teams-ai';
import { msgsFor } from '../context';

/** Anything not matched by another route gets a friendly localized reply, never silence. */
export function registerFallback(app: Application<TurnState>): void {
  app.activity('message', async (context, state) => {
    await context.sendActivity(msgsFor(context, state).fallback);
  });
}
