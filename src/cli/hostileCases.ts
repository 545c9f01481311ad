import { createHmac, generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createTcpServer, type Socket } from 'node:net';

/**
 * The requests a hostile or careless client sends to /api/messages, each with what Opari must answer:
 * malformed and hostile activities (answered below 500, the process stays up) and forged or broken Bot
 * Framework tokens (401, quickly). Shared by `npm run hostile` and the integration tests.
 */
export interface HostileCase {
  name: string;
  /** JSON body, or raw text when the body itself is the attack. */
  body: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** What must come back: a status, or a check of status and body (a failure message, or '' when it held). */
  expect: number | ((status: number, body: string) => string);
}

export interface CaseResult {
  name: string;
  status: number;
  ms: number;
  problem: string;
}

export const TENANT = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
export const CHANNEL_ISSUER = 'https://api.botframework.com';
/** The BOT_ID of the bots `npm run hostile` starts for itself. */
export const GUID_FOR_CASES = '0b0b0b0b-1111-4222-8333-444444444444';

/** A Teams activity as the channel sends it. */
export function activity(serviceUrl: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:hostile', name: 'Hostile', aadObjectId: '0a1b2c3d-0666-4000-8000-000000000666' },
    recipient: { id: '28:opari', name: 'Opari' },
    conversation: { id: 'a:hostile', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'fi-FI',
    text: 'ping',
    deliveryMode: 'expectReplies',
    ...extra,
  };
}

const below500 = (status: number) => (status < 500 ? '' : `expected < 500, got ${status}`);
const cardError = (status: number, body: string) =>
  status === 200 && body.includes('"type":"application/vnd.microsoft.error"') && body.includes('"statusCode":400')
    ? ''
    : `expected a Universal Actions error response, got ${status} ${body.slice(0, 120)}`;

/** Item 6 of the hostile run: activities that are not what Teams sends. */
export function activityCases(serviceUrl: string): HostileCase[] {
  // Teams sends invokes without expectReplies: their HTTP answer is the invoke response itself.
  const invoke = (value: unknown) => activity(serviceUrl, { type: 'invoke', name: 'adaptiveCard/action', text: undefined, deliveryMode: undefined, value });
  const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
  return [
    { name: 'activity without type', body: { ...activity(serviceUrl), type: undefined }, expect: 400 },
    { name: 'type that is not a string', body: { ...activity(serviceUrl), type: 7 }, expect: 400 },
    { name: 'body that is an array', body: [activity(serviceUrl)], expect: 400 },
    { name: 'body that is null', body: null, raw: 'null', expect: 400 },
    { name: 'body that is not JSON', body: null, raw: '{"type": "message", ', expect: (s) => (s === 400 ? '' : `expected 400, got ${s}`) },
    { name: 'message without conversation', body: { ...activity(serviceUrl), conversation: undefined }, expect: 400 },
    { name: 'message whose text is an object', body: { ...activity(serviceUrl), text: { $gt: '' } }, expect: 400 },
    { name: 'nesting 200 levels deep', body: { ...activity(serviceUrl), value: deep(200) }, expect: 400 },
    { name: 'card action with an unknown verb', body: invoke({ action: { type: 'Action.Execute', verb: 'admin.grantAll', data: {} } }), expect: cardError },
    { name: 'card action without an action', body: invoke({}), expect: cardError },
    { name: 'card action whose verb is not a string', body: invoke({ action: { type: 'Action.Execute', verb: { toString: 1 } } }), expect: cardError },
    {
      name: 'card action with __proto__ keys in its data',
      body: null,
      raw: JSON.stringify(invoke({ action: { type: 'Action.Execute', verb: 'case.open', data: { caseId: 'x' } } })).replace(
        '"data":{',
        '"data":{"__proto__":{"isAdmin":true,"allowed":true},"constructor":{"prototype":{"x":1}},',
      ),
      expect: below500,
    },
    {
      name: 'card action with __proto__ as its value',
      body: null,
      raw: JSON.stringify(invoke({ trigger: 'manual' })).replace('"value":{', '"value":{"__proto__":{"action":{"verb":"case.open"}},'),
      expect: cardError,
    },
    { name: 'Action.Submit type on an Action.Execute verb', body: invoke({ action: { type: 'Action.Submit', verb: 'case.open', data: {} } }), expect: below500 },
    { name: 'an invoke Opari does not handle', body: { ...invoke({}), name: 'task/fetch' }, expect: 400 },
    {
      name: 'conversationUpdate with members that are not a list',
      body: activity(serviceUrl, { type: 'conversationUpdate', text: undefined, membersAdded: 'everyone', membersRemoved: 5 }),
      expect: below500,
    },
    {
      name: 'form submit with a 3 MB field',
      body: invoke({ action: { type: 'Action.Execute', verb: 'form.submit', data: { formId: 'uusi-asia', description: 'x'.repeat(3 * 1024 * 1024) } } }),
      expect: below500,
    },
    { name: 'body over 4 MB', body: null, raw: JSON.stringify(activity(serviceUrl, { text: 'x'.repeat(5 * 1024 * 1024) })), expect: 413 },
    { name: 'plain text content type', body: null, raw: 'hello', headers: { 'content-type': 'text/plain' }, expect: (s) => (s >= 400 && s < 500 ? '' : `expected 4xx, got ${s}`) },
  ];
}

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A JWT signed with an RSA private key (RS256), or with whatever `alg` and signature a forger chooses. */
export function token(header: Record<string, unknown>, claims: Record<string, unknown>, key?: KeyObject, signature?: string): string {
  const data = `${b64(header)}.${b64(claims)}`;
  return `${data}.${signature ?? (key ? sign('sha256', Buffer.from(data), key).toString('base64url') : '')}`;
}

