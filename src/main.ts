import { type Config, ConfigError, loadConfig } from './config';
import { startEmbeddedThread } from './store/embeddedThread';

/**
 * The process's entry: the config, then in local mode the embedded store on a thread of its own, started before
 * the bot is loaded so that both get ready side by side (store/embeddedThread.ts), then the bot (serve.ts).
 */
async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee README.md "Configuration" for every variable.\n`);
      process.exit(1);
    }
    throw err;
  }
  // The store picks its own port, never the bot's or the Playground's (both listen a moment later).
  const embedded = config.COSMOS_ENDPOINT ? undefined : startEmbeddedThread([config.PORT, config.PLAYGROUND_PORT]);
  const { serve } = await import('./serve');
  await serve(config, embedded);
}

// A closed stderr must not crash the process either (EPIPE arrives as an 'error' event).
process.stderr.on('error', () => undefined);

process.on('unhandledRejection', (reason) => {
  process.stderr.write(`${JSON.stringify({ level: 'error', service: 'opari', event: 'unhandledRejection', type: (reason as Error)?.name })}\n`);
});

main().catch((err: Error) => {
  process.stderr.write(`${JSON.stringify({ level: 'fatal', service: 'opari', event: 'startup.failed', type: err?.name, reason: err?.message })}\n`);
  process.exit(1);
});
