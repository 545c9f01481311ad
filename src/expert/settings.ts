import type { Container } from '@azure/cosmos';
import type { Lang } from '../i18n';
import type { ConversationRef } from '../store/conversationRefs';
import { readDoc } from '../store/documents';
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
}
