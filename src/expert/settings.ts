import type { Container } from '@azure/cosmos';
import type { ConversationRef } from '../store/conversationRefs';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';

/** Per-tenant settings kept in Cosmos (expert channel, school channels), so every instance sees a change at once. */
export interface ExpertChannel {
  ref: ConversationRef;
  setBy: string;
  setAt: string;
}

export class Settings {
  constructor(private readonly container: Container) {}

  async setExpertChannel(tenantId: string, value: ExpertChannel): Promise<void> {
    // Last writer wins on purpose: setting the channel is an explicit admin act.
    await withStoreRetry(() => this.container.items.upsert({ id: 'expert-channel', tenantId, ...value }));
  }

  async expertChannel(tenantId: string): Promise<ExpertChannel | undefined> {
    try {
      const { resource } = await this.container.item('expert-channel', tenantId).read<ExpertChannel & { id: string }>();
      return resource ? { ref: resource.ref, setBy: resource.setBy, setAt: resource.setAt } : undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }

  /** The school's student welfare channel: where case notices (without pupil data) go. */
  async setSchoolChannel(tenantId: string, schoolId: string, value: ExpertChannel): Promise<void> {
    await withStoreRetry(() => this.container.items.upsert({ id: `school-channel:${schoolId}`, tenantId, ...value }));
  }

  async schoolChannel(tenantId: string, schoolId: string): Promise<ExpertChannel | undefined> {
    try {
      const { resource } = await this.container.item(`school-channel:${schoolId}`, tenantId).read<ExpertChannel & { id: string }>();
      return resource ? { ref: resource.ref, setBy: resource.setBy, setAt: resource.setAt } : undefined;
    } catch (err) {
      if (statusOf(err) === 404) return undefined;
      throw err;
    }
  }
}
