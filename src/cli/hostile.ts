import { randomBytes } from 'node:crypto';
import { commandLine } from './args';
import { spawnBot } from './botProcess';
import { activityCases, type CaseResult, closedPortUrl, runCases, startFakeOpenId, tokenCases, GUID_FOR_CASES, withGenuineToken } from './hostileCases';

/**
 * npm run hostile [-- --url http://host:port [--app-id GUID]]
 *
 * Replays the hostile run's requests against Opari and prints what came back, with a failure for every
 * answer that is 500 or more, wrong, or slow (exit code 1 if any):
 *  - malformed and hostile activities (no type, unknown verbs, no action, __proto__ keys, oversized bodies);
 *  - forged and broken Bot Framework tokens (alg none, HS256 with the public key, another key, expired,
 *    another audience/issuer/service URL), and a genuine one;
 *  - token checks while the OpenID metadata endpoint stalls, and while it is unreachable: 401 within seconds.
 *
 * Without --url it starts its own bots (built dist/, embedded store, BOT_ID with a local OpenID endpoint).
 * With --url it sends the activity cases to that bot, and the token cases too when --app-id names the
 * bot's BOT_ID (they are signed by a key the bot does not know, so every one of them must be refused).
 */
const GUID = GUID_FOR_CASES;
const env = (metadataUrl: string) => ({
  BOT_ID: GUID,
  BOT_PASSWORD: 'not-used-by-incoming-checks',
  BOT_TYPE: 'SingleTenant',
  BOT_TENANT_ID: GUID,
  CASE_KEYS: `khostile:${randomBytes(32).toString('base64')}`,
  BOT_OPENID_METADATA_URL: metadataUrl,
});

function print(title: string, results: CaseResult[]): number {
  console.log(`\n${title}`);
  for (const r of results) console.log(`  ${r.problem ? '✗' : '✓'} ${String(r.status).padEnd(4)} ${String(r.ms).padStart(6)} ms  ${r.name}${r.problem ? `  — ${r.problem}` : ''}`);
  return results.filter((r) => r.problem).length;
}

async function againstRunningBot(url: string, appId: string | undefined): Promise<number> {
  const serviceUrl = 'http://127.0.0.1:9/';
  let failures = print(`Hostile activities → ${url}`, await runCases(url, activityCases(serviceUrl)));
  if (appId) {
    const stranger = await startFakeOpenId();
    try {
      // Signed by a key the bot has never seen: the "genuine" case is a forgery here too.
      const cases = tokenCases(appId, serviceUrl, stranger).map((c) => (c.name === 'a genuine token' ? { ...c, name: 'a well-formed token from an unknown key', expect: 401 } : c));
      failures += print(`Forged tokens → ${url}`, await runCases(url, cases));
    } finally {
      await stranger.stop();
    }
  }
  return failures;
}

async function selfContained(): Promise<number> {
  let failures = 0;
  const serviceUrl = 'http://127.0.0.1:9/';
  const idp = await startFakeOpenId();
  const stalled = await startFakeOpenId('stall');
  try {
    const bot = await spawnBot(env(idp.url));
    try {
      failures += print(
        'Hostile activities (BOT_ID set, each with a genuine token)',
        await runCases(
          bot.url,
          activityCases(serviceUrl).map((c) => withGenuineToken(c, idp, serviceUrl)),
        ),
      );
      failures += print('Tokens', await runCases(bot.url, tokenCases(GUID, serviceUrl, idp)));
    } finally {
      await bot.stop();
    }
    // Without the keys no token can be checked, a genuine one included: each is refused within seconds.
    const needKeys = tokenCases(GUID, serviceUrl, idp)
      .filter((c) => ['a genuine token', 'signed by another key under the genuine key id', 'expired an hour ago'].includes(c.name))
      .map((c) => ({ ...c, expect: 401 }));
    for (const [title, metadataUrl] of [
      ['Tokens while the OpenID metadata endpoint stalls', stalled.url],
      ['Tokens while the OpenID metadata endpoint is unreachable', await closedPortUrl()],
    ]) {
      const blind = await spawnBot(env(metadataUrl));
      try {
        failures += print(title, await runCases(blind.url, needKeys, 10_000));
      } finally {
        await blind.stop();
      }
    }
  } finally {
    await stalled.stop();
    await idp.stop();
  }
  return failures;
}

async function main(): Promise<number> {
  const { values } = commandLine({ options: { url: { type: 'string' }, 'app-id': { type: 'string' } } }, 'Usage: npm run hostile -- [--url http://host:port [--app-id GUID]]', ({ values }) =>
    values['app-id'] && !values.url ? '--app-id names the bot at --url' : undefined,
  );
  const failures = values.url ? await againstRunningBot(values.url, values['app-id']) : await selfContained();
  console.log(failures ? `\n${failures} request(s) not answered as they must be.` : '\nEvery request was answered as it must be.');
  return failures ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`hostile: ${err.message}`);
    process.exit(1);
  },
);
