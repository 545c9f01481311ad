import type { TurnContext } from 'botbuilder';
import type { Group } from '../meetings/model';
import type { MeetingService } from '../meetings/service';
import { conversationRefOf, tenantOf } from './replies';

const GROUP_KEY = Symbol('opari.group');

/**
 * The welfare group of the channel or group chat this turn is in, read once per turn: the turn's language
 * and the meeting routes both need it. A personal chat never has one.
 */
export async function groupOfTurn(context: TurnContext, meetings: MeetingService): Promise<Group | undefined> {
  if (context.turnState.has(GROUP_KEY)) return (context.turnState.get(GROUP_KEY) as Group | null) ?? undefined;
  const ref = conversationRefOf(context.activity);
  const group = ref.scope === 'personal' ? undefined : await meetings.groupOf(tenantOf(context.activity) ?? 'none', ref.conversationId);
  context.turnState.set(GROUP_KEY, group ?? null);
  return group;
}

/** After a group is set up in this turn, the rest of the turn sees it. */
export function rememberGroup(context: TurnContext, group: Group): void {
  context.turnState.set(GROUP_KEY, group);
}
