import type { Group, Reminder } from '../meetings/model';
import type { Meetings, Reminders } from '../meetings/repository';

/** A regional group bound to one channel conversation, for the reminder benches. */
export function benchGroup(id: string, name: string, tenantId: string, conversationId: string, serviceUrl: string): Group {
  return {
    id,
    tenantId,
    type: 'regional',
    name,
    ref: { tenantId, conversationId, serviceUrl, channelId: 'msteams', scope: 'channel', botId: '28:opari' },
    chair: { userId: '29:c', name: 'Chair' },
    members: [],
    memberIds: ['29:c'],
    createdAt: new Date().toISOString(),
  };
}

/** A meeting an hour after `dueUtc` and its one reminder, pending and due at `dueUtc`. */
export async function seedReminder(meetings: Meetings, reminders: Reminders, group: Group, meetingId: string, title: string, dueUtc: string): Promise<Reminder> {
  const start = new Date(Date.parse(dueUtc) + 3600_000).toISOString();
  await meetings.create({
    id: meetingId,
    groupId: group.id,
    tenantId: group.tenantId,
    seriesId: 'bench',
    title,
    date: '2027-01-01',
    time: '12:00',
    startUtc: start,
    endUtc: start,
    durationMinutes: 60,
    place: '',
    status: 'scheduled',
    agenda: [],
    proposalsUntil: dueUtc,
    rsvps: {},
    warnings: [],
    createdAt: dueUtc,
  });
  const r: Reminder = { id: `${meetingId}-60`, dueDay: dueUtc.slice(0, 10), dueUtc, offsetMinutes: 60, meetingId, groupId: group.id, tenantId: group.tenantId, status: 'pending', attempts: 0 };
  await reminders.create(r);
  return r;
}
