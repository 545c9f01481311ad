import { createHash, randomUUID } from 'node:crypto';
import type { Person } from '../cases/model';
import type { ConversationRef } from '../store/conversationRefs';
import { DELIVERY_LEASE_MS, deliverOnce, type DeliveryResult } from '../store/delivery';
import type { Lang } from '../i18n';
import { refuse, type Refused } from '../refusal';
import { insertBeforeClosing, looksLikeIndividualPupil, standardItems, workshopItems } from './agenda';
import type { AgendaItem, Group, GroupType, Meeting, Memo, Reminder, Rsvp } from './model';
import { groupIdFor, type Groups, type Meetings, type Reminders } from './repository';
import { expandRecurrence, type RecurrenceRule, reminderTimes, scheduleWarnings } from './schedule';

/** Why a meeting action was not done: only the chair may, no such (upcoming) meeting, proposals closed, a pupil named. */
export type MeetingRefusal = 'notChair' | 'noMeeting' | 'deadlinePassed' | 'individualPupil';

export interface ScheduleInput {
  title: string;
  place: string;
  rule: RecurrenceRule;
  /** A workshop on survey results gets the workshop agenda; `results` is its first item's summary. */
  workshop?: { results: string };
}

const DAY_MS = 24 * 3600_000;
/** A submit's idempotency key (conversation, card message, person, form) as ids: the same submit, the same ids. */
const digest = (key: string, n: number) => createHash('sha256').update(key).digest('hex').slice(0, n);

