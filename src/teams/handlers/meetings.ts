import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { FormDef, School } from '../../forms/registry';
import { parseDateList } from '../../time/parse';
import { format, type Lang, messages, type Messages } from '../../i18n';
import type { Logger } from '../../log';
import { type Group, GROUP_TYPES, type GroupType, type Meeting } from '../../meetings/model';
import { ScheduleValidationError, type RecurrenceRule } from '../../meetings/schedule';
import type { MeetingService } from '../../meetings/service';
import { isRefused } from '../../refusal';
import { formCard } from '../../ui/formCards';
import { agendaCard, groupCard, groupCreateCard, meetingsListCard, meetingWhen, memoCard } from '../../ui/meetingCards';
import { langFor, msgsFor, turnLog } from '../context';
import { refusalText } from '../refusals';
import { cardActivity, conversationRefOf } from '../replies';
import { groupOfTurn, rememberGroup } from '../turnGroup';
import { onCardAction } from './actions';
import { actorOf, submitKey } from './actor';
import { roster } from './roster';
import { welcomeCard } from './welcome';

export const CREATE_GROUP_PATTERN = /^\s*(perusta ryhmä|perusta ryhma|create group|bilda grupp)\s*[.!]*\s*$/i;
export const UPCOMING_PATTERN = /^\s*(tulevat kokoukset|upcoming meetings|kommande möten)\s*[.!?]*\s*$/i;
/** "seuraava kokous", and as people ask it: "milloin on seuraava kokous", "when is our next meeting", "när är nästa möte". */
export const NEXT_PATTERN = /^\s*((milloin|koska|millon) (on )?(meidän |meiän )?seuraava kokous( on)?|seuraava kokous|(when is )?(the |our )?next meeting|(när är )?(vårt )?nästa möte)\s*[.!?]*\s*$/i;
export const MEMO_PATTERN = /^\s*(edellinen muistio|previous memo|föregående minnesanteckning(ar)?)\s*[.!?]*\s*$/i;
export const MINE_PATTERN = /^\s*(omat kokoukset|my meetings|mina möten)\s*[.!?]*\s*$/i;

export interface MeetingDeps {
  meetings: MeetingService;
  schools: School[];
  forms: Map<string, FormDef>;
  log: Logger;
  /** Replaces the agenda card posted in the group's conversation. */
  updateAgenda(group: Group, meeting: Meeting): Promise<void>;
  /** Posts a message in the group's conversation (members are told of changes); returns its id, throws if it failed. */
  tellGroup(group: Group, text: string): Promise<string | undefined>;
}

const groupData = z.object({ type: z.enum(GROUP_TYPES as [GroupType, ...GroupType[]]), name: z.string().trim().min(1).max(120), school: z.string().max(40).optional() }).passthrough();
const meetingRef = z.object({ meetingId: z.string().regex(/^m[0-9a-f]{16}$/), groupId: z.string().regex(/^g[0-9a-f]{24}$/) }).passthrough();

/** The kokous form's values as a recurrence rule (series) in Helsinki time. */
function ruleOf(v: Record<string, unknown>): RecurrenceRule {
  const base = { time: String(v.time), durationMinutes: Number(v.duration) };
  switch (v.recurrence) {
    case 'w1':
    case 'w2':
    case 'w4':
      return { kind: 'weekly', start: String(v.date), everyWeeks: Number(String(v.recurrence).slice(1)), until: String(v.until), ...base };
    case 'dates':
      return { kind: 'dates', dates: [String(v.date), ...(parseDateList(String(v.dates ?? '')) ?? [])], ...base };
    default:
      return { kind: 'once', date: String(v.date), ...base };
  }
}

