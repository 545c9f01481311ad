import { createHash } from 'node:crypto';
import type { Container } from '@azure/cosmos';
import { withoutThread } from '../store/conversationRefs';
import { type Changed, changeDoc, queryDocs, readDoc, updateDoc } from '../store/documents';
import { statusOf } from '../store/errors';
import { withStoreRetry } from '../store/retry';
import type { Group, Meeting, Reminder } from './model';

/** A group's id is its conversation's: one group per channel (whichever thread it is used from) or group chat. */
export function groupIdFor(conversationId: string): string {
  return `g${createHash('sha256').update(withoutThread(conversationId)).digest('hex').slice(0, 24)}`;
}

export class Groups {
  constructor(private readonly container: Container) {}

  /** Creates the group once; a second create for the same conversation returns the existing one (409). */
  async create(g: Group): Promise<{ group: Group; existed: boolean }> {
    try {
      return { group: (await withStoreRetry(() => this.container.items.create(g))).resource as unknown as Group, existed: false };
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      return { group: (await this.get(g.tenantId, g.id))!, existed: true };
    }
  }

  get(tenantId: string, id: string): Promise<Group | undefined> {
    return readDoc<Group>(this.container, id, tenantId);
  }

  /**
   * The group of a channel or group chat. Groups set up before channels were keyed by the channel itself
   * were keyed by the thread they were set up from; such a group is still found (the oldest, if a channel
   * got several), and its posts go to the channel as new posts.
   */
  async ofConversation(tenantId: string, conversationId: string): Promise<Group | undefined> {
    const channel = withoutThread(conversationId);
    const group = await this.get(tenantId, groupIdFor(channel));
    if (group) return group;
    const { resources } = await this.container.items
      .query<Group>(
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @t AND STARTSWITH(c.ref.conversationId, @p)',
          parameters: [
            { name: '@t', value: tenantId },
            { name: '@p', value: `${channel};messageid=` },
          ],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return resources.sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0];
  }

  update(tenantId: string, id: string, change: (g: Group) => Group | undefined): Promise<Group | undefined> {
    return updateDoc(this.container, id, tenantId, change, 'meeting');
  }

  /** The communal welfare groups of a school (where its survey results go). */
  async communalOf(tenantId: string, schoolId: string): Promise<Group[]> {
    return queryDocs<Group>(this.container, "SELECT * FROM c WHERE c.tenantId = @t AND c.type = 'communal' AND c.schoolId = @s", { t: tenantId, s: schoolId });
  }

  async ofMember(tenantId: string, userId: string): Promise<Group[]> {
    return queryDocs<Group>(this.container, 'SELECT * FROM c WHERE c.tenantId = @t AND ARRAY_CONTAINS(c.memberIds, @u)', { t: tenantId, u: userId });
  }
}

export class Meetings {
  constructor(private readonly container: Container) {}

  /** Creates the meeting once: its id comes from the submit, so a replayed submit gets the stored one back (409). */
  async create(m: Meeting): Promise<Meeting> {
    try {
      return (await withStoreRetry(() => this.container.items.create(m))).resource as unknown as Meeting;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
      return (await this.get(m.groupId, m.id)) ?? m;
    }
  }

  get(groupId: string, id: string): Promise<Meeting | undefined> {
    return readDoc<Meeting>(this.container, id, groupId);
  }

  update(groupId: string, id: string, change: (m: Meeting) => Meeting | undefined): Promise<Meeting | undefined> {
    return updateDoc(this.container, id, groupId, change, 'meeting');
  }

  /** `update` that says whether it wrote, starting from `known` without a read while its ETag holds. */
  change(groupId: string, id: string, change: (m: Meeting) => Meeting | undefined, known?: Meeting): Promise<Changed<Meeting>> {
    return changeDoc(this.container, id, groupId, change, 'meeting', { known });
  }

  /** A group's meetings, oldest first (paged by the SDK's continuation tokens, no OFFSET/LIMIT). */
  async ofGroup(groupId: string): Promise<Meeting[]> {
    const { resources } = await this.container.items
      .query<Meeting>({ query: 'SELECT * FROM c WHERE c.groupId = @g', parameters: [{ name: '@g', value: groupId }] }, { partitionKey: groupId })
      .fetchAll();
    return resources.sort((a, b) => a.startUtc.localeCompare(b.startUtc));
  }
}

export class Reminders {
  constructor(private readonly container: Container) {}

  async create(r: Reminder): Promise<void> {
    try {
      await withStoreRetry(() => this.container.items.create(r));
    } catch (err) {
      if (statusOf(err) !== 409) throw err; // the same reminder (meeting + offset) exists already
    }
  }

  update(dueDay: string, id: string, change: (r: Reminder) => Reminder | undefined): Promise<Reminder | undefined> {
    return updateDoc(this.container, id, dueDay, change, 'meeting', 3);
  }

  /** `update` starting from a version this instance wrote itself: one round trip while nobody else wrote since. */
  change(dueDay: string, id: string, change: (r: Reminder) => Reminder | undefined, known: Reminder): Promise<Changed<Reminder>> {
    return changeDoc(this.container, id, dueDay, change, 'meeting', { attempts: 3, known });
  }

  /** One conditional write under `etag`: the stored reminder, or undefined when it changed meanwhile (412) or is gone (404). */
  async replaceIfMatch(next: Reminder, etag: string): Promise<Reminder | undefined> {
    try {
      const { resource } = await withStoreRetry(() => this.container.item(next.id, next.dueDay).replace(next, { accessCondition: { type: 'IfMatch', condition: etag } }));
      return resource as unknown as Reminder;
    } catch (err) {
      const status = statusOf(err);
      if (status === 412 || status === 404) return undefined;
      throw err;
    }
  }

  /** Pending reminders of the given UTC days due by `nowIso`, and claims whose lease has run out. */
  async due(days: string[], nowIso: string): Promise<Reminder[]> {
    const out: Reminder[] = [];
    for (const day of days) {
      const { resources } = await this.container.items
        .query<Reminder>(
          {
            query: "SELECT * FROM c WHERE c.dueDay = @d AND c.dueUtc <= @now AND (c.status = 'pending' OR (c.status = 'claimed' AND c.leaseUntil < @now))",
            parameters: [
              { name: '@d', value: day },
              { name: '@now', value: nowIso },
            ],
          },
          { partitionKey: day },
        )
        .fetchAll();
      out.push(...resources);
    }
    return out.sort((a, b) => a.dueUtc.localeCompare(b.dueUtc));
  }

  async ofMeeting(meetingId: string): Promise<Reminder[]> {
    return queryDocs<Reminder>(this.container, 'SELECT * FROM c WHERE c.meetingId = @m', { m: meetingId });
  }

  async all(): Promise<Reminder[]> {
    return (await this.container.items.query<Reminder>('SELECT * FROM c').fetchAll()).resources;
  }
}
