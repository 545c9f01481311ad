import {
  activity,
  activityCases,
  closedPortUrl,
  type FakeOpenId,
  GUID_FOR_CASES,
  runCases,
  startFakeOpenId,
  TENANT,
  token,
  tokenCases,
  withGenuineToken,
  CHANNEL_ISSUER,
} from '../../src/cli/hostileCases';
import { startBot, type RunningBot } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';

/**
 * The hostile run's requests (npm run hostile replays the same cases against any bot): malformed activities,
 * forged tokens, a hung OpenID endpoint, tenant probing. Every answer is below 500, quick, and as it must be.
 */
const SERVICE_URL = 'http://127.0.0.1:9/';
const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
const identity = (metadataUrl: string) => ({
  BOT_ID: GUID_FOR_CASES,
  BOT_PASSWORD: 'not-used-by-incoming-checks',
  BOT_TYPE: 'SingleTenant',
  BOT_TENANT_ID: GUID_FOR_CASES,
  BOT_OPENID_METADATA_URL: metadataUrl,
});
const stackTrace = /\n\s+at [^\n]+\(/;

describe('hostile requests to a bot with a Bot Framework identity', () => {
  let idp: FakeOpenId;
  let store: TestStore;
  let bot: RunningBot;
  const genuine = (tenant = TENANT) => {
    const now = Math.floor(Date.now() / 1000);
    return `Bearer ${token({ alg: 'RS256', kid: idp.kid }, { iss: CHANNEL_ISSUER, aud: GUID_FOR_CASES, serviceurl: SERVICE_URL, nbf: now - 60, exp: now + 600, tenant }, idp.privateKey)}`;
  };
  const ask = (tenant: string, authorization?: string) =>
    fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity(SERVICE_URL, { channelData: { tenant: { id: tenant } }, conversation: { id: 'a:tenant-probe', conversationType: 'personal', tenantId: tenant } })),
    });

  beforeAll(async () => {
    idp = await startFakeOpenId();
    store = await startTestStore('hostile');
    // An upper-case GUID in ALLOWED_TENANTS must not lock the (lower-case) tenant out.
    bot = await startBot({ ...store.env, ...identity(idp.url), ALLOWED_TENANTS: TENANT.toUpperCase() });
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    await store?.stop();
    await idp?.stop();
  });

  it('answers every malformed or hostile activity below 500, as it must, and stays up', async () => {
    const results = await runCases(
      bot.url,
      activityCases(SERVICE_URL).map((c) => withGenuineToken(c, idp, SERVICE_URL)),
    );
    expect(results.filter((r) => r.problem)).toEqual([]);
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    expect(bot.output()).not.toMatch(stackTrace);
  });

  it('refuses every forged or broken token with 401 at once, and lets a genuine one through', async () => {
    const results = await runCases(bot.url, tokenCases(GUID_FOR_CASES, SERVICE_URL, idp));
    expect(results.filter((r) => r.problem)).toEqual([]);
    expect(results.filter((r) => r.ms > 3000).map((r) => r.name)).toEqual([]);
    await bot.waitForLog((l) => l.event === 'auth.refused' && l.reason === 'service-url');
    const reasons = new Set(
      bot
        .logs()
        .filter((l) => l.event === 'auth.refused')
        .map((l) => l.reason),
    );
    for (const r of ['missing', 'malformed', 'algorithm', 'signature', 'expired', 'audience', 'issuer', 'key']) expect(reasons).toContain(r);
    expect(bot.output()).not.toMatch(stackTrace);
  });

  it('authenticates before the tenant gate: anonymous callers learn nothing about which tenants are allowed', async () => {
    expect((await ask(TENANT)).status).toBe(401);
    expect((await ask(OTHER_TENANT)).status).toBe(401);
    expect((await ask(OTHER_TENANT, genuine(OTHER_TENANT))).status).toBe(403);
    const allowed = await ask(TENANT, genuine());
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('pong');
    expect((await ask(TENANT.toUpperCase(), genuine())).status).toBe(200);
  });

  it.each([
    ['stalls', () => startFakeOpenId('stall').then((s) => ({ url: s.url, stop: s.stop }))],
    ['cannot be reached', async () => ({ url: await closedPortUrl(), stop: async () => undefined })],
  ])(
    'refuses tokens with 401 within seconds when the OpenID metadata endpoint %s',
    async (_how, endpoint) => {
      const metadata = await endpoint();
      const blind = await startBot({ ...identity(metadata.url), CASE_KEYS: store.env.CASE_KEYS });
      try {
        const cases = tokenCases(GUID_FOR_CASES, SERVICE_URL, idp)
          .filter((c) => ['a genuine token', 'signed by another key under the genuine key id', 'expired an hour ago'].includes(c.name))
          .map((c) => ({ ...c, expect: 401 }));
        const results = await runCases(blind.url, [...cases, ...cases], 15_000);
        expect(results.filter((r) => r.problem)).toEqual([]);
        expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(10_000);
        expect(blind.output()).not.toMatch(stackTrace);
        expect(
          blind
            .logs()
            .filter((l) => l.event === 'auth.refused')
            .map((l) => l.reason),
        ).toContain('metadata');
      } finally {
        await blind.stop();
        await metadata.stop();
      }
    },
    120_000,
  );
});
