import { randomUUID } from 'node:crypto';
import type { Container } from '@azure/cosmos';
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

  /** Each vote is its own document (create never conflicts: fresh id), partitioned by the answered section. */
  async add(f: Feedback, now = new Date()): Promise<string> {
    const id = randomUUID();
    await withStoreRetry(() => this.container.items.create({ id, sectionId: f.sectionIds[0] ?? 'none', ...f, at: now.toISOString() }));
    return id;
  }
}
