import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A local stand-in for the Bot Connector service: records what the bot sends proactively. */
export interface RecordedCall {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  /** What the connector answered. */
  status: number;
}

export interface Connector {
  url: string;
  calls: RecordedCall[];
  /** Status to answer for a conversation (default 200/201). */
  failFor: Map<string, number>;
  /** Scripted answers per conversation, used up one per call (then 201): e.g. [429, 503] before success. */
  script: Map<string, number[]>;
  /** Members returned for GET …/pagedmembers (TeamsInfo). */
  members: { id: string; name: string; aadObjectId?: string }[];
  /** Answer 429 (Retry-After: 1) as Teams does past 7/1 s, 8/2 s, 60/30 s per conversation or 50/1 s in all. */
  enforceLimits: boolean;
  stop(): Promise<void>;
  waitFor(pred: (c: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

export async function startConnector(): Promise<Connector> {
  const calls: RecordedCall[] = [];
  const failFor = new Map<string, number>();
  const script = new Map<string, number[]>();
  const members: { id: string; name: string; aadObjectId?: string }[] = [];
  const arrivals: { at: number; conversationId: string }[] = [];
  /** Would one more request now go past a limit? Counted over the requests that were let through. */
  const overLimit = (conversationId: string, at: number) => {
    const within = (ms: number, sameConversation: boolean) => arrivals.filter((a) => at - a.at < ms && (!sameConversation || a.conversationId === conversationId)).length;
    return within(1000, true) >= 7 || within(2000, true) >= 8 || within(30_000, true) >= 60 || within(1000, false) >= 50;
  };
  let n = 0;
  const answer = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    if (req.method === 'GET' && /\/pagedmembers/.test(req.url ?? '')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ members }));
      return;
    }
    // Create a 1:1 conversation: Teams answers with the same conversation for the same user every time.
    if (req.method === 'POST' && /\/v3\/conversations\/?$/.test(req.url ?? '')) {
      const member = ((body.members as { id?: string }[] | undefined) ?? [])[0]?.id ?? '';
      const id = `a:1on1-${member}`;
      calls.push({ method: 'POST', path: req.url ?? '', conversationId: id, body, status: 201 });
      res.writeHead(201, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id }));
      return;
    }
    const m = /\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?/.exec(req.url ?? '');
    const conversationId = m ? decodeURIComponent(m[1]) : '';
    // Scripted and injected failures apply to new messages (POST), not to card updates.
    const scripted = req.method === 'POST' ? script.get(conversationId)?.shift() : undefined;
    const limited = m && connector.enforceLimits && overLimit(conversationId.split(';')[0], Date.now()) ? 429 : undefined;
    if (m && connector.enforceLimits && !limited) arrivals.push({ at: Date.now(), conversationId: conversationId.split(';')[0] });
    const fail = limited ?? scripted ?? (req.method === 'POST' ? failFor.get(conversationId) : undefined);
    calls.push({ method: req.method ?? '', path: req.url ?? '', conversationId, body, status: fail ?? (req.method === 'PUT' ? 200 : 201) });
    if (fail) {
      res.writeHead(fail, { 'content-type': 'application/json', ...(fail === 429 ? { 'retry-after': '1' } : {}) });
      res.end(JSON.stringify({ error: { code: 'Failure', message: 'injected' } }));
      return;
    }
    res.writeHead(req.method === 'PUT' ? 200 : 201, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: m?.[2] ?? `activity-${++n}` }));
  };
  // A body that is not JSON gets the 400 a real connector gives, instead of an unhandled rejection.
  const server: Server = createServer((req, res) => {
    answer(req, res).catch(() => {
      res.writeHead(400);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  const connector: Connector = {
    url,
    calls,
    failFor,
    script,
    members,
    enforceLimits: false,
    stop: () => new Promise<void>((r) => server.close(() => r())),
    waitFor: async (pred, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const hit = calls.find(pred);
        if (hit) return hit;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`connector call not seen; got ${calls.map((c) => `${c.method} ${c.path}`).join(', ')}`);
    },
  };
  return connector;
}
