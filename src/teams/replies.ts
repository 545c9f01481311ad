import { type Activity, type CloudAdapter, CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import { type Lang, langOf } from '../i18n';
import type { Group } from '../meetings/model';
import { type ConversationRef, threadOf, withoutThread } from '../store/conversationRefs';
import { plainText } from '../ui/markup';
import { retryAfterHeader, retryAfterMs } from '../backoff';
import { Pacer, type Send } from './pacer';

/** Activity helpers: the only way handlers put something in front of a user. */

export function cardActivity(card: Record<string, unknown>, text?: string): Partial<Activity> {
  return { type: 'message', ...(text ? { text } : {}), attachments: [CardFactory.adaptiveCard(card)] };
}

export async function sendCard(context: TurnContext, card: Record<string, unknown>): Promise<void> {
  await context.sendActivity(cardActivity(card));
}

/**
 * Plain-data conversation reference from an incoming activity (stored for proactive sends). In a channel it
 * is the channel's, whichever thread the activity came from: a proactive send to it starts a new post.
 */
export function conversationRefOf(activity: Activity): ConversationRef {
  const cd = (activity.channelData ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const convType = activity.conversation?.conversationType;
  const scope: ConversationRef['scope'] = convType === 'channel' || cd.channel?.id ? 'channel' : convType === 'groupChat' ? 'groupChat' : 'personal';
  return {
    tenantId: tenantOf(activity) ?? 'none',
    conversationId: withoutThread(activity.conversation.id),
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    scope,
    botId: activity.recipient?.id,
    ...(cd.team?.id ? { teamId: cd.team.id } : {}),
    ...(cd.channel?.id ? { teamsChannelId: cd.channel.id } : {}),
    ...(scope === 'personal' && activity.from?.aadObjectId ? { userAadObjectId: activity.from.aadObjectId } : {}),
    ...(activity.locale ? { locale: activity.locale } : {}),
  };
}

/** Where to answer this activity later (an expert's answer): in a channel, the thread it came from. */
export function replyRefOf(activity: Activity): ConversationRef {
  const thread = threadOf(activity.conversation.id);
  return { ...conversationRefOf(activity), ...(thread ? { threadId: thread } : {}) };
}

/** The language of what Opari sends on its own to a stored conversation: the person's choice, else their client's. */
export function langOfRef(ref: ConversationRef): Lang {
  return ref.lang ?? langOf(ref.locale);
}

/** The language a group's conversation is answered in: its own choice, else its locale's. */
export const groupLang = (g: Group): Lang => g.lang ?? langOf(g.ref.locale);

/** The Entra tenant of an activity: Teams puts it in channelData.tenant.id and conversation.tenantId. */
export function tenantOf(activity: Partial<Activity> | undefined): string | undefined {
  const cd = (activity?.channelData ?? {}) as { tenant?: { id?: string } };
  return cd.tenant?.id ?? activity?.conversation?.tenantId ?? undefined;
}

/**
 * Teams citations: a schema.org Message entity whose claims point at plan sections, best first.
 * Teams allows at most 10 (more is HTTP 400); the text carries the [n] markers.
 */
export function citationEntity(items: { name: string; url: string; abstract: string }[]): Record<string, unknown> {
  return {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    citation: items.slice(0, 10).map((c, i) => ({
      '@type': 'Claim',
      position: i + 1,
      // Names come from the plan's titles: plain text only, and only our own http(s) links.
      appearance: { '@type': 'DigitalDocument', name: plainText(c.name).slice(0, 80), abstract: plainText(c.abstract).slice(0, 160), url: /^https?:\/\//.test(c.url) ? c.url : '' },
    })),
  };
}

/**
 * Bot Framework reference for a stored conversation: a reply address answers in its thread, anything else
 * posts anew in the channel. References stored before channels were keyed by the channel itself may carry a
 * thread in their conversation id; they too post anew in the channel.
 */
export function referenceOf(ref: ConversationRef): Partial<ConversationReference> {
  const id = ref.threadId ? `${withoutThread(ref.conversationId)};messageid=${ref.threadId}` : withoutThread(ref.conversationId);
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    bot: { id: ref.botId, name: 'Opari' },
    conversation: { id, isGroup: ref.scope !== 'personal', conversationType: ref.scope, tenantId: ref.tenantId, name: '' },
  };
}

/** Every proactive send and update of this instance goes through one pacer (Teams' rate limits). */
export const proactivePacer = new Pacer();

/**
 * How long a proactive send may wait for a slot before it is refused as throttled (429): well inside a
 * turn's 10–15 s when a handler posts to another conversation (a case notice), and callers that hold a
 * lease (the reminder dispatcher) pass less than their lease.
 */
export const DEFAULT_MAX_PACING_WAIT_MS = 5000;

/**
 * Sends one activity to a stored conversation (proactive message); returns its id. Paced to Teams' limits.
 * Errors (403 when the bot was removed, 404, 429 — also when no slot is free within `maxWaitMs`) propagate
 * with their statusCode for the caller to decide.
 */
export async function sendProactive(adapter: CloudAdapter, botAppId: string, ref: ConversationRef, activity: Partial<Activity>, maxWaitMs = DEFAULT_MAX_PACING_WAIT_MS): Promise<string | undefined> {
  let id: string | undefined;
  await paced(ref, maxWaitMs, () =>
    continueOrThrow(adapter, botAppId, ref, async (context) => {
      id = (await context.sendActivity(activity))?.id;
    }),
  );
  return id;
}

/** Waits for a slot in the conversation's and the tenant's limits; a 429 holds the conversation for its Retry-After. */
async function paced(ref: ConversationRef, maxWaitMs: number, send: () => Promise<void>): Promise<void> {
  const conversation = withoutThread(ref.conversationId);
  await inSlot(proactivePacer.acquire(ref.tenantId, conversation, maxWaitMs), (ms) => proactivePacer.throttled(conversation, ms), send);
}

/** A request of the app that is not a message to a conversation (a new 1:1 chat, a roster page): paced by the tenant's limit. */
export async function pacedForTenant<T>(tenantId: string, request: () => Promise<T>, maxWaitMs = DEFAULT_MAX_PACING_WAIT_MS): Promise<T> {
  return inSlot(proactivePacer.acquireTenant(tenantId, maxWaitMs), (ms) => proactivePacer.throttledTenant(tenantId, ms), request);
}

/** Runs the request in its slot, counted until it is answered; a 429 holds (`throttle`) what it was counted against. */
async function inSlot<T>(slot: Promise<Send>, throttle: (retryAfterMs: number) => void, request: () => Promise<T>): Promise<T> {
  const taken = await slot;
  try {
    return await request();
  } catch (err) {
    if ((err as { statusCode?: number })?.statusCode === 429) throttle(retryAfterMs(retryAfterHeader(err)) ?? 1000);
    throw err;
  } finally {
    proactivePacer.finished(taken);
  }
}

/**
 * The adapter hands errors inside a continued conversation to its onTurnError and resolves; a proactive
 * sender needs the error (403: removed, 429: throttled) to decide, so it is carried out and rethrown.
 */
export async function continueOrThrow(adapter: CloudAdapter, botAppId: string, ref: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  let failure: unknown;
  await adapter.continueConversationAsync(botAppId, referenceOf(ref), async (context) => {
    try {
      await logic(context);
    } catch (err) {
      failure = err;
    }
  });
  if (failure) throw failure;
}

/** Replaces a message the bot posted earlier (e.g. an agenda card) in a stored conversation. Paced like a send. */
export async function updateProactive(adapter: CloudAdapter, botAppId: string, ref: ConversationRef, activityId: string, activity: Partial<Activity>): Promise<void> {
  await paced(ref, DEFAULT_MAX_PACING_WAIT_MS, () =>
    continueOrThrow(adapter, botAppId, ref, async (context) => {
      await context.updateActivity({ ...activity, id: activityId, type: 'message' });
    }),
  );
}

/**
 * Opens (or finds: Teams answers with the existing one) the 1:1 chat between the bot and a user, through
 * the connector of a conversation they share with the bot. Teams allows it when the app is installed for
 * the user or in a team they belong to (learn.microsoft.com/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
 */
export async function createPersonalConversation(adapter: CloudAdapter, botAppId: string, via: ConversationRef, user: { userId: string; aadObjectId?: string }): Promise<ConversationRef> {
  let created: ConversationRef | undefined;
  await pacedForTenant(via.tenantId, () =>
    adapter.createConversationAsync(
      botAppId,
      via.channelId,
      via.serviceUrl,
      'https://api.botframework.com',
      { isGroup: false, bot: { id: via.botId, name: 'Opari' }, members: [{ id: user.userId, name: '' }], tenantId: via.tenantId, channelData: { tenant: { id: via.tenantId } } } as never,
      async (context) => {
        created = {
          tenantId: via.tenantId,
          conversationId: context.activity.conversation.id,
          serviceUrl: via.serviceUrl,
          channelId: via.channelId,
          scope: 'personal',
          botId: via.botId,
          ...(user.aadObjectId ? { userAadObjectId: user.aadObjectId } : {}),
        };
      },
    ),
  );
  if (!created) throw Object.assign(new Error('No conversation created'), { name: 'ConversationNotCreated' });
  return created;
}
