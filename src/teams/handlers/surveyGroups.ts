import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { format, type Lang, type Messages } from '../../i18n';
import type { Group, Meeting } from '../../meetings/model';
import { dateSchema, ScheduleValidationError, timeSchema } from '../../meetings/schedule';
import { isRefused } from '../../refusal';
import { agendaCard, meetingWhen } from '../../ui/meetingCards';
import { actionCard, workshopCard } from '../../ui/surveyCards';
import { summaryText, unitLabel } from '../../ui/surveyResultsCard';
import { langFor, msgsFor, turnLog } from '../context';
import { refusalText } from '../refusals';
import { cardActivity } from '../replies';
import type { SurveyWiring, SurveyWiringDeps } from '../surveyWiring';
import { onCardAction } from './actions';
import { actorOf, submitKey } from './actor';

const ids = z.object({ roundId: z.string().regex(/^r[0-9a-f]{16}$/), unitId: z.string().max(120), groupId: z.string().regex(/^g[0-9a-f]{24}$/) }).passthrough();
const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|on\w+\s*=/i;
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !MARKUP.test(s));
const workshopData = z
  .object({
    title: text(120),
    date: dateSchema,
    time: timeSchema,
    duration: z.enum(['60', '90', '120', '180']),
    place: z
      .string()
      .trim()
      .max(200)
      .refine((s) => !MARKUP.test(s))
      .default(''),
  })
  .passthrough();
const actionData = z.object({ text: text(200), owner: text(80), followUpOn: dateSchema }).passthrough();

const strings = (data: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, typeof data[k] === 'string' ? (data[k] as string).slice(0, 200) : '']));

/**
 * What a communal welfare group does with its school's results, in the group's own conversation: put
 * them on the next meeting's agenda, book a development workshop (a meeting with the workshop agenda),
 * and record the action it chose, which the next round asks about.
 */
