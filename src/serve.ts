import type { Config } from './config';
import { startPlayground, type Playground } from './dev/playground';
import { createHttpServer } from './http/server';
import { closeLogs, createLogger, errInfo, type Logger } from './log';
import { PlanService } from './plan/answer';
import { KeyRing } from './store/crypto';
import { CONTENT_DIR, ROOT } from './paths';
import { basename, join, resolve } from 'node:path';
import { openStore, type Store } from './store/cosmos';
import type { EmbeddedStore } from './store/embeddedThread';
import { localCaseKey, wipeLocalData } from './store/localData';
import { createTeamsBot } from './teams/bot';
import { contentTypeOf } from './plan/publish/library';
import type { Background } from './background';
import { composeServices } from './composition';
import { loadTemplating } from './ui/cards';
import { existsSync, readFileSync } from 'node:fs';
import { readStemFile, writeStemFile } from './plan/stemFile';
import { loadPlanCached } from './plan/parsedPlanCache';

/**
 * Where a start leaves the stems it computed for the next one: beside the build it belongs to (dist/, or the
 * bundle's folder), since each build prints the stemming rules' source differently (see plan/stemFile.ts).
 */
const STEM_FILE = join(__dirname, '.stems.json');
const PLAN_CACHE_FILE = join(__dirname, '.plan.v8');

/**
 * The process after its config (main.ts): plan → store → services (composition.ts) → bot (teams/bot.ts) → http
 * (→ Playground locally) → background work; graceful shutdown on SIGTERM/SIGINT. `embedded` is the embedded
 * store main.ts started on its own thread when there is no Cosmos endpoint.
 */
export async function serve(config: Config, embedded?: Promise<EmbeddedStore>): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  if (config.anonymous) {
    log.warn({ event: 'auth.anonymous' }, 'BOT_ID is empty: anonymous Bot Framework requests are accepted (local use only)');
  }
  if (config.ALLOWED_TENANTS.length > 0) log.info({ event: 'auth.tenants', count: config.ALLOWED_TENANTS.length }, 'Only allowed tenants are served');

  const planStarted = Date.now();
  const planDir = config.PLAN_DIR ? resolve(config.PLAN_DIR) : join(CONTENT_DIR, 'plan');
  // Stems computed by the last start are read back (they are a third of loading the plan); see plan/stemFile.ts.
  const stemsRead = readStemFile(STEM_FILE);
  // So is the parsed plan, while its files and the build are the same (see plan/parsedPlanCache.ts).
  const parsed = loadPlanCached(planDir, PLAN_CACHE_FILE);
  const plan = PlanService.forPlan(parsed.plan, join(CONTENT_DIR, 'glossary.yml'), config.publicUrl);
  log.info({ event: 'plan.loaded', sections: plan.plan.sections.size, ms: Date.now() - planStarted, stemsRead, parsedFromCache: parsed.cached }, `Plan loaded: ${plan.plan.sections.size} sections`);
  // Written now, before any question is read: the file holds the plan's and the glossary's words, never a user's.
  writeStemFile(STEM_FILE);

  // A local trial (embedded store) keeps its data and its development case key in a folder.
  const localDataDir = !config.COSMOS_ENDPOINT && config.LOCAL_DATA_DIR !== 'off' ? resolve(ROOT, config.LOCAL_DATA_DIR) : undefined;
  if (localDataDir && process.argv.includes('--fresh')) {
    wipeLocalData(localDataDir);
    log.warn({ event: 'store.local.wiped', dataDir: localDataDir }, `--fresh: emptied ${localDataDir}`);
  }
  const store = await openStore(
    { endpoint: config.COSMOS_ENDPOINT, key: config.COSMOS_KEY, database: config.COSMOS_DATABASE, managedIdentityClientId: config.AZURE_CLIENT_ID, localDataDir, embedded },
    log,
  );
  // One key ring for everything encrypted or signed at rest: cases, tickets, FAQ, feedback, FAQ links.
  // A local trial keeps its development key beside its data, so what it stored stays readable after a restart.
  let caseKeys = config.CASE_KEYS;
  if (!caseKeys && localDataDir) {
    caseKeys = localCaseKey(localDataDir);
    log.warn({ event: 'crypto.local-key', dataDir: localDataDir }, `CASE_KEYS is empty: stored data is encrypted with the development key kept in ${join(localDataDir, 'case-key')} (local only)`);
  }
  const keys = KeyRing.fromEnv(caseKeys);
  if (keys.generated) log.warn({ event: 'crypto.dev-key' }, 'CASE_KEYS is empty: stored data is encrypted with a development key made for this run (local only)');
  const foundation = { config, store, log, plan, keys };
  const services = composeServices(foundation);
  const { library, watcher, faq, originals } = services;
  // A plan published from Teams (Cosmos) replaces the one kept as files; every instance follows the pointer.
  await watcher.refresh().catch((err: Error) => log.error({ event: 'plan.watch.failed', type: err?.name }, 'The published plan could not be loaded; answering from the plan kept as files'));
  const bot = createTeamsBot(foundation, services);
  const planFile = async (key: string, file: string) => {
    if (key !== 'local') return library.original(key, file);
    const path = join(planDir, '_original', basename(file));
    return existsSync(path) ? { bytes: readFileSync(path), contentType: contentTypeOf(file) } : undefined;
  };
  const http = createHttpServer({
    config,
    log,
    accept: bot.accept,
    run: bot.run,
    ready: () => store.ping(),
    plan,
    faqEntry: (id, params) => faq.entryForLink(id, params),
    planFile,
    surveyCsv: bot.surveyCsv,
  });
  const port = await http.listen();
  bot.background.start();
  // What the first card needs is loaded once the bot listens rather than before.
  setImmediate(loadTemplating);
  log.info({ event: 'http.listening', port }, `Opari listens on http://localhost:${port}/api/messages`);

  let playground: Playground | undefined;
  if (config.PLAYGROUND === 'on') {
    try {
      playground = await startPlayground({ botPort: port, port: config.PLAYGROUND_PORT, log });
      log.info({ event: 'playground.ready', url: playground.url }, `Open ${playground.url} in your browser to talk to Opari in the Agents Playground`);
    } catch (err) {
      log.error({ event: 'playground.failed', reason: (err as Error).message }, 'Agents Playground did not start; the bot keeps running');
    }
  }

  installShutdown({
    log,
    background: bot.background,
    http: {
      drain: async (ms) => {
        await http.drain(ms);
        await originals.close();
      },
    },
    store,
    playground,
    graceMs: config.SHUTDOWN_GRACE_MS,
  });
}

