import { randomUUID } from 'node:crypto';

/** Real Bot Framework activities as Teams sends them, and an HTTP client for /api/messages. */
export const TENANT = '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b';
export const BOT = { id: '28:opari-test-bot', name: 'Opari' };
export const USER = { id: '29:user-kuraattori', name: 'Aino Virtanen', aadObjectId: '0a1b2c3d-0001-4000-8000-000000000001' };

export type Scope = 'personal' | 'groupChat' | 'channel';

export interface ConversationOpts {
  scope?: Scope;
  /** For a channel: the channel's own id (19:…@thread.tacv2). */
  conversationId?: string;
  /**
   * For a channel: the thread (its first post's message id). Teams then sends the conversation id as
   * `<channel>;messageid=<thread>`, while channelData.channel.id stays the channel's.
   */
  thread?: string;
  tenantId?: string;
  locale?: string;
  serviceUrl?: string;
  user?: { id: string; name: string; aadObjectId: string };
}

function base(o: ConversationOpts) {
  const scope = o.scope ?? 'personal';
  const tenantId = o.tenantId ?? TENANT;
  const conversationId = o.conversationId ?? (scope === 'personal' ? `a:${randomUUID()}` : scope === 'groupChat' ? `19:${randomUUID()}@thread.v2` : `19:${randomUUID()}@thread.tacv2`);
  const channelData: Record<string, unknown> = { tenant: { id: tenantId } };
  if (scope === 'channel') {
    channelData.team = { id: '19:team-general@thread.tacv2', name: 'Opiskeluhuolto' };
    channelData.channel = { id: conversationId, name: 'Koivurinteen koulu' };
  }
  const id = o.thread && scope === 'channel' ? `${conversationId};messageid=${o.thread}` : conversationId;
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: o.serviceUrl ?? 'http://127.0.0.1:9/',
    timestamp: new Date().toISOString(),
    from: o.user ?? USER,
    recipient: BOT,
    conversation: { id, conversationType: scope, tenantId, ...(scope !== 'personal' ? { isGroup: true } : {}) },
    channelData,
    ...(o.locale ? { locale: o.locale } : {}),
  };
}

export function message(text: string, o: ConversationOpts = {}) {
  return { ...base(o), type: 'message', text, textFormat: 'plain', locale: o.locale ?? 'fi-FI' };
}

export function botAdded(o: ConversationOpts = {}) {
  return { ...base(o), type: 'conversationUpdate', membersAdded: [{ id: BOT.id }] };
}

export function botRemoved(o: ConversationOpts = {}) {
  return { ...base(o), type: 'conversationUpdate', membersRemoved: [{ id: BOT.id }] };
}

export function installation(action: 'add' | 'remove', o: ConversationOpts = {}) {
  return { ...base(o), type: 'installationUpdate', action };
}

export function cardAction(verb: string, data: Record<string, unknown> = {}, o: ConversationOpts = {}) {
  return {
    ...base(o),
    type: 'invoke',
    name: 'adaptiveCard/action',
    locale: o.locale ?? 'fi-FI',
    replyToId: randomUUID(),
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

export interface BotReply {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: Record<string, unknown> }[];
  value?: { status: number; body?: { statusCode: number; type: string; value: unknown } };
  entities?: Record<string, unknown>[];
}

/** POSTs an activity; with expectReplies the bot's replies come back in the response body. */
export async function post(baseUrl: string, activity: object, opts: { expectReplies?: boolean; headers?: Record<string, string> } = {}) {
  const body = { ...activity, ...(opts.expectReplies === false ? {} : { deliveryMode: 'expectReplies' }) };
  const res = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...(opts.headers ?? {}) }, body: JSON.stringify(body) });
  const text = await res.text();
  let json: { activities?: BotReply[] } & Record<string, unknown> = {};
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: json, replies: json.activities ?? [] };
}

/** All TextBlock texts of the first card in the replies, joined: what a user reads. */
export function cardText(reply: BotReply | undefined): string {
  const card = reply?.attachments?.[0]?.content;
  return card ? collectText(card).join('\n') : '';
}

export function collectText(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(collectText);
  if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    const own = typeof o.text === 'string' ? [o.text] : [];
    const title = o.type && String(o.type).startsWith('Action.') && typeof o.title === 'string' ? [o.title] : [];
    return [
      ...own,
      ...title,
      ...Object.entries(o)
        .filter(([k]) => k !== 'text')
        .flatMap(([, v]) => collectText(v)),
    ];
  }
  return [];
}
