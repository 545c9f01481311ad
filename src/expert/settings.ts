import type { Container } from '@azure/cosmos';
import type { Lang } from '../i18n';
import type { ConversationRef } from '../store/conversationRefs';
import { readDoc } from '../store/documents';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';

/** Per-tenant settings kept in Cosmos (expert channel, school channels), so every instance sees a change at once. */
export interface ExpertChannel {
  ref: ConversationRef;
  setBy: string;
  setAt: string;
  /** What Opari posts in the channel is in this language: the language of whoever set it. */
  lang?: Lang;
}

export class Settings {
  constructor(private readonly container: Container) {}

  async setExpertChannel(tenantId: string, value: ExpertChannel): Promise<void> {
    // Last writer wins on purpose: setting the channel is an explicit admin act.
    await withStoreRetry(() => this.container.items.upsert({ id: 'expert-channel', tenantId, ...value }));
  }

  expertChannel(tenantId: string): Promise<ExpertChannel | undefined> {
    return this.channel(tenantId, 'expert-channel');
  }

  private async channel(tenantId: string, id: string): Promise<ExpertChannel | undefined> {
    const doc = await readDoc<ExpertChannel>(this.container, id, tenantId);
    return doc ? { ref: doc.ref, setBy: doc.setBy, setAt: doc.setAt, ...(doc.lang ? { lang: doc.lang } : {}) } : undefined;
  }

  /** The school's student welfare channel: where case notices (without pupil data) go. */
  async setSchoolChannel(tenantId: string, schoolId: string, value: ExpertChannel): Promise<void> {
    await withStoreRetry(() => this.container.items.upsert({ id: `school-channel:${schoolId}`, tenantId, ...value }));
  }

  schoolChannel(tenantId: string, schoolId: string): Promise<ExpertChannel | undefined> {
    return this.channel(tenantId, `school-channel:${schoolId}`);
  }

  /** True for the first caller per tenant and key, on any instance (create; 409 = someone did it already). */
  async claimOnce(tenantId: string, key: string, now = new Date()): Promise<boolean> {
    try {
      await withStoreRetry(() => this.container.items.create({ id: `once:${key}`, tenantId, at: now.toISOString() }));
      return true;
    } catch (err) {
      if (statusOf(err) === 409) return false;
      throw err;
    }
  }

  /** Gives a claim back when its work could not be done, so the next occasion tries again. */
  async releaseOnce(tenantId: string, key: string): Promise<void> {
    try {
      await withStoreRetry(() => this.container.item(`once:${key}`, tenantId).delete());
    } catch (err) {
      if (statusOf(err) !== 404) throw err;
    }
  }
}
