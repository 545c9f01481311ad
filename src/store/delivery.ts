import { randomUUID } from 'node:crypto';
import type { Changed } from './documents';
import { keepLease } from './lease';

/** This process, as named in the leases it holds. */
export const INSTANCE_ID = randomUUID();

/** How long a delivery claimed by an instance that then died waits before another try may take it over. */
export const DELIVERY_LEASE_MS = 30_000;

/**
 * One outgoing message recorded on the document it is about (a case's channel notice, a meeting's agenda
 * card or change announcement, a ticket's answer to the asker): `pending` until the first try, `sending`
 * while an instance holds the lease, `sent` once recorded, `failed` when the last try failed (a later try
 * may take it again).
 */
export interface Delivery {
  state: 'pending' | 'sending' | 'sent' | 'failed';
  by?: string;
  /** Lease end while `sending`: after it, another instance may take the delivery over. */
  until?: string;
  at?: string;
  activityId?: string;
  attempts: number;
  lastError?: string;
  /** When it became due, for a sweep that retries failed sends (kept through every try). */
  since?: string;
}

export interface Deliverable {
  _etag?: string;
  deliveries?: Record<string, Delivery>;
}

/** A conditional read-modify-write of the document (starting from `known` without a read when its ETag holds). */
export type ChangeFn<T> = (change: (doc: T) => T | undefined, known?: T) => Promise<Changed<T>>;

export type DeliveryResult<T> =
  | { outcome: 'sent'; doc: T; activityId?: string; leaseLost: boolean }
  /** Recorded as sent before (by this or another try). */
  | { outcome: 'already'; doc: T }
  /** Another instance holds the lease and is sending now. */
  | { outcome: 'busy'; doc: T }
  | { outcome: 'failed'; doc: T; error: unknown }
  | { outcome: 'gone' };

function withDelivery<T extends Deliverable>(doc: T, slot: string, d: Delivery): T {
  return { ...doc, deliveries: { ...doc.deliveries, [slot]: d } };
}

/**
 * Sends at least once, and once unless an instance dies between the send and its record:
 *  1. claim the slot under the document's ETag with a lease (one conditional write when `doc` is current);
 *  2. send;
 *  3. record `sent` with the claim's own ETag — one conditional write, no read, right behind the send.
 * The Bot Connector takes no idempotency key, so a send whose record never landed is sent again by the
 * next try after the lease: a possible duplicate rather than a possible loss. While the send waits (pacing,
 * retries) the lease is renewed, so a slow send is not taken over. A failed send is recorded as `failed`
 * and may be tried again; `record` adds fields of the document's own (e.g. the card's message id).
 */
export async function deliverOnce<T extends Deliverable>(
  doc: T,
  slot: string,
  change: ChangeFn<T>,
  send: () => Promise<string | undefined>,
  opts: { leaseMs: number; now?: () => Date; record?: (doc: T, activityId: string | undefined) => T },
): Promise<DeliveryResult<T>> {
  const now = opts.now ?? (() => new Date());
  const claimed = await change((d) => {
    const current = d.deliveries?.[slot];
    if (current?.state === 'sent') return undefined;
    if (current?.state === 'sending' && (current.until ?? '') > now().toISOString()) return undefined;
    const until = new Date(now().getTime() + opts.leaseMs).toISOString();
    return withDelivery(d, slot, { state: 'sending', by: INSTANCE_ID, until, attempts: (current?.attempts ?? 0) + 1, ...(current?.since ? { since: current.since } : {}) });
  }, doc);
  if (!claimed.doc) return { outcome: 'gone' };
  if (!claimed.changed) return { outcome: claimed.doc.deliveries?.[slot]?.state === 'sent' ? 'already' : 'busy', doc: claimed.doc };
  const mine = claimed.doc.deliveries![slot];
  const stillMine = (d: T) => d.deliveries?.[slot]?.by === INSTANCE_ID && d.deliveries?.[slot]?.state === 'sending';
  let latest = claimed.doc;
  const lease = keepLease(
    () =>
      change((d) => (stillMine(d) ? withDelivery(d, slot, { ...mine, until: new Date(now().getTime() + opts.leaseMs).toISOString() }) : undefined), latest).then((r) => {
        latest = r.doc ?? latest;
        return stillMine(latest);
      }),
    opts.leaseMs,
  );
  let activityId: string | undefined;
  try {
    activityId = await send();
  } catch (error) {
    await lease.stop();
    const lastError = String((error as { statusCode?: number })?.statusCode ?? (error as Error)?.name ?? 'error');
    const released = await change((d) => (stillMine(d) ? withDelivery(d, slot, { ...mine, state: 'failed', until: undefined, lastError }) : undefined), latest).catch(() => ({ doc: latest }));
    return { outcome: 'failed', doc: released.doc ?? latest, error };
  }
  await lease.stop();
  let leaseLost = false;
  const recorded = await change((d) => {
    leaseLost = d.deliveries?.[slot]?.by !== INSTANCE_ID;
    const base = opts.record ? opts.record(d, activityId) : d;
    return withDelivery(base, slot, { state: 'sent', by: INSTANCE_ID, at: now().toISOString(), attempts: mine.attempts, ...(activityId ? { activityId } : {}) });
  }, latest);
  return { outcome: 'sent', doc: recorded.doc ?? latest, activityId, leaseLost };
}
