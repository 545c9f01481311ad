import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { statusOf } from './errors';
import { withStoreRetry } from './retry';

/** 👍/👎 on an answer, kept to improve the plan and the retrieval. */
export interface Feedback {
  vote: 'up' | 'down';
  question: string;
  sectionIds: string[];
  userAadObjectId?: string;
  conversationId: string;
  lang: string;
}

export class FeedbackStore {
  constructor(private readonly container: Container) {}

  /**
   * Each vote is its own document, partitioned by the answered section. Its id comes from the click's
   * idempotency key (answer card, person): a replayed click (409) keeps the one vote.
   */
  async add(f: Feedback, key: string, now = new Date()): Promise<string> {
    const id = createHash('sha256').update(key).digest('hex').slice(0, 32);
    try {
      await withStoreRetry(() => this.container.items.create({ id, sectionId: f.sectionIds[0] ?? 'none', ...f, at: now.toISOString() }));
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    return id;
  }
}