/** Groups and their meetings: set-up, agenda, answers, cancellation, memos and the meeting lists. */
export function registerMeetings(app: Application<TurnState>, deps: MeetingDeps): void {
  // The group of the channel (whichever thread) or group chat; looked up once per turn.
  const groupHere = (context: TurnContext) => groupOfTurn(context, deps.meetings);
  const groupView = async (title: string, group: Group, lang: Lang, m: Messages) => groupCard(title, group, await deps.meetings.upcoming(group.id), deps.schools, lang, m);

  const announce = announcer(deps);
  // The person's own meetings, in every group they belong to.
  const sendMine = async (context: TurnContext, lang: Lang, m: Messages) => {
    const actor = actorOf(context);
    await context.sendActivity(cardActivity(meetingsListCard(m.meetings.mineTitle, await deps.meetings.mine(actor.tenantId, actor.userId), lang, m)));
  };

  // The welcome card's Meetings button: in a group's conversation the group's card, in a channel or group
  // chat without a group the set-up card, in a personal chat the person's own meetings.
  onCardAction(app, 'welcome.meetings', async (context, state) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    const scope = conversationRefOf(context.activity).scope;
    const group = await groupHere(context);
    if (group) await context.sendActivity(cardActivity(await groupView(group.name, group, lang, m)));
    else if (scope !== 'personal') await context.sendActivity(cardActivity(groupCreateCard(deps.schools, lang, m)));
    else {
      await context.sendActivity(m.meetingsHelp);
      await sendMine(context, lang, m);
    }
    return welcomeCard(lang);
  });

  app.message(CREATE_GROUP_PATTERN, async (context, state) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    const existing = await groupHere(context);
    if (existing) await context.sendActivity(cardActivity(await groupView(format(m.meetings.existed, { name: existing.name }), existing, lang, m)));
    else await context.sendActivity(cardActivity(groupCreateCard(deps.schools, lang, m)));
  });

  onCardAction(app, 'group.create', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    const parsed = groupData.safeParse(data);
    if (!parsed.success) return groupCreateCard(deps.schools, lang, m, { name: typeof data.name === 'string' ? data.name.slice(0, 120) : '', error: m.forms.checkFields });
    const actor = actorOf(context);
    const school = deps.schools.find((s) => s.id === parsed.data.school);
    const members = (await roster(context)).map((p) => ({ userId: p.id, aadObjectId: p.aadObjectId, name: p.name }));
    const { group, existed } = await deps.meetings.createGroup({
      tenantId: actor.tenantId,
      ref: conversationRefOf(context.activity),
      type: parsed.data.type,
      name: parsed.data.name,
      lang,
      ...(school ? { schoolId: school.id } : {}),
      chair: { userId: actor.userId, aadObjectId: actor.aadObjectId, name: actor.name },
      members,
    });
    rememberGroup(context, group);
    turnLog(context, deps.log).info({ event: existed ? 'group.exists' : 'group.created', groupId: group.id, type: group.type, members: group.members.length });
    // One step on to the first meeting: the set-up card becomes the group's card with Call a meeting.
    const title = format(existed ? m.meetings.existed : m.meetings.created, { name: group.name, chair: group.chair.name });
    return groupView(title, group, lang, m);
  });

  // Call a meeting: the chair gets the Kokous form; the group's card stays.
  onCardAction(app, 'group.callMeeting', async (context, state) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    const group = await groupHere(context);
    if (!group) return m.meetings.notInGroup;
    if (group.chair.userId !== actorOf(context).userId) await context.sendActivity(m.meetings.notChair);
    else await context.sendActivity(cardActivity(formCard(deps.forms.get('kokous')!, lang, m)));
    return groupView(group.name, group, lang, m);
  });

  const withMeeting =
    (handle: (context: TurnContext, group: Group, meeting: Meeting, data: Record<string, unknown>, lang: Lang, m: Messages) => Promise<Record<string, unknown> | string>) =>
    async (context: TurnContext, state: TurnState, data: Record<string, unknown>) => {
      const lang = langFor(context, state);
      const m = messages(lang);
      const parsed = meetingRef.safeParse(data);
      const actor = actorOf(context);
      const group = parsed.success ? await deps.meetings.getGroup(actor.tenantId, parsed.data.groupId) : undefined;
      const meeting = group && parsed.success ? await deps.meetings.getMeeting(group.id, parsed.data.meetingId) : undefined;
      if (!group || !meeting) return m.meetings.noMeeting;
      return handle(context, group, meeting, data, lang, m);
    };

  onCardAction(
    app,
    'meeting.rsvp',
    withMeeting(async (context, group, meeting, data, lang, m) => {
      const actor = actorOf(context);
      const answer = data.answer === 'yes' ? 'yes' : 'no';
      const updated = await deps.meetings.rsvp(group.id, meeting.id, actor, answer);
      if (isRefused(updated)) return refusalText(updated, m);
      turnLog(context, deps.log).info({ event: 'meeting.rsvp', meetingId: meeting.id, answer });
      // The agenda card shows the count; the clicked card (agenda or reminder) is returned updated.
      if (data.kind === 'reminder') await deps.updateAgenda(group, updated);
      return agendaCard(updated, group, lang, m, { reminder: data.kind === 'reminder' });
    }),
  );

  onCardAction(
    app,
    'meeting.propose',
    withMeeting(async (context, group, meeting, _data, lang, m) => {
      const form = deps.forms.get('asialista')!;
      await context.sendActivity(cardActivity(formCard(form, lang, m)));
      return agendaCard(meeting, group, lang, m);
    }),
  );

  // The chair edits one meeting: the Meeting form, filled with its values, comes back with its id.
  onCardAction(
    app,
    'meeting.edit',
    withMeeting(async (context, group, meeting, _data, lang, m) => {
      if (group.chair.userId !== actorOf(context).userId) return m.meetings.notChair;
      const values = { title: meeting.title, date: meeting.date, time: meeting.time, duration: String(meeting.durationMinutes), place: meeting.place, recurrence: 'once', until: '', dates: '' };
      await context.sendActivity(cardActivity(formCard(deps.forms.get('kokous')!, lang, m, { values, meetingId: meeting.id })));
      return agendaCard(meeting, group, lang, m);
    }),
  );

  onCardAction(
    app,
    'agenda.decide',
    withMeeting(async (context, group, meeting, data, lang, m) => {
      const action = ['accept', 'reject', 'up', 'down'].includes(String(data.action)) ? (String(data.action) as 'accept') : undefined;
      if (!action || typeof data.itemId !== 'string') return agendaCard(meeting, group, lang, m);
      const updated = await deps.meetings.decide(group, actorOf(context), meeting.id, data.itemId, action);
      if (isRefused(updated)) return refusalText(updated, m);
      turnLog(context, deps.log).info({ event: 'agenda.decided', meetingId: meeting.id, action });
      return agendaCard(updated, group, lang, m);
    }),
  );

  onCardAction(
    app,
    'meeting.cancel',
    withMeeting(async (context, group, meeting, _data, lang, m) => {
      const updated = await deps.meetings.cancel(group, actorOf(context), meeting.id);
      if (isRefused(updated)) return refusalText(updated, m);
      turnLog(context, deps.log).info({ event: 'meeting.cancelled', meetingId: meeting.id });
      await announce(context, group, updated, 'cancel', format(m.meetings.cancelled, { title: updated.title, when: meetingWhen(updated, lang) }));
      return agendaCard(updated, group, lang, m);
    }),
  );

  /** A group's command, in the group's conversation; `personal`: what it shows in a personal chat, which has no group. */
  const inGroup = (handle: (context: TurnContext, group: Group, lang: Lang, m: Messages) => Promise<void>, personal?: typeof sendMine) => async (context: TurnContext, state: TurnState) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    const group = await groupHere(context);
    if (group) await handle(context, group, lang, m);
    else if (personal && conversationRefOf(context.activity).scope === 'personal') await personal(context, lang, m);
    else await context.sendActivity(m.meetings.notInGroup);
  };

  app.message(
    UPCOMING_PATTERN,
    inGroup(async (context, group, lang, m) => {
      const rows = (await deps.meetings.upcoming(group.id)).map((meeting) => ({ meeting }));
      await context.sendActivity(cardActivity(meetingsListCard(`${m.meetings.upcomingTitle} · ${group.name}`, rows, lang, m)));
    }, sendMine),
  );

  app.message(
    NEXT_PATTERN,
    inGroup(async (context, group, lang, m) => {
      const next = await deps.meetings.next(group.id);
      await context.sendActivity(next ? cardActivity(agendaCard(next, group, lang, m)) : m.meetings.noMeeting);
    }, sendMine),
  );

  app.message(
    MEMO_PATTERN,
    inGroup(async (context, group, lang, m) => {
      const last = await deps.meetings.previousMemo(group.id);
      await context.sendActivity(last ? cardActivity(memoCard(last, lang, m)) : m.meetings.noMemo);
    }),
  );

  app.message(MINE_PATTERN, async (context, state) => {
    const lang = langFor(context, state);
    await sendMine(context, lang, messages(lang));
  });
}

