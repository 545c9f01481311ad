import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { KeyRing } from './crypto';
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

  /** Each vote is its own document (create never conflicts: fresh id), partitioned by the answered section. */
  async add(f: Feedback, now = new Date()): Promise<string> {
    const id = randomUUID();
    const { question, ...clear } = f;
    await withStoreRetry(() => this.container.items.create({ id, sectionId: f.sectionIds[0] ?? 'none', ...clear, secret: this.keys.seal({ question }), at: now.toISOString() }));
    return id;
  }
}
