import { randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { ConversationRef } from '../store/conversationRefs';
import { statusOf } from '../store/errors';
import { readDoc, updateDoc } from '../store/documents';
import { withStoreRetry } from '../store/retry';

/**
 * A question the plan could not answer, passed to the region's experts (human in the loop).
 * Written first, posted second: a ticket whose channel post failed stays `unposted` and is retried,
 * never orphaned. Holds the asker's name (shown to experts) but no other personal data.
 */
export type TicketStatus = 'unposted' | 'open' | 'claimed' | 'answered' | 'closed';

export interface Ticket {
  id: string;
  tenantId: string;
  question: string;
  lang: 'fi' | 'sv' | 'en';
  asker: { aadObjectId?: string; userId: string; name: string };
  /** Where the answer goes back to. */
  askerRef: ConversationRef;
  status: TicketStatus;
  claimedBy?: { userId: string; name: string };
  answer?: { text: string; by: string; at: string; savedAsFaq: boolean };
  /** The ticket card in the experts' channel, once posted. */
  channelActivityId?: string;
  postAttempts: number;
  lastPostError?: string;
  /** Delivery lease: the instance posting the ticket now, and until when. */
  postingBy?: string;
  postingUntil?: string;
  history: { at: string; by: string; action: string }[];
  createdAt: string;
  _etag?: string;
}

export class TicketConflictError extends Error {
  constructor() {
    super('The ticket was changed by someone else');
    this.name = 'TicketConflictError';
  }
}

type Expert = { userId: string; name: string };

function step(t: Ticket, by: Expert, action: string, now: Date): Ticket['history'] {
  return [...t.history, { at: now.toISOString(), by: by.userId, action }];
}

/**
 * The ticket's transitions, for `Tickets.update`: the next ticket, or undefined when the transition no longer
 * applies (someone claimed, answered or closed it first).
 */
export const transitions = {
  claim: (by: Expert, now = new Date()) => (t: Ticket): Ticket | undefined =>
    t.status === 'answered' || t.status === 'closed' || t.claimedBy ? undefined : { ...t, status: 'claimed', claimedBy: by, history: step(t, by, 'claimed', now) },
  answer: (by: Expert, text: string, savedAsFaq: boolean, now = new Date()) => (t: Ticket): Ticket | undefined =>
    t.status === 'answered' || t.status === 'closed'
      ? undefined
      : { ...t, status: 'answered', answer: { text, by: by.name, at: now.toISOString(), savedAsFaq }, history: step(t, by, 'answered', now) },
  close: (by: Expert, now = new Date()) => (t: Ticket): Ticket | undefined =>
    t.status === 'closed' ? undefined : { ...t, status: 'closed', history: step(t, by, 'closed', now) },
};

function shortId(): string {
  return `T-${randomBytes(3).toString('hex').toUpperCase()}`;
}

export class Tickets {
  constructor(private readonly container: Container) {}

  async create(t: Omit<Ticket, 'id' | 'status' | 'postAttempts' | 'history' | 'createdAt'>, now = new Date()): Promise<Ticket> {
    for (let attempt = 0; ; attempt++) {
      const ticket: Ticket = { ...t, id: shortId(), status: 'unposted', postAttempts: 0, history: [{ at: now.toISOString(), by: t.asker.userId, action: 'asked' }], createdAt: now.toISOString() };
      try {
        const { resource } = await withStoreRetry(() => this.container.items.create(ticket));
        return resource as Ticket;
      } catch (err) {
        // 409: the random id is taken (16M ids per tenant); draw another.
        if (statusOf(err) !== 409 || attempt >= 5) throw err;
      }
    }
  }

  get(tenantId: string, id: string): Promise<Ticket | undefined> {
    return readDoc<Ticket>(this.container, id, tenantId);
  }

  /** Read-modify-write under the ticket's ETag: two experts clicking at once cannot both claim it. */
  update(tenantId: string, id: string, change: (t: Ticket) => Ticket | undefined): Promise<Ticket | undefined> {
    return updateDoc(this.container, id, tenantId, change, () => new TicketConflictError(), 5);
  }

  /** Tickets whose channel post has not succeeded yet, oldest first (retried by any instance). */
  async unposted(tenantId?: string): Promise<Ticket[]> {
    const query = tenantId
      ? { query: 'SELECT * FROM c WHERE c.status = @s AND c.tenantId = @t', parameters: [{ name: '@s', value: 'unposted' }, { name: '@t', value: tenantId }] }
      : { query: 'SELECT * FROM c WHERE c.status = @s', parameters: [{ name: '@s', value: 'unposted' }] };
    const { resources } = await this.container.items.query<Ticket>(query).fetchAll();
    return resources.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
