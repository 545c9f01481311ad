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
  /** The original document of a plan version (`local`: the plan kept as files), for links to its pages. */
  planFile?(key: string, file: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
}

export interface HttpServer {
  server: restify.Server;
  listen(): Promise<number>;
  /** Stops accepting, lets in-flight requests finish within graceMs. */
  drain(graceMs: number): Promise<void>;
}

/** restify: /api/messages, /healthz (liveness), /readyz (Cosmos answers). */
export function createHttpServer({ config, log, processActivity, ready, plan, faqEntry, planFile }: HttpDeps): HttpServer {
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

  server.get('/faq/:id', async (req, res) => {
    const id = String(req.params.id ?? '');
    const entry = /^faq-[0-9a-f]{8}$/.test(id) ? await faqEntry(id).catch(() => undefined) : undefined;
    res.writeHead(entry ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(entry ? renderFaqPage(plan, entry) : '<!doctype html><meta charset="utf-8"><title>404</title><p>Not found.</p>');
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