/** Tells the group once about a change (`slot`, and `key` for which change), however often its submit is replayed. */
function announcer(deps: MeetingDeps) {
  return async (context: TurnContext, group: Group, meeting: Meeting, slot: string, text: string, key?: string) => {
    const r = await deps.meetings.deliver(meeting, slot, () => deps.tellGroup(group, text), key);
    if (r.outcome === 'failed') turnLog(context, deps.log).warn({ event: 'group.tell.failed', groupId: group.id, slot, status: (r.error as { statusCode?: number })?.statusCode ?? null });
  };
}

export interface MeetingForms {
  /** Submits of the kokous, asialista and muistio forms, validated by the forms feature, which hands them over. */
  submitMeetingForm(context: TurnContext, form: FormDef, values: Record<string, unknown>, meetingId: string | undefined): Promise<Record<string, unknown> | string>;
}

/** The meeting forms' submits: a meeting or series scheduled or moved, an agenda item proposed, a memo recorded. */
export function meetingForms(deps: MeetingDeps): MeetingForms {
  const groupHere = (context: TurnContext) => groupOfTurn(context, deps.meetings);
  const announce = announcer(deps);
  return {
    submitMeetingForm: async (context, form, values, meetingId) => {
      const lang = langFor(context);
      const m = msgsFor(context);
      const group = await groupHere(context);
      if (!group) return formCard(form, lang, m, { values: stringValues(values), generalError: m.meetings.notInGroup });
      const actor = actorOf(context);
      const log = turnLog(context, deps.log);
      // The same submit twice (a Teams retry, a double click, both at once) creates once and gets the same card.
      const key = submitKey(context, meetingId ? `${form.id}:${meetingId}` : form.id);
      if (form.onSubmit === 'agendaItem') {
        const r = await deps.meetings.propose(group, actor, String(values.title), String(values.details ?? ''), key);
        if (isRefused(r)) {
          log.info({ event: 'agenda.refused', reason: r.refused });
          return formCard(form, lang, m, { values: stringValues(values), generalError: refusalText(r, m) });
        }
        await deps.updateAgenda(group, r);
        log.info({ event: 'agenda.proposed', meetingId: r.id });
        // The agenda card above is updated in place; the form becomes a short confirmation.
        return meetingsListCard(m.meetings.itemAdded, [{ meeting: r }], lang, m);
      }
      if (form.onSubmit === 'memo') {
        const r = await deps.meetings.recordMemo(group, actor, { attendance: String(values.attendance), decisions: String(values.decisions), tasks: String(values.tasks ?? '') }, key);
        if (isRefused(r)) return formCard(form, lang, m, { values: stringValues(values), generalError: refusalText(r, m) });
        log.info({ event: 'memo.recorded', meetingId: r.id });
        return memoCard(r, lang, m);
      }
      try {
        if (meetingId) {
          const r = await deps.meetings.reschedule(
            group,
            actor,
            meetingId,
            { title: String(values.title), place: String(values.place ?? ''), date: String(values.date), time: String(values.time), durationMinutes: Number(values.duration) },
            key,
          );
          if (isRefused(r)) return formCard(form, lang, m, { values: stringValues(values), generalError: refusalText(r, m), meetingId });
          await deps.updateAgenda(group, r);
          await announce(context, group, r, 'change', format(m.meetings.changed, { title: r.title, when: meetingWhen(r, lang) }), key);
          return agendaCard(r, group, lang, m);
        }
        const r = await deps.meetings.schedule(group, actor, { title: String(values.title), place: String(values.place ?? ''), rule: ruleOf(values) }, key);
        if (isRefused(r)) return formCard(form, lang, m, { values: stringValues(values), generalError: refusalText(r, m) });
        // Each meeting's agenda card is posted once in the group's conversation and then updated in place.
        for (const meeting of r.slice(0, 12)) {
          const posted = await deps.meetings.deliver(meeting, 'agenda', async () => (await context.sendActivity(cardActivity(agendaCard(meeting, group, lang, m))))?.id);
          if (posted.outcome === 'failed') throw posted.error;
        }
        log.info({ event: 'meetings.scheduled', groupId: group.id, count: r.length });
        return meetingsListCard(
          format(m.meetings.scheduled, { count: r.length }),
          r.map((meeting) => ({ meeting })),
          lang,
          m,
        );
      } catch (err) {
        if (!(err instanceof ScheduleValidationError)) throw err;
        const problems = err.issues.map((i) => ({
          field: i.path.includes('until') ? 'until' : i.path.includes('time') ? 'time' : 'date',
          code: (i.code === 'invalid_time' ? 'time' : 'date') as 'date',
        }));
        return formCard(form, lang, m, { values: stringValues(values), problems, meetingId });
      }
    },
  };
}

function stringValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? String(v) : Array.isArray(v) ? v.join(',') : String(v ?? '')]));
}
