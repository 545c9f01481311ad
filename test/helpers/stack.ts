import { startBot, type RunningBot } from './bot';
import { type Connector, startConnector } from './connector';
import { startTestStore, type TestStore } from './store';

export interface Stack {
  store: TestStore;
  connector: Connector;
  bot: RunningBot;
  stop(): Promise<void>;
}

/**
 * What most integration suites start: a test store (its own database), a connector that records what the bot
 * sends and knows `members` as the conversations' members, and one bot process on both (`env` on top of the
 * store's). What started is stopped again if a later part fails.
 */
export async function startStack(database: string, o: { members?: Connector['members']; env?: Record<string, string> } = {}): Promise<Stack> {
  const store = await startTestStore(database);
  let connector: Connector | undefined;
  try {
    connector = await startConnector();
    connector.members.push(...(o.members ?? []));
    const bot = await startBot({ ...store.env, ...o.env });
    const started = connector;
    return {
      store,
      connector: started,
      bot,
      stop: async () => {
        await bot.stop();
        await started.stop();
        await store.stop();
      },
    };
  } catch (err) {
    await connector?.stop();
    await store.stop();
    throw err;
  }
}
