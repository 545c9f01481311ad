import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { Ticket, Tickets } from './tickets';

/**
 * Posts tickets to the experts' channel exactly once across instances: an instance claims an unposted
 * ticket under its ETag (a short lease), posts, then records the channel message id. A failed post leaves
 * the ticket unposted for the next attempt; a lease left by a crashed instance expires.
 */
export const LEASE_MS = 30_000;
export const instanceId = randomUUID();

export type PostTicket = (ticket: Ticket) => Promise<string | undefined>;

export async function deliverTicket(tickets: Tickets, ticket: Ticket, post: PostTicket, log: Logger, now = () => new Date()): Promise<Ticket | undefined> {
  const claimed = await tickets.update(ticket.tenantId, ticket.id, (t) => {
    if (t.status !== 'unposted' || (t.postingUntil && t.postingUntil > now().toISOString())) return undefined;
    return { ...t, postingBy: instanceId, postingUntil: new Date(now().getTime() + LEASE_MS).toISOString(), postAttempts: t.postAttempts + 1 };
  });
  if (!claimed || claimed.postingBy !== instanceId || claimed.status !== 'unposted') return claimed;
  try {
    const activityId = await post(claimed);
    const posted = await tickets.update(ticket.tenantId, ticket.id, (t) => ({
      ...t,
      status: 'open',
      channelActivityId: activityId,
      postingUntil: undefined,
      lastPostError: undefined,
      history: [...t.history, { at: now().toISOString(), by: 'opari', action: 'posted' }],
    }));
    log.info({ event: 'expert.ticket.posted', ticketId: ticket.id, attempts: claimed.postAttempts });
    return posted;
  } catch (err) {
    const reason = (err as { statusCode?: number; code?: string })?.statusCode ?? (err as Error)?.name ?? 'error';
    log.warn({ event: 'expert.ticket.post-failed', ticketId: ticket.id, attempts: claimed.postAttempts, reason });
    return tickets.update(ticket.tenantId, ticket.id, (t) => ({ ...t, postingUntil: undefined, lastPostError: String(reason) }));
  }
}

/** Retries every unposted ticket (all tenants, or one); run periodically by each instance. */
export async function retryUnposted(tickets: Tickets, post: PostTicket, log: Logger, tenantId?: string): Promise<number> {
  let n = 0;
  for (const t of await tickets.unposted(tenantId)) {
    const after = await deliverTicket(tickets, t, post, log);
    if (after?.status === 'open') n++;
  }
  return n;
}