/** Exit codes of a shutdown that did not finish: cut short by a second signal (128 + its number), or out of time. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const;
const TIMED_OUT_EXIT = 1;

/**
 * SIGTERM/SIGINT: stop the background work (claims not being sent are given back), let in-flight requests
 * finish, close the Playground and the store, exit 0 — all within `graceMs`, whatever else happens: past it the
 * process exits 1. A second SIGTERM or SIGINT exits at once. Logging never holds the exit up (see log.ts).
 */
function installShutdown(p: { log: Logger; background: Background; http: { drain(ms: number): Promise<void> }; store: Store; playground?: Playground; graceMs: number }): void {
  let stopping = false;
  const exit = (code: number) => {
    void closeLogs(Math.min(250, p.graceMs)).finally(() => process.exit(code));
    setTimeout(() => process.exit(code), Math.min(300, p.graceMs) + 50).unref(); // even if the logs' flush never settles
  };
  const stop = async (signal: keyof typeof SIGNAL_EXIT) => {
    if (stopping) {
      p.log.warn({ event: 'shutdown.forced', signal });
      void closeLogs(0);
      process.exit(SIGNAL_EXIT[signal]);
    }
    stopping = true;
    const started = Date.now();
    // The last 300 ms are kept for closing the store and the logs.
    const left = () => Math.max(0, p.graceMs - 300 - (Date.now() - started));
    setTimeout(() => {
      p.log.error({ event: 'shutdown.timeout', graceMs: p.graceMs });
      void closeLogs(0);
      process.exit(TIMED_OUT_EXIT);
    }, p.graceMs).unref();
    p.log.info({ event: 'shutdown.start', signal });
    try {
      await Promise.all([p.background.stop(left()), p.http.drain(left())]);
      await p.playground?.stop();
      await p.store.close();
      p.log.info({ event: 'shutdown.done', ms: Date.now() - started });
      exit(0);
    } catch (err) {
      p.log.error({ event: 'shutdown.failed', err: errInfo(err) });
      exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
