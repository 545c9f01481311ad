import { TeamsInfo, type TurnContext } from 'botbuilder';

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
