import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { KeyRing } from './crypto';
import { statusOf } from './errors';
import { withStoreRetry } from './retry';

/**
 * 👍/👎 on an answer, kept to improve the plan and the retrieval. The question is free text that can name a
 * pupil: it is stored encrypted (readable with CASE_KEYS by whoever reviews the retrieval), and every vote
 * expires after 180 days (the container's TTL).
 */
export interface Feedback {
  vote: 'up' | 'down';
  question: string;
  sectionIds: string[];
  userAadObjectId?: string;
  conversationId: string;
  lang: string;
}

export class FeedbackStore {
  constructor(
    private readonly container: Container,
    private readonly keys: KeyRing,
  ) {}

  /**
   * Each vote is its own document, partitioned by the answered section. Its id comes from the click's
   * idempotency key (answer card, person): a replayed click (409) keeps the one vote.
   */
  async add(f: Feedback, key: string, now = new Date()): Promise<string> {
    const id = createHash('sha256').update(key).digest('hex').slice(0, 32);
    const { question, ...clear } = f;
    try {
      await withStoreRetry(() => this.container.items.create({ id, sectionId: f.sectionIds[0] ?? 'none', ...clear, secret: this.keys.seal({ question }), at: now.toISOString() }));
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    return id;
  }
}
