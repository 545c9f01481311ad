import restify from 'restify';
import type { Config } from '../config';
import { errInfo, type Logger } from '../log';
import type { FaqEntry } from '../expert/faq';
import type { PlanService } from '../plan/answer';
import { renderExpiredPage, renderFaqPage, renderPlanPage } from './planPage';
import { sendHtml } from './headers';

/** An incoming activity that passed its shape and token checks; opaque to the HTTP layer. */
export interface Accepted {
  tenantId?: string;
}

export interface HttpDeps<A extends Accepted = Accepted> {
  config: Config;
  log: Logger;
  /** Checks a POST /api/messages body and its Authorization header: 400 not an activity, 401 bad token. */
  accept(body: unknown, authHeader: string): Promise<A | { refused: 400 | 401; reason: string }>;
  /** Runs the turn of an accepted activity from an allowed tenant: the HTTP status and body to answer. */
  run(accepted: A): Promise<{ status: number; body?: unknown }>;
  /** True while the store answers. */
  ready(): Promise<boolean>;
  plan: PlanService;
  /** An expert answer kept as FAQ, for a signed link of its tenant (the target of its citation). */
  faqEntry(id: string, params: URLSearchParams): Promise<FaqEntry | 'expired' | undefined>;
  /** The original document of a plan version (`local`: the plan kept as files), for links to its pages. */
  planFile?(key: string, file: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
  /** A survey round's aggregate CSV for a signed, unexpired link. */
  surveyCsv?(roundId: string, exp: string, sig: string): Promise<string | undefined>;
}

export interface HttpServer {
  server: restify.Server;
  listen(): Promise<number>;
  /** Stops accepting, lets in-flight requests finish within graceMs. */
  drain(graceMs: number): Promise<void>;
}

/** restify: /api/messages, /healthz (liveness), /readyz (Cosmos answers). */
export function createHttpServer<A extends Accepted>({ config, log, accept, run, ready, plan, faqEntry, planFile, surveyCsv }: HttpDeps<A>): HttpServer {
  const server = restify.createServer({ name: 'opari', handleUncaughtExceptions: false });
  server.pre((_req, res, next) => {
    res.header('X-Content-Type-Options', 'nosniff');
    next();
  });
  // Teams caps a message at 28 KB, but a card submit can carry whatever a client puts in it: up to 4 MB
  // reaches the bot, which refuses oversized forms with a message the user sees; beyond that, 413.
  server.use(restify.plugins.bodyParser({ maxBodySize: 4 * 1024 * 1024, mapParams: false }));
  let accepting = false;
  let draining = false;
  let inFlight = 0;

  server.get('/healthz', (_req, res, next) => {
    res.send(accepting ? 200 : 503, { status: accepting ? 'ok' : 'starting' });
    next();
  });

  server.get('/readyz', async (_req, res) => {
    const ok = !draining && (await ready());
    res.send(ok ? 200 : 503, { status: ok ? 'ready' : draining ? 'draining' : 'store-unavailable' });
  });

  // The whole plan section as a readable page: /plan/kotiopetus, /plan/kotiopetus/huoltajan-valitsema?lang=en
  server.get('/plan/*', (req, res, next) => {
    const id = decodeURIComponent(req.path().replace(/^\/plan\//, '')).replace(/\/+$/, '');
    const q = new URL(req.url ?? '', 'http://x').searchParams.get('lang');
    const lang = q === 'sv' || q === 'en' ? q : 'fi';
    const html = /^[a-z0-9-]+(\/[a-z0-9-]+)?$/.test(id) ? renderPlanPage(plan, id, lang) : undefined;
    sendHtml(res, html ? 200 : 404, html ?? `<!doctype html><meta charset="utf-8"><title>404</title><p>Plan section not found. <a href="/plan/${plan.plan.topLevel[0] ?? ''}">Contents</a></p>`);
    next();
  });

  // The plan's original document; plan pages link to it at a section's page (#page=14 in PDF viewers).
  server.get('/plan-file/:key/:file', async (req, res) => {
    const key = String(req.params.key ?? '');
    const file = String(req.params.file ?? '');
    const valid = /^(local|v-\d{8}-[0-9a-f]{8})$/.test(key) && /^[^/\\]{1,200}$/.test(file);
    const found = valid && planFile ? await planFile(key, file).catch((err: Error) => log.warn({ event: 'plan.file.failed', type: err?.name })) : undefined;
    if (!found) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    // A saved web page is served as a download in a sandbox: its scripts never run on this origin.
    const html = /html/i.test(found.contentType);
    res.writeHead(200, {
      'content-type': found.contentType,
      'content-disposition': `${html ? 'attachment' : 'inline'}; filename*=UTF-8''${encodeURIComponent(file)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
      ...(html ? { 'content-security-policy': 'sandbox' } : {}),
    });
    res.end(found.bytes);
  });

  // An FAQ entry is the tenant's own data: served only for a link signed for its tenant, and not after it expires.
  server.get('/faq/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const params = new URL(req.url ?? '', 'http://x').searchParams;
    const entry = /^faq-[0-9a-f]{8}$/.test(id) ? await faqEntry(id, params).catch(() => undefined) : undefined;
    if (entry && entry !== 'expired') sendHtml(res, 200, renderFaqPage(plan, entry));
    else if (entry === 'expired') sendHtml(res, 403, renderExpiredPage());
    else sendHtml(res, 404, '<!doctype html><meta charset="utf-8"><title>404</title><p>Not found.</p>');
  });

  // A survey round's aggregate CSV (thresholded figures only, no answers) behind a signed link that expires.
  server.get('/surveys/:roundId/results.csv', async (req, res) => {
    const q = new URL(req.url ?? '', 'http://x').searchParams;
    const roundId = String(req.params.roundId ?? '');
    const csv = surveyCsv ? await surveyCsv(roundId, q.get('exp') ?? '', q.get('sig') ?? '').catch(() => undefined) : undefined;
    res.writeHead(csv ? 200 : 404, {
      'content-type': csv ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...(csv ? { 'content-disposition': `attachment; filename="${roundId}.csv"` } : {}),
    });
    res.end(csv ?? 'Not found, or the link has expired.');
  });

  server.post('/api/messages', async (req, res) => {
    if (draining) {
      res.send(503, { error: 'shutting down' });
      return;
    }
    inFlight++;
    try {
      // Authenticate first: an anonymous caller must not learn which tenants are allowed.
      const accepted = await accept(req.body, String(req.header('authorization') ?? ''));
      if ('refused' in accepted) {
        log.warn({ event: accepted.refused === 401 ? 'auth.refused' : 'activity.refused', reason: accepted.reason });
        res.send(accepted.refused, { error: accepted.refused === 401 ? 'unauthorized' : 'not an activity' });
        return;
      }
      if (config.ALLOWED_TENANTS.length > 0 && (!accepted.tenantId || !config.ALLOWED_TENANTS.includes(accepted.tenantId))) {
        // Refused before the turn runs: no state is loaded and no handler sees the activity.
        log.warn({ event: 'tenant.refused', tenantId: accepted.tenantId ?? null });
        res.send(403, { error: 'tenant not allowed' });
        return;
      }
      const { status, body } = await run(accepted);
      if (body === undefined) res.send(status);
      else res.send(status, body);
    } catch (err) {
      log.error({ event: 'http.messages.error', err: errInfo(err) });
      if (!res.headersSent) res.send(500);
    } finally {
      inFlight--;
    }
  });

  return {
    server,
    listen: () =>
      new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen(config.PORT, () => {
          accepting = true;
          resolve((server.address() as { port: number }).port);
        });
      }),
    drain: async (graceMs) => {
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
      accepting = false;
    },
  };
}