/** Groups, meetings, agendas, answers and memos; reminders are scheduled here and sent by the dispatcher. */
export class MeetingService {
  constructor(
    private readonly groups: Groups,
    private readonly meetings: Meetings,
    private readonly reminders: Reminders,
    private readonly offsetsMinutes: number[],
    /** The region's place names (`placeWords`): capitalised, yet not a pupil's name on a communal agenda. */
    private readonly places: ReadonlySet<string>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async createGroup(input: {
    tenantId: string;
    ref: ConversationRef;
    type: GroupType;
    name: string;
    lang: Lang;
    schoolId?: string;
    chair: Person;
    members: Person[];
  }): Promise<{ group: Group; existed: boolean }> {
    const members = [input.chair, ...input.members.filter((m) => m.userId !== input.chair.userId)];
    return this.groups.create({
      id: groupIdFor(input.ref.conversationId),
      tenantId: input.tenantId,
      type: input.type,
      name: input.name,
      lang: input.lang,
      ...(input.schoolId ? { schoolId: input.schoolId } : {}),
      ref: input.ref,
      chair: input.chair,
      members,
      memberIds: members.map((m) => m.userId),
      createdAt: this.now().toISOString(),
    });
  }

  groupOf(tenantId: string, conversationId: string): Promise<Group | undefined> {
    return this.groups.ofConversation(tenantId, conversationId);
  }

  getGroup(tenantId: string, id: string): Promise<Group | undefined> {
    return this.groups.get(tenantId, id);
  }

  /**
   * The chair schedules one meeting or a series; each gets the standard agenda and its reminders. The ids come
   * from the submit's `key`, so the same submit twice (a Teams retry, a double click, two at once) schedules once.
   */
  async schedule(group: Group, actor: Person, input: ScheduleInput, key: string): Promise<Meeting[] | Refused<MeetingRefusal>> {
    if (group.chair.userId !== actor.userId) return refuse('notChair');
    const occurrences = expandRecurrence(input.rule);
    const seriesId = digest(`${key}|series`, 8);
    const out: Meeting[] = [];
    for (const [n, o] of occurrences.entries()) {
      const w = scheduleWarnings(o.date);
      const meeting: Meeting = {
        id: `m${digest(`${key}|${n}`, 16)}`,
        groupId: group.id,
        tenantId: group.tenantId,
        seriesId,
        title: input.title,
        date: o.date,
        time: o.time,
        startUtc: o.startUtc,
        endUtc: o.endUtc,
        durationMinutes: input.rule.durationMinutes,
        place: input.place,
        status: 'scheduled',
        agenda: input.workshop ? workshopItems(input.workshop.results, group.lang) : standardItems(group.type, group.lang),
        ...(input.workshop ? { kind: 'workshop' as const } : {}),
        proposalsUntil: new Date(Date.parse(o.startUtc) - DAY_MS).toISOString(),
        rsvps: {},
        warnings: [...w.warnings, ...(o.shifted ? ['shifted'] : [])].map((k) => (k === 'holiday' && w.holidayName ? `holiday:${w.holidayName.fi}` : k)),
        createdAt: this.now().toISOString(),
      };
      const stored = await this.meetings.create(meeting);
      out.push(stored);
      await this.scheduleReminders(stored);
    }
    return out;
  }

  /**
   * Sends a message about the meeting at least once: the agenda card (`slot` 'agenda'), a change (with the
   * submit's `key`: one notice per change) or a cancellation notice. Recorded on the meeting, so a replayed
   * submit does not send it again.
   */
  deliver(meeting: Meeting, slot: string, send: () => Promise<string | undefined>, key?: string): Promise<DeliveryResult<Meeting>> {
    return deliverOnce(meeting, key ? `${slot}:${digest(key, 12)}` : slot, (change, known) => this.meetings.change(meeting.groupId, meeting.id, change, known), send, {
      leaseMs: DELIVERY_LEASE_MS,
      now: this.now,
      // The agenda card's message id: later changes update that card in place.
      record: (m, activityId) => (slot === 'agenda' && activityId ? { ...m, agendaActivityId: activityId } : m),
    });
  }

  private async scheduleReminders(m: Meeting, generation = ''): Promise<void> {
    for (const r of reminderTimes(m.startUtc, this.offsetsMinutes)) {
      // Reminders already past when the meeting is scheduled are not sent.
      if (r.dueUtc <= this.now().toISOString()) continue;
      const reminder: Reminder = {
        id: `${m.id}-${r.offsetMinutes}${generation ? `-${generation}` : ''}`,
        dueDay: r.dueUtc.slice(0, 10),
        dueUtc: r.dueUtc,
        offsetMinutes: r.offsetMinutes,
        meetingId: m.id,
        groupId: m.groupId,
        tenantId: m.tenantId,
        status: 'pending',
        attempts: 0,
      };
      await this.reminders.create(reminder);
    }
  }

  async upcoming(groupId: string): Promise<Meeting[]> {
    const now = this.now().toISOString();
    return (await this.meetings.ofGroup(groupId)).filter((m) => m.status === 'scheduled' && m.endUtc > now);
  }

  async next(groupId: string): Promise<Meeting | undefined> {
    return (await this.upcoming(groupId))[0];
  }

  /** The memo of the latest meeting that has one. */
  async previousMemo(groupId: string): Promise<Meeting | undefined> {
    return (await this.meetings.ofGroup(groupId)).filter((m) => m.memo).at(-1);
  }

  /** Upcoming meetings of every group the person belongs to. */
  async mine(tenantId: string, userId: string): Promise<{ group: Group; meeting: Meeting }[]> {
    const out: { group: Group; meeting: Meeting }[] = [];
    for (const group of await this.groups.ofMember(tenantId, userId)) for (const meeting of await this.upcoming(group.id)) out.push({ group, meeting });
    return out.sort((a, b) => a.meeting.startUtc.localeCompare(b.meeting.startUtc));
  }

  getMeeting(groupId: string, id: string): Promise<Meeting | undefined> {
    return this.meetings.get(groupId, id);
  }

  /**
   * A member proposes an item for the next meeting, until 24 h before it. A communal agenda never names a pupil.
   * The item's id comes from the submit's `key`: the same submit twice adds it once.
   */
  async propose(group: Group, actor: Person, title: string, details: string, key: string): Promise<Meeting | Refused<MeetingRefusal>> {
    const next = await this.next(group.id);
    if (!next) return refuse('noMeeting');
    const id = digest(key, 8);
    if (next.agenda.some((i) => i.id === id)) return next;
    if (this.now().toISOString() > next.proposalsUntil) return refuse('deadlinePassed');
    if (group.type === 'communal' && this.namesPupil(`${title} ${details}`)) return refuse('individualPupil');
    const item: AgendaItem = { id, title, ...(details ? { details } : {}), proposedBy: actor.name, status: group.chair.userId === actor.userId ? 'accepted' : 'proposed', standard: false };
    // The same submit, a moment earlier, added it already.
    const updated = await this.meetings.update(group.id, next.id, (m) => (m.agenda.some((i) => i.id === id) ? undefined : { ...m, agenda: insertBeforeClosing(m.agenda, item) }));
    return updated ?? refuse('noMeeting');
  }

  /** Whether text for a communal group (an agenda item, a chosen action) seems to be about one pupil. */
  namesPupil(text: string): boolean {
    return looksLikeIndividualPupil(text, this.places);
  }

  /**
   * An item Opari adds on its own (survey results) to the group's next meeting, accepted, once per
   * `source` however often it is retried. Undefined when the group has no upcoming meeting.
   */
  async addItemToNext(group: Group, input: { title: string; source: string }): Promise<Meeting | undefined> {
    const next = await this.next(group.id);
    if (!next) return undefined;
    const item: AgendaItem = { id: randomUUID().slice(0, 8), title: input.title, proposedBy: 'opari', status: 'accepted', standard: false, source: input.source };
    return this.meetings.update(group.id, next.id, (m) => (m.agenda.some((i) => i.source === input.source) ? undefined : { ...m, agenda: insertBeforeClosing(m.agenda, item) }));
  }

  /** The chair accepts, rejects or moves an item up or down. */
  async decide(group: Group, actor: Person, meetingId: string, itemId: string, action: 'accept' | 'reject' | 'up' | 'down'): Promise<Meeting | Refused<MeetingRefusal>> {
    if (group.chair.userId !== actor.userId) return refuse('notChair');
    const updated = await this.meetings.update(group.id, meetingId, (m) => {
      const i = m.agenda.findIndex((x) => x.id === itemId);
      if (i < 0) return undefined;
      const agenda = [...m.agenda];
      if (action === 'accept' || action === 'reject') agenda[i] = { ...agenda[i], status: action === 'accept' ? 'accepted' : 'rejected' };
      else {
        const j = action === 'up' ? i - 1 : i + 1;
        if (j < 0 || j >= agenda.length) return undefined;
        [agenda[i], agenda[j]] = [agenda[j], agenda[i]];
      }
      return { ...m, agenda };
    });
    return updated ?? refuse('noMeeting');
  }

  async rsvp(groupId: string, meetingId: string, actor: Person, answer: Rsvp): Promise<Meeting | Refused<MeetingRefusal>> {
    const updated = await this.meetings.update(groupId, meetingId, (m) => ({ ...m, rsvps: { ...m.rsvps, [actor.userId]: { name: actor.name, answer, at: this.now().toISOString() } } }));
    return updated ?? refuse('noMeeting');
  }

  /** Cancels a meeting and its pending reminders. */
  async cancel(group: Group, actor: Person, meetingId: string): Promise<Meeting | Refused<MeetingRefusal>> {
    if (group.chair.userId !== actor.userId) return refuse('notChair');
    const updated = await this.meetings.update(group.id, meetingId, (m) => (m.status === 'cancelled' ? undefined : { ...m, status: 'cancelled' }));
    if (!updated) return refuse('noMeeting');
    for (const r of await this.reminders.ofMeeting(meetingId)) {
      if (r.status === 'pending') await this.reminders.update(r.dueDay, r.id, (x) => (x.status === 'pending' ? { ...x, status: 'cancelled' } : undefined));
    }
    return updated;
  }

  /**
   * The chair moves or changes one meeting; its pending reminders are replaced. A submit already applied
   * (`key`, a replay) changes nothing, and a late replay of an older change does not undo a newer one.
   */
  async reschedule(
    group: Group,
    actor: Person,
    meetingId: string,
    input: { title: string; place: string; date: string; time: string; durationMinutes: number },
    key: string,
  ): Promise<Meeting | Refused<MeetingRefusal>> {
    if (group.chair.userId !== actor.userId) return refuse('notChair');
    const change = digest(key, 12);
    const [o] = expandRecurrence({ kind: 'once', date: input.date, time: input.time, durationMinutes: input.durationMinutes });
    const w = scheduleWarnings(o.date);
    const updated = await this.meetings.update(group.id, meetingId, (m) =>
      m.status === 'cancelled' || m.changeKeys?.includes(change)
        ? undefined
        : {
            ...m,
            title: input.title,
            place: input.place,
            date: o.date,
            time: o.time,
            startUtc: o.startUtc,
            endUtc: o.endUtc,
            durationMinutes: input.durationMinutes,
            proposalsUntil: new Date(Date.parse(o.startUtc) - DAY_MS).toISOString(),
            warnings: [...w.warnings, ...(o.shifted ? ['shifted'] : [])].map((k) => (k === 'holiday' && w.holidayName ? `holiday:${w.holidayName.fi}` : k)),
            changeKeys: [...(m.changeKeys ?? []), change].slice(-10),
          },
    );
    if (!updated || updated.status === 'cancelled') return refuse('noMeeting');
    if (updated.changeKeys?.at(-1) !== change) return updated; // a newer change has its own reminders
    // Also on a replay: finishes what an instance that died half-way left undone (the ids make it idempotent).
    for (const r of await this.reminders.ofMeeting(meetingId)) {
      if (r.status === 'pending' && !r.id.endsWith(`-r${change}`)) await this.reminders.update(r.dueDay, r.id, (x) => (x.status === 'pending' ? { ...x, status: 'cancelled' } : undefined));
    }
    await this.scheduleReminders(updated, `r${change}`);
    return updated;
  }

  /** The memo goes on the latest meeting that has started (or the next one if none has); the same submit twice writes it once. */
  async recordMemo(group: Group, actor: Person, memo: Omit<Memo, 'recordedBy' | 'at' | 'key'>, key: string): Promise<Meeting | Refused<MeetingRefusal>> {
    if (group.chair.userId !== actor.userId) return refuse('notChair');
    const all = (await this.meetings.ofGroup(group.id)).filter((m) => m.status === 'scheduled');
    const id = digest(key, 12);
    const recorded = all.find((m) => m.memo?.key === id);
    if (recorded) return recorded;
    const now = this.now().toISOString();
    const target = all.filter((m) => m.startUtc <= now).at(-1) ?? all[0];
    if (!target) return refuse('noMeeting');
    const updated = await this.meetings.update(group.id, target.id, (m) => (m.memo?.key === id ? undefined : { ...m, memo: { ...memo, recordedBy: actor.name, at: now, key: id } }));
    return updated ?? refuse('noMeeting');
  }
}
