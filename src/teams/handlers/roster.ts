import { type CloudAdapter, TeamsInfo, type TurnContext } from 'botbuilder';
import type { ConversationRef } from '../../store/conversationRefs';
import { continueOrThrow, pacedForTenant } from '../replies';

/** Members of the current conversation (Teams has no people picker in cards here); the actor alone if unknown. */
export async function roster(context: TurnContext): Promise<{ id: string; name: string; aadObjectId?: string }[]> {
  try {
    const page = await TeamsInfo.getPagedMembers(context, 200);
    return page.members.map((p) => ({ id: p.id, name: p.name ?? p.id, aadObjectId: p.aadObjectId }));
  } catch {
    const f = context.activity.from;
    return [{ id: f.id, name: f.name ?? f.id, aadObjectId: f.aadObjectId }];
  }
}

/**
 * Every member of a stored conversation (a school's team channel, a group chat), page by page, for
 * background work that has no turn of its own (survey invitations). Bots are left out.
 */
export async function membersOf(adapter: CloudAdapter, botAppId: string, ref: ConversationRef): Promise<{ id: string; name: string; aadObjectId?: string }[]> {
  const out: { id: string; name: string; aadObjectId?: string }[] = [];
  await continueOrThrow(adapter, botAppId, ref, async (context) => {
    let token: string | undefined;
    do {
      const page = await pacedForTenant(ref.tenantId, () => TeamsInfo.getPagedMembers(context, 500, token));
      out.push(...page.members.filter((p) => !p.id.startsWith('28:')).map((p) => ({ id: p.id, name: p.name ?? p.id, aadObjectId: p.aadObjectId })));
      token = page.continuationToken;
    } while (token);
  });
  return out;
}
