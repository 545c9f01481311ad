import { createHash, randomBytes } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { ConversationRef } from '../store/conversationRefs';
import type { Encrypted, KeyRing } from '../store/crypto';
import type { Deliverable } from '../store/delivery';
import { statusOf } from '../store/errors';
import { type Changed, changeDoc, readDoc } from '../store/documents';
import { withStoreRetry } from '../store/retry';

/**
 * A question the plan could not answer, passed to the region's experts (human in the loop).
 * Written first, posted second: a ticket whose channel post failed stays `unposted` and is retried,
 * never orphaned. Holds the asker's name (shown to experts); the question and the answer are free text that
 * can name a pupil, so they are encrypted at rest like case data. Tickets expire 365 days after their last
 * change (the container's TTL).
 */
export type TicketStatus = 'unposted' | 'open' | 'claimed' | 'answered' | 'closed';

/** `deliveries.answer`: the answer sent to the asker, at least once (store/delivery.ts). */
export interface Ticket extends Deliverable {
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
  /** Hash of the idempotency key of the click that asked: the same click twice asks once. */
  askKey?: string;
  createdAt: string;
  _etag?: string;
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
  claim:
    (by: Expert, now = new Date()) =>
    (t: Ticket): Ticket | undefined =>
      t.status === 'answered' || t.status === 'closed' || t.claimedBy ? undefined : { ...t, status: 'claimed', claimedBy: by, history: step(t, by, 'claimed', now) },
  answer:
    (by: Expert, text: string, savedAsFaq: boolean, now = new Date()) =>
    (t: Ticket): Ticket | undefined =>
      t.status === 'answered' || t.status === 'closed'
        ? undefined
        : { ...t, status: 'answered', answer: { text, by: by.name, at: now.toISOString(), savedAsFaq }, history: step(t, by, 'answered', now) },
  close:
    (by: Expert, now = new Date()) =>
    (t: Ticket): Ticket | undefined =>
      t.status === 'closed' ? undefined : { ...t, status: 'closed', history: step(t, by, 'closed', now) },
};

const digest = (s: string) => createHash('sha256').update(s).digest('hex');

/** The ticket number: drawn at random, or derived from the asking click's key (the same click, the same ticket). */
function shortId(key: string | undefined, attempt: number): string {
  return `T-${(key ? digest(`${key}#${attempt}`).slice(0, 6) : randomBytes(3).toString('hex')).toUpperCase()}`;
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

  /**
   * Creates the ticket; with `key` (the asking click's idempotency key) once: a replayed click gets the ticket
   * it created before, with `duplicate`.
   */
  async create(t: Omit<Ticket, 'id' | 'status' | 'postAttempts' | 'history' | 'createdAt' | 'askKey'>, now = new Date(), key?: string): Promise<{ ticket: Ticket; duplicate: boolean }> {
    const askKey = key ? digest(key) : undefined;
    for (let attempt = 0; ; attempt++) {
      const ticket: Ticket = {
        ...t,
        id: shortId(key, attempt),
        status: 'unposted',
        postAttempts: 0,
        history: [{ at: now.toISOString(), by: t.asker.userId, action: 'asked' }],
        ...(askKey ? { askKey } : {}),
        createdAt: now.toISOString(),
      };
      try {
        const { resource } = await withStoreRetry(() => this.container.items.create(this.seal(ticket)));
        return { ticket: this.open(resource as StoredTicket), duplicate: false };
      } catch (err) {
        if (statusOf(err) !== 409 || attempt >= 5) throw err;
        // 409: this click's ticket (a replay), or another ticket holds the number (16M per tenant): take the next.
        const existing = askKey ? await this.get(t.tenantId, ticket.id) : undefined;
        if (existing && existing.askKey === askKey) return { ticket: existing, duplicate: true };
      }
    }
  }

  async get(tenantId: string, id: string): Promise<Ticket | undefined> {
    const stored = await readDoc<StoredTicket>(this.container, id, tenantId);
    return stored ? this.open(stored) : undefined;
  }

  /** Read-modify-write under the ticket's ETag: two experts clicking at once cannot both claim it. */
  async update(tenantId: string, id: string, change: (t: Ticket) => Ticket | undefined): Promise<Ticket | undefined> {
    return (await this.change(tenantId, id, change)).doc;
  }

  /**
   * `update` that says whether it wrote, starting from `known` (a version this caller holds, with its ETag)
   * without a read while that ETag holds. The free text is sealed again on every write.
   */
  async change(tenantId: string, id: string, change: (t: Ticket) => Ticket | undefined, known?: Ticket): Promise<Changed<Ticket>> {
    const r = await changeDoc<StoredTicket>(
      this.container,
      id,
      tenantId,
      (s) => {
        const next = change(this.open(s));
        return next ? this.seal(next) : undefined;
      },
      'ticket',
      { attempts: 5, known: known ? this.seal(known) : undefined },
    );
    return { doc: r.doc ? this.open(r.doc) : undefined, changed: r.changed };
  }

  /** Tickets whose channel post has not succeeded yet, oldest first (retried by any instance). */
  async unposted(tenantId?: string): Promise<Ticket[]> {
    const query = tenantId
      ? {
          query: 'SELECT * FROM c WHERE c.status = @s AND c.tenantId = @t',
          parameters: [
            { name: '@s', value: 'unposted' },
            { name: '@t', value: tenantId },
          ],
        }
      : { query: 'SELECT * FROM c WHERE c.status = @s', parameters: [{ name: '@s', value: 'unposted' }] };
    const { resources } = await this.container.items.query<StoredTicket>(query).fetchAll();
    return resources.map((s) => this.open(s)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