export function registerSurveyGroups(app: Application<TurnState>, deps: SurveyWiringDeps & { wiring: SurveyWiring }): void {
  const w = deps.wiring;

  /** The group, round and unit of a button, when pressed in that group's own conversation. */
  const load = async (context: TurnContext, data: Record<string, unknown>) => {
    const parsed = ids.safeParse(data);
    if (!parsed.success) return undefined;
    const actor = actorOf(context);
    const group = await deps.meetings.groupOf(actor.tenantId, actor.conversationId);
    if (!group || group.id !== parsed.data.groupId) return undefined;
    const round = await w.rounds.getRound(parsed.data.roundId);
    const results = round && round.tenantId === actor.tenantId ? await w.results.get(round.tenantId, round.id) : undefined;
    const unit = results?.units.find((u) => u.unitId === parsed.data.unitId);
    if (!round || !results || !unit || !unit.schoolIds.includes(group.schoolId ?? '')) return undefined;
    return { group, round, results, unit, ids: parsed.data };
  };
  const view = async (ctx: NonNullable<Awaited<ReturnType<typeof load>>>, lang: Lang, notice: string) => {
    const next = await deps.meetings.next(ctx.group.id);
    const onAgenda = !!next?.agenda.some((i) => i.source === `survey:${ctx.round.id}:${ctx.unit.unitId}`);
    return w.resultsView(ctx.round, ctx.results, ctx.unit.unitId, lang, 'group', { groupId: ctx.group.id, notice, onAgenda });
  };
  /** The workshop's agenda card in the group's conversation: posted once however often the booking is replayed. */
  const postAgenda = async (context: TurnContext, group: Group, meeting: Meeting, lang: Lang, m: Messages) => {
    const posted = await deps.meetings.deliver(meeting, 'agenda', async () => (await context.sendActivity(cardActivity(agendaCard(meeting, group, lang, m))))?.id);
    if (posted.outcome === 'failed') throw posted.error;
  };

  onCardAction(app, 'survey.agenda', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = msgsFor(context, state);
    const ctx = await load(context, data);
    if (!ctx) return m.surveys.groupOnly;
    const title = format(m.surveys.agendaTitle, { title: ctx.round.title, unit: unitLabel(ctx.unit, w.schoolName, m) });
    const meeting = await deps.meetings.addItemToNext(ctx.group, { title, source: `survey:${ctx.round.id}:${ctx.unit.unitId}` });
    if (meeting) await deps.updateAgenda(ctx.group, meeting);
    return view(ctx, lang, meeting ? format(m.surveys.addedToAgenda, { when: meetingWhen(meeting, lang) }) : m.surveys.noMeeting);
  });

  onCardAction(app, 'survey.workshop', async (context, state, data) => {
    const m = msgsFor(context, state);
    const ctx = await load(context, data);
    if (!ctx) return m.surveys.groupOnly;
    return workshopCard(ctx.ids, m, { values: { title: format(m.surveys.workshopName, { title: ctx.round.title }) } });
  });

  onCardAction(app, 'survey.workshop.book', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = msgsFor(context, state);
    const ctx = await load(context, data);
    if (!ctx) return m.surveys.groupOnly;
    const values = strings(data, ['title', 'date', 'time', 'duration', 'place']);
    const parsed = workshopData.safeParse(data);
    if (!parsed.success) return workshopCard(ctx.ids, m, { values, generalError: m.forms.checkFields });
    const summary = summaryText(w.surveys.get(ctx.round.surveyId)!, ctx.results, ctx.unit.unitId, lang, m);
    // The same booking twice (a Teams retry, a double click) books one workshop; another date or title is another booking.
    const d = parsed.data;
    const key = submitKey(context, ['survey.workshop', ctx.round.id, ctx.unit.unitId, d.title, d.date, d.time, d.duration, d.place].join(':'));
    try {
      const r = await deps.meetings.schedule(
        ctx.group,
        actorOf(context),
        {
          title: d.title,
          place: d.place,
          rule: { kind: 'once', date: d.date, time: d.time, durationMinutes: Number(d.duration) },
          workshop: { results: `${ctx.round.title}, ${unitLabel(ctx.unit, w.schoolName, m)}. ${summary}` },
        },
        key,
      );
      if (isRefused(r)) return workshopCard(ctx.ids, m, { values, generalError: refusalText(r, m) });
      await postAgenda(context, ctx.group, r[0], lang, m);
      turnLog(context, deps.log).info({ event: 'surveys.workshop.booked', roundId: ctx.round.id, groupId: ctx.group.id, meetingId: r[0].id });
      return view(ctx, lang, format(m.surveys.workshopBooked, { when: meetingWhen(r[0], lang) }));
    } catch (err) {
      if (!(err instanceof ScheduleValidationError)) throw err;
      return workshopCard(ctx.ids, m, { values, generalError: m.forms.checkFields });
    }
  });

  onCardAction(app, 'survey.action', async (context, state, data) => {
    const m = msgsFor(context, state);
    const ctx = await load(context, data);
    return ctx ? actionCard(ctx.ids, m) : m.surveys.groupOnly;
  });

  onCardAction(app, 'survey.action.save', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = msgsFor(context, state);
    const ctx = await load(context, data);
    if (!ctx) return m.surveys.groupOnly;
    const values = strings(data, ['text', 'owner', 'followUpOn']);
    if (ctx.group.chair.userId !== actorOf(context).userId) return actionCard(ctx.ids, m, { values, generalError: m.meetings.notChair });
    const parsed = actionData.safeParse(data);
    if (!parsed.success) return actionCard(ctx.ids, m, { values, generalError: m.forms.checkFields });
    if (deps.meetings.namesPupil(parsed.data.text)) return actionCard(ctx.ids, m, { values, generalError: m.surveys.actionPupil });
    await w.service.chooseAction({ tenantId: ctx.round.tenantId, roundId: ctx.round.id, schoolIds: ctx.unit.schoolIds, groupId: ctx.group.id, ...parsed.data });
    turnLog(context, deps.log).info({ event: 'surveys.action.recorded', roundId: ctx.round.id, groupId: ctx.group.id });
    return view(ctx, lang, format(m.surveys.actionSaved, { text: parsed.data.text }));
  });
}
