import type { Logger } from '../log';
import { DELIVERY_LEASE_MS, deliverOnce, type DeliveryResult, INSTANCE_ID } from '../store/delivery';
import type { Ticket, Tickets } from './tickets';

export type PostTicket = (ticket: Ticket) => Promise<string | undefined>;

/**
 * Posts a ticket to the experts' channel at least once across instances, and once unless an instance dies
 * between the post and its record: an instance claims an unposted ticket under its ETag (a lease), posts,
 * then records the channel message id — each one conditional write from the version it already holds, so
 * the record follows the post by one round trip. A failed post leaves the ticket unposted for the next
 * attempt; a lease left by a crashed instance expires, and the next attempt posts again (the Bot Connector
 * takes no idempotency key: a possible duplicate rather than a lost question).
 */
export async function deliverTicket(tickets: Tickets, ticket: Ticket, post: PostTicket, log: Logger, now = () => new Date()): Promise<Ticket | undefined> {
  const { doc: claimed, changed } = await tickets.change(
    ticket.tenantId,
    ticket.id,
    (t) => {
      if (t.status !== 'unposted' || (t.postingUntil && t.postingUntil > now().toISOString())) return undefined;
      return { ...t, postingBy: INSTANCE_ID, postingUntil: new Date(now().getTime() + DELIVERY_LEASE_MS).toISOString(), postAttempts: t.postAttempts + 1 };
    },
    ticket,
  );
  if (!claimed || !changed) return claimed;
  let activityId: string | undefined;
  try {
    activityId = await post(claimed);
  } catch (err) {
    const reason = (err as { statusCode?: number; code?: string })?.statusCode ?? (err as Error)?.name ?? 'error';
    log.warn({ event: 'expert.ticket.post-failed', ticketId: ticket.id, attempts: claimed.postAttempts, reason });
    return (await tickets.change(ticket.tenantId, ticket.id, (t) => (t.postingBy === INSTANCE_ID ? { ...t, postingUntil: undefined, lastPostError: String(reason) } : undefined), claimed)).doc;
  }
  let leaseLost = false;
  const { doc: posted } = await tickets.change(
    ticket.tenantId,
    ticket.id,
    (t) => {
      leaseLost = t.postingBy !== INSTANCE_ID;
      return {
        ...t,
        status: 'open',
        channelActivityId: activityId,
        postingUntil: undefined,
        lastPostError: undefined,
        history: [...t.history, { at: now().toISOString(), by: 'opari', action: 'posted' }],
      };
    },
    claimed,
  );
  if (leaseLost) log.warn({ event: 'expert.ticket.lease-lost', ticketId: ticket.id }); // another instance may post it too
  log.info({ event: 'expert.ticket.posted', ticketId: ticket.id, attempts: claimed.postAttempts });
  return posted;
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

/** Sends the expert's answer to the asker at least once, recorded on the ticket: a replayed click does not send it again. */
export function deliverAnswer(tickets: Tickets, ticket: Ticket, send: () => Promise<void>): Promise<DeliveryResult<Ticket>> {
  return deliverOnce(
    ticket,
    'answer',
    (change, known) => tickets.change(ticket.tenantId, ticket.id, change, known),
    async () => {
      await send();
      return undefined;
    },
    { leaseMs: DELIVERY_LEASE_MS },
  );
}
