import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import type { Lang } from '../i18n';
import { statusOf } from './errors';
import { withStoreRetry } from './retry';
import { queryDocs } from './documents';

/**
 * In a Teams channel every post is its own thread, and an activity's conversation id is the channel's id
 * followed by `;messageid=<id of the thread's first post>`. What belongs to a channel (a group, a school's
 * welfare channel, the experts' channel, the reference for proactive posts) is keyed by the channel itself.
 */
const THREAD_MARK = ';messageid=';

/** The channel (or chat) a conversation id belongs to: the id without its thread part. */
export function withoutThread(conversationId: string): string {
  const i = conversationId.indexOf(THREAD_MARK);
  return i < 0 ? conversationId : conversationId.slice(0, i);
}

/** The thread of a channel conversation id (the first post's message id), if it names one. */
export function threadOf(conversationId: string): string | undefined {
  const i = conversationId.indexOf(THREAD_MARK);
  return i < 0 ? undefined : conversationId.slice(i + THREAD_MARK.length) || undefined;
}

/** Where Opari can send proactively: a plain-data copy of a Bot Framework conversation reference. */
export interface ConversationRef {
  tenantId: string;
  /** The channel or chat, never a thread of a channel: a proactive send here starts a new post. */
  conversationId: string;
  /** Set only on a reply address: the channel thread to answer in (its first post's message id). */
  threadId?: string;
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
  /** For personal chats: the person's explicit language choice ("kieli ruotsi"), for what Opari sends on its own. */
  lang?: Lang;
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
    const { threadId: _thread, ...channel } = ref;
    const doc: StoredConversationRef = { ...channel, conversationId: withoutThread(ref.conversationId), id: refId(withoutThread(ref.conversationId)), status: 'active', updatedAt: now.toISOString() };
    await withStoreRetry(() => this.container.items.upsert(doc));
    return doc;
  }

  /** Marks the conversation as removed (bot uninstalled or removed); a missing reference (404) needs no mark. */
  async markRemoved(tenantId: string, conversationId: string, now = new Date()): Promise<boolean> {
    try {
      await withStoreRetry(() =>
        this.container.item(refId(withoutThread(conversationId)), tenantId).patch([
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

  /** Records a person's explicit language choice on their personal chats (what Opari sends them on its own). */
  async setLang(tenantId: string, aadObjectId: string, lang: Lang): Promise<void> {
    for (const ref of await this.personalFor(tenantId, aadObjectId)) {
      try {
        await withStoreRetry(() => this.container.item(ref.id, tenantId).patch([{ op: 'set', path: '/lang', value: lang }]));
      } catch (err) {
        if (statusOf(err) !== 404) throw err; // removed meanwhile: nothing to record
      }
    }
  }

  /** Active personal chats of a user (where Opari can remind them). */
  async personalFor(tenantId: string, aadObjectId: string): Promise<StoredConversationRef[]> {
    return queryDocs<StoredConversationRef>(this.container, "SELECT * FROM c WHERE c.tenantId = @t AND c.scope = 'personal' AND c.status = 'active' AND c.userAadObjectId = @a", {
      t: tenantId,
      a: aadObjectId,
    });
  }
}
