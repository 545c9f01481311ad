import type { Activity, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { OpariAdapter } from './adapter';
import { AUTH_FETCH_TIMEOUT_MS, Unauthorized } from './auth';
import { tenantOf } from './replies';

/**
 * The way in for POST /api/messages: the body must look like an activity (400 otherwise), its token must be
 * valid (401 otherwise, decided within a few seconds whatever the metadata endpoint does), and only then is
 * the turn run. The tenant gate sits between the two (http/server.ts), so an anonymous caller learns nothing
 * about which tenants are allowed.
 */
const MAX_DEPTH = 64;
/** Keys that could reach an object's prototype when JSON is copied by assignment (zod, spreads into classes). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    conversation: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
    from: z.object({ id: z.string().min(1).max(1000) }).passthrough(),
    recipient: z
      .object({ id: z.string().max(1000) })
      .passthrough()
      .nullish(),
    serviceUrl: z.string().max(2000).nullish(),
    channelId: z.string().max(100).nullish(),
    text: z.string().nullish(),
  })
  .passthrough();

/** A plain copy of parsed JSON without prototype-reaching keys; undefined when nested absurdly deep. */
function clean(value: unknown, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new RangeError('too deep');
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!FORBIDDEN_KEYS.has(k)) out[k] = clean(v, depth + 1);
    return out;
  }
  return value;
}

export function parseActivity(body: unknown): Activity | undefined {
  let cleaned: unknown;
  try {
    cleaned = clean(body);
  } catch {
    return undefined;
  }
  if (!activityShape.safeParse(cleaned).success) return undefined;
  // As botbuilder's own intake does: timestamps become Dates, their raw text kept.
  const a = cleaned as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    if (typeof a[field] === 'string') {
      a[raw] = a[field];
      a[field] = new Date(a[field] as string);
    }
  }
  return a as unknown as Activity;
}

export interface Inbound {
  activity: Activity;
  tenantId?: string;
  auth: Awaited<ReturnType<OpariAdapter['authenticate']>>;
}

/** An inbound request refused before any turn runs (HTTP status and why, for the log); domain refusals are src/refusal.ts. */
export type HttpRefusal = { refused: 400 | 401; reason: string };

/** Shape, then token, bounded in time: the activity to run, or why it is refused. */
export async function accept(adapter: OpariAdapter, body: unknown, authHeader: string): Promise<Inbound | HttpRefusal> {
  const activity = parseActivity(body);
  if (!activity) return { refused: 400, reason: 'not-an-activity' };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Unauthorized('timeout')), 2 * AUTH_FETCH_TIMEOUT_MS + 500);
  });
  try {
    const auth = await Promise.race([adapter.authenticate(authHeader, activity), timeout]);
    return { activity, tenantId: tenantOf(activity)?.toLowerCase(), auth };
  } catch (err) {
    return { refused: 401, reason: err instanceof Unauthorized ? err.reason : 'invalid' };
  } finally {
    clearTimeout(timer);
  }
}

/** Runs an accepted turn; the HTTP answer is the invoke response for invokes, else 200. */
export async function run(adapter: OpariAdapter, inbound: Inbound, logic: (context: TurnContext) => Promise<void>): Promise<{ status: number; body?: unknown }> {
  const response = await adapter.run(inbound.auth, inbound.activity, logic);
  return { status: response?.status ?? 200, body: response?.body };
}
