import { type Activity, CardFactory, type TurnContext } from 'botbuilder';
import type { ConversationRef } from '../store/conversationRefs';

/** Activity helpers: the only way handlers put something in front of a user. */

export function cardActivity(card: Record<string, unknown>, text?: string): Partial<Activity> {
  return { type: 'message', ...(text ? { text } : {}), attachments: [CardFactory.adaptiveCard(card)] };
}

export async function sendCard(context: TurnContext, card: Record<string, unknown>): Promise<void> {
  await context.sendActivity(cardActivity(card));
}

/** Plain-data conversation reference from an incoming activity (stored for proactive sends). */
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
    conversationId: activity.conversation.id,
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

/** The Entra tenant of an activity: Teams puts it in channelData.tenant.id and conversation.tenantId. */
export function tenantOf(activity: Partial<Activity> | undefined): string | undefined {
  const cd = (activity?.channelData ?? {}) as { tenant?: { id?: string } };
  return cd.tenant?.id ?? activity?.conversation?.tenantId ?? undefined;
}
