import { randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { ConversationRef } from '../store/conversationRefs';
import type { Encrypted, KeyRing } from '../store/crypto';
import { statusOf } from '../store/errors';
import { readDoc, updateDoc } from '../store/documents';
import { withStoreRetry } from '../store/retry';

/**
 * A question the plan could not answer, passed to the region's experts (human in the loop).
 * Written first, posted second: a ticket whose channel post failed stays `unposted` and is retried,
 * never orphaned. Holds the asker's name (shown to experts); the question and the answer are free text that
 * can name a pupil, so they are encrypted at rest like case data. Tickets expire 365 days after their last
 * change (the container's TTL).
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

/** As stored: the question and the answer's text only inside `secret`. */
type StoredTicket = Omit<Ticket, 'question' | 'answer'> & { answer?: Omit<NonNullable<Ticket['answer']>, 'text'>; secret: Encrypted };

export class Tickets {
  constructor(
    private readonly container: Container,
    private readonly keys: KeyRing,
  ) {}

  private seal(t: Ticket): StoredTicket {
    const { question, answer, ...rest } = t;
    const { text, ...answerMeta } = answer ?? { text: undefined };
    return { ...rest, ...(answer ? { answer: answerMeta as Omit<NonNullable<Ticket['answer']>, 'text'> } : {}), secret: this.keys.seal({ question, answer: text }) };
  }

  private open(s: StoredTicket): Ticket {
    const { secret, answer, ...rest } = s;
    const free = this.keys.open<{ question: string; answer?: string }>(secret);
    return { ...rest, question: free.question, ...(answer ? { answer: { ...answer, text: free.answer ?? '' } } : {}) };
  }

  async create(t: Omit<Ticket, 'id' | 'status' | 'postAttempts' | 'history' | 'createdAt'>, now = new Date()): Promise<Ticket> {
    for (let attempt = 0; ; attempt++) {
      const ticket: Ticket = { ...t, id: shortId(), status: 'unposted', postAttempts: 0, history: [{ at: now.toISOString(), by: t.asker.userId, action: 'asked' }], createdAt: now.toISOString() };
      try {
        const { resource } = await withStoreRetry(() => this.container.items.create(this.seal(ticket)));
        return this.open(resource as StoredTicket);
      } catch (err) {
        // 409: the random id is taken (16M ids per tenant); draw another.
        if (statusOf(err) !== 409 || attempt >= 5) throw err;
      }
    }
  }

  async get(tenantId: string, id: string): Promise<Ticket | undefined> {
    const stored = await readDoc<StoredTicket>(this.container, id, tenantId);
    return stored ? this.open(stored) : undefined;
  }

  /** Read-modify-write under the ticket's ETag: two experts clicking at once cannot both claim it. */
  async update(tenantId: string, id: string, change: (t: Ticket) => Ticket | undefined): Promise<Ticket | undefined> {
    const stored = await updateDoc<StoredTicket>(
      this.container,
      id,
      tenantId,
      (s) => {
        const next = change(this.open(s));
        return next ? this.seal(next) : undefined;
      },
      () => new TicketConflictError(),
      5,
    );
    return stored ? this.open(stored) : undefined;
  }

  /** Tickets whose channel post has not succeeded yet, oldest first (retried by any instance). */
  async unposted(tenantId?: string): Promise<Ticket[]> {
    const query = tenantId
      ? { query: 'SELECT * FROM c WHERE c.status = @s AND c.tenantId = @t', parameters: [{ name: '@s', value: 'unposted' }, { name: '@t', value: tenantId }] }
      : { query: 'SELECT * FROM c WHERE c.status = @s', parameters: [{ name: '@s', value: 'unposted' }] };
    const { resources } = await this.container.items.query<StoredTicket>(query).fetchAll();
    return resources.map((s) => this.open(s)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
