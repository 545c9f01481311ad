import restify from 'restify';
import type { Config } from '../config';
import { errInfo, type Logger } from '../log';
import type { FaqEntry } from '../expert/faq';
import type { PlanService } from '../plan/answer';
import { renderFaqPage, renderPlanPage } from './planPage';

export interface HttpDeps {
  config: Config;
  log: Logger;
  /** Handles POST /api/messages once the tenant is allowed. */
  processActivity(req: restify.Request, res: restify.Response): Promise<void>;
  /** True while the store answers. */
  ready(): Promise<boolean>;
  plan: PlanService;
  /** An expert answer kept as FAQ (the target of its citation). */
  faqEntry(id: string): Promise<FaqEntry | undefined>;
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
export function createHttpServer({ config, log, processActivity, ready, plan, faqEntry, surveyCsv }: HttpDeps): HttpServer {
  const server = restify.createServer({ name: 'opari', handleUncaughtExceptions: false });
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
    res.writeHead(html ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(html ?? `<!doctype html><meta charset="utf-8"><title>404</title><p>Plan section not found. <a href="/plan/${plan.plan.topLevel[0] ?? ''}">Contents</a></p>`);
    next();
  });

  server.get('/faq/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const entry = /^faq-[0-9a-f]{8}$/.test(id) ? await faqEntry(id).catch(() => undefined) : undefined;
    res.writeHead(entry ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(entry ? renderFaqPage(plan, entry) : '<!doctype html><meta charset="utf-8"><title>404</title><p>Not found.</p>');
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
    const body = req.body as { channelData?: { tenant?: { id?: string } }; conversation?: { tenantId?: string } } | undefined;
    const tenant = body?.channelData?.tenant?.id ?? body?.conversation?.tenantId;
    if (config.ALLOWED_TENANTS.length > 0 && (!tenant || !config.ALLOWED_TENANTS.includes(tenant))) {
      // Refused before the adapter runs: no state is loaded and no handler sees the activity.
      log.warn({ event: 'tenant.refused', tenantId: tenant ?? null });
      res.send(403, { error: 'tenant not allowed' });
      return;
    }
    inFlight++;
    try {
      await processActivity(req, res);
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