export interface FakeOpenId {
  url: string;
  kid: string;
  privateKey: KeyObject;
  publicPem: string;
  stop(): Promise<void>;
}

/**
 * A local stand-in for login.botframework.com's OpenID metadata and keys. `stall`: accepts connections and
 * never answers, as a hung endpoint would.
 */
export async function startFakeOpenId(mode: 'ok' | 'stall' = 'ok'): Promise<FakeOpenId> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const kid = `kid-${randomUUID().slice(0, 8)}`;
  const sockets = new Set<Socket>();
  let base = '';
  const server: Server = createServer((req, res) => {
    if (mode === 'stall') return;
    const json = (o: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(o));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') json({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/.well-known/keys` });
    else if (req.url === '/v1/.well-known/keys') json({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams'] }] });
    else {
      res.writeHead(404);
      res.end();
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/v1/.well-known/openidconfiguration`,
    kid,
    privateKey,
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    stop: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}

/** The OpenID metadata address of a port nobody listens on: an unreachable endpoint. */
export async function closedPortUrl(): Promise<string> {
  const s = createTcpServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((r) => s.close(() => r()));
  return `http://127.0.0.1:${port}/v1/.well-known/openidconfiguration`;
}

/** Item 5 of the hostile run: tokens that must give 401, and one genuine token that must get through. */
export function tokenCases(appId: string, serviceUrl: string, idp: Pick<FakeOpenId, 'kid' | 'privateKey' | 'publicPem'>): HostileCase[] {
  const now = Math.floor(Date.now() / 1000);
  const claims = { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 };
  const rs = { alg: 'RS256', kid: idp.kid, typ: 'JWT' };
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
  const bearer = (t: string) => ({ authorization: `Bearer ${t}` });
  const hs256 = (() => {
    const data = `${b64({ alg: 'HS256', kid: idp.kid, typ: 'JWT' })}.${b64(claims)}`;
    return `${data}.${createHmac('sha256', idp.publicPem).update(data).digest('base64url')}`;
  })();
  const refused = (name: string, headers?: Record<string, string>): HostileCase => ({ name, body: activity(serviceUrl), headers, expect: 401 });
  return [
    {
      name: 'a genuine token',
      body: activity(serviceUrl),
      headers: bearer(token(rs, claims, idp.privateKey)),
      expect: (s, b) => (s === 200 && b.includes('pong') ? '' : `expected 200 with pong, got ${s}`),
    },
    refused('no Authorization header'),
    refused('a Bearer that is not a JWT', bearer('not-a-token')),
    refused('alg "none" without a signature', bearer(token({ alg: 'none', kid: idp.kid }, claims))),
    refused('alg "none" with a made-up signature', bearer(token({ alg: 'none', kid: idp.kid }, claims, undefined, 'AAAA'))),
    refused('HS256 signed with the public key as its secret', bearer(hs256)),
    refused('signed by another key under the genuine key id', bearer(token(rs, claims, other))),
    refused('a signature from another token', bearer(`${token(rs, claims).slice(0, -1)}.${token(rs, { ...claims, aud: 'x' }, idp.privateKey).split('.')[2]}`)),
    refused('expired an hour ago', bearer(token(rs, { ...claims, exp: now - 3600, nbf: now - 7200 }, idp.privateKey))),
    refused('for another bot', bearer(token(rs, { ...claims, aud: '99999999-2222-4333-8444-555555555555' }, idp.privateKey))),
    refused('from another issuer', bearer(token(rs, { ...claims, iss: 'https://evil.example' }, idp.privateKey))),
    refused('with an unknown key id', bearer(token({ ...rs, kid: 'unknown-kid' }, claims, idp.privateKey))),
    refused('for another service URL', bearer(token(rs, { ...claims, serviceurl: 'https://evil.example/' }, idp.privateKey))),
  ];
}

/** The case as an authenticated channel would send it: the hostile body carries a genuine token. */
export function withGenuineToken(c: HostileCase, idp: Pick<FakeOpenId, 'kid' | 'privateKey'>, serviceUrl: string, appId = GUID_FOR_CASES): HostileCase {
  const now = Math.floor(Date.now() / 1000);
  const t = token({ alg: 'RS256', kid: idp.kid, typ: 'JWT' }, { iss: CHANNEL_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: now - 60, exp: now + 3600 }, idp.privateKey);
  return { ...c, headers: { authorization: `Bearer ${t}`, ...(c.headers ?? {}) } };
}

/** Posts each case to /api/messages and checks the answer; a case that takes longer than `timeoutMs` fails. */
export async function runCases(baseUrl: string, cases: HostileCase[], timeoutMs = 10_000): Promise<CaseResult[]> {
  const out: CaseResult[] = [];
  for (const c of cases) {
    const started = Date.now();
    let status = 0;
    let text: string;
    try {
      const res = await fetch(`${baseUrl}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(c.headers ?? {}) },
        body: c.raw ?? JSON.stringify(c.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      status = res.status;
      text = await res.text();
    } catch (err) {
      text = (err as Error).name;
    }
    const ms = Date.now() - started;
    const problem =
      status === 0 ? `no answer within ${timeoutMs} ms (${text})` : typeof c.expect === 'number' ? (status === c.expect ? '' : `expected ${c.expect}, got ${status}`) : c.expect(status, text);
    out.push({ name: c.name, status, ms, problem });
  }
  return out;
}
