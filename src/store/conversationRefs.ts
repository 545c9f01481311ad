import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { statusOf } from './errors';
import { withStoreRetry } from './retry';

/** Where Opari can send proactively: a plain-data copy of a Bot Framework conversation reference. */
export interface ConversationRef {
  tenantId: string;
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  /** personal | groupChat | channel */
  scope: 'personal' | 'groupChat' | 'channel';
  botId: string;
  teamId?: string;
  teamsChannelId?: string;
  /** For personal chats: the user's AAD object id, so a person can be reached later. */
  userAadObjectId?: string;
  locale?: string;
}

export interface StoredConversationRef extends ConversationRef {
  id: string;
  status: 'active' | 'removed';
  updatedAt: string;
  removedAt?: string;
}

/** Cosmos ids may not contain '/', '\\', '?' or '#', and Teams conversation ids are long: hash them. */
export function refId(conversationId: string): string {
  return createHash('sha256').update(conversationId).digest('hex').slice(0, 40);
}

export class ConversationRefs {
  constructor(private readonly container: Container) {}

  /** Upsert: last writer wins on purpose — every conversationUpdate carries the full current reference. */
  async save(ref: ConversationRef, now = new Date()): Promise<StoredConversationRef> {
    const doc: StoredConversationRef = { ...ref, id: refId(ref.conversationId), status: 'active', updatedAt: now.toISOString() };
    await withStoreRetry(() => this.container.items.upsert(doc));
    return doc;
  }

  /** Marks the conversation as removed (bot uninstalled or removed); a missing reference (404) needs no mark. */
  async markRemoved(tenantId: string, conversationId: string, now = new Date()): Promise<boolean> {
    try {
      await withStoreRetry(() =>
        this.container.item(refId(conversationId), tenantId).patch([
          { op: 'set', path: '/status', value: 'removed' },
          { op: 'set', path: '/removedAt', value: now.toISOString() },
          { op: 'set', path: '/updatedAt', value: now.toISOString() },
        ]),
      );
      return true;
    } catch (err) {
      if (statusOf(err) === 404) return false;
      throw err;
    }
  }

  /** Active personal chats of a user (where Opari can remind them). */
  async personalFor(tenantId: string, aadObjectId: string): Promise<StoredConversationRef[]> {
    const { resources } = await this.container.items
      .query<StoredConversationRef>({
        query: "SELECT * FROM c WHERE c.tenantId = @t AND c.scope = 'personal' AND c.status = 'active' AND c.userAadObjectId = @a",
        parameters: [{ name: '@t', value: tenantId }, { name: '@a', value: aadObjectId }],
      })
      .fetchAll();
    return resources;
  }
}
