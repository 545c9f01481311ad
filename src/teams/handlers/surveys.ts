import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { format, type Messages } from '../../i18n';
import { isRefused } from '../../refusal';
import type { Round } from '../../surveys/model';
import { formatDate } from '../../time/format';
import { roundsCard, startCard, surveyChannelCard, surveyFormCard, thanksCard } from '../../ui/surveyCards';
import { REGION } from '../../ui/surveyResultsCard';
import { asInputValues } from '../../surveys/answers';
import { langFor, msgsFor, turnLog } from '../context';
import { refusalText } from '../refusals';
import { cardActivity, conversationRefOf } from '../replies';
import type { SurveyWiring, SurveyWiringDeps } from '../surveyWiring';
import { onCardAction } from './actions';
import { actorOf } from './actor';
import { registerSurveyGroups } from './surveyGroups';

export const SURVEYS_PATTERN = /^\s*(kysely|kyselyt|hyvinvointikysely|hyvinvointikyselyt|survey|surveys|enkät|enkäter|välmåendeenkät)\s*[.!]*\s*$/i;
export const SURVEY_CHANNEL_PATTERN = /^\s*(kyselykanava|survey channel|enkätkanal)\s*[.!]*\s*$/i;

const roundRef = z.object({ roundId: z.string().regex(/^r[0-9a-f]{16}$/) }).passthrough();
const resultsRef = roundRef.extend({ unit: z.string().optional().catch(undefined) });
const answerRef = roundRef.extend({ schoolId: z.string().regex(/^[a-z0-9-]{1,40}$/), ticket: z.string().max(40).optional() });
const startData = z
  .object({ survey: z.string().max(40).default(''), schools: z.string().max(2000).default(''), opensOn: z.string().max(20).default(''), closesOn: z.string().max(20).default('') })
  .passthrough();

/**
 * Staff well-being surveys: the coordinator's rounds (personal chat), the survey channel of a school,
 * respondents' answers, and (surveyGroups.ts) what a communal group does with its results. The answer
 * turn logs nothing about the round: a log line would tie a conversation to having answered.
 */
export function registerSurveys(app: Application<TurnState>, deps: SurveyWiringDeps & { wiring: SurveyWiring }): void {
  const w = deps.wiring;
  const { service } = w;

  const progress = async (r: Round) => {
    if (r.status === 'closed') return r.counts;
    const invitations = await w.rounds.invitations(r.id);
    return { invited: invitations.length, sent: invitations.filter((i) => i.status === 'sent').length, failed: invitations.filter((i) => i.status === 'failed').length };
  };
  const showRounds = async (context: TurnContext, m: Messages, notice = '') => {
    const rows = await Promise.all((await service.roundsFor(actorOf(context))).slice(0, 10).map(async (round) => ({ round, progress: await progress(round) })));
    return roundsCard(rows, m, notice);
  };
  /** The coordinator's schools, or a refusal to say. */
  const coordinator = async (context: TurnContext, m: Messages): Promise<string[] | string> => {
    if (conversationRefOf(context.activity).scope !== 'personal') return m.surveys.personalOnly;
    const schools = await service.coordinatorSchools(actorOf(context));
    return schools.length ? schools : m.surveys.notCoordinator;
  };
  const newRoundCard = async (context: TurnContext, state: TurnState, schools: string[], s: Parameters<typeof startCard>[4] = {}) => {
    const audiences = await service.audiences(actorOf(context).tenantId);
    const choices = schools.map((id) => ({ id, name: service.schoolName(id), source: audiences.get(id)?.kind ?? ('none' as const) }));
    return startCard([...w.surveys.values()], choices, langFor(context, state), msgsFor(context, state), s);
  };

  app.message(SURVEYS_PATTERN, async (context, state) => {
    const m = msgsFor(context, state);
    const mine = await coordinator(context, m);
    await context.sendActivity(typeof mine === 'string' ? mine : cardActivity(await showRounds(context, m)));
  });

  /** A card verb only the coordinator may use, in a personal chat: anyone else is told why not. */
  const asCoordinator = (verb: string, handle: (context: TurnContext, state: TurnState, data: Record<string, unknown>, m: Messages, mine: string[]) => Promise<Record<string, unknown> | string>) =>
    onCardAction(app, verb, async (context, state, data) => {
      const m = msgsFor(context, state);
      const mine = await coordinator(context, m);
      return typeof mine === 'string' ? mine : handle(context, state, data, m, mine);
    });

  asCoordinator('survey.rounds', (context, _state, _data, m) => showRounds(context, m));

  asCoordinator('survey.new', (context, state, _data, _m, mine) => newRoundCard(context, state, mine));

  asCoordinator('survey.start', async (context, state, data, m, mine) => {
    const v = startData.parse(data);
    const values = { survey: v.survey, schools: v.schools, opensOn: v.opensOn, closesOn: v.closesOn };
    const round = await service.createRound(
      actorOf(context),
      { surveyId: v.survey, schoolIds: v.schools.split(',').filter(Boolean), opensOn: v.opensOn, closesOn: v.closesOn },
      conversationRefOf(context.activity),
      langFor(context, state),
    );
    if (Array.isArray(round)) {
      const errors = Object.fromEntries(round.map((p) => [p.field, m.surveys.problems[p.code]]));
      return newRoundCard(context, state, mine, { values, errors, generalError: m.forms.checkFields });
    }
    turnLog(context, deps.log).info({ event: 'surveys.round.created', roundId: round.id, surveyId: round.surveyId, schools: round.schools.length });
    w.jobs.kick();
    return showRounds(context, m, format(m.surveys.created, { title: round.title, opens: formatDate(round.opensOn), closes: formatDate(round.closesOn) }));
  });

  asCoordinator('survey.close', async (context, _state, data, m) => {
    const parsed = roundRef.safeParse(data);
    const closed = parsed.success ? await service.requestClose(actorOf(context), parsed.data.roundId) : undefined;
    if (closed) {
      turnLog(context, deps.log).info({ event: 'surveys.round.close-requested', roundId: closed.id });
      w.jobs.kick();
    }
    return showRounds(context, m, closed ? m.surveys.closeStarted : '');
  });

  asCoordinator('survey.results', async (context, state, data, m) => {
    const parsed = resultsRef.safeParse(data);
    const round = parsed.success ? await service.roundFor(actorOf(context), parsed.data.roundId) : undefined;
    const results = round ? await w.results.get(round.tenantId, round.id) : undefined;
    if (!round || !results) return showRounds(context, m);
    const asked = parsed.data?.unit;
    const unit = asked !== undefined && results.units.some((u) => u.unitId === asked) ? asked : REGION;
    return w.resultsView(round, results, unit, langFor(context, state), 'coordinator');
  });

  app.message(SURVEY_CHANNEL_PATTERN, async (context, state) => {
    const m = msgsFor(context, state);
    if (conversationRefOf(context.activity).scope !== 'channel') {
      await context.sendActivity(m.surveys.channelOnly);
      return;
    }
    const schools = await service.coordinatorSchools(actorOf(context));
    await context.sendActivity(
      schools.length
        ? cardActivity(
            surveyChannelCard(
              schools.map((id) => ({ id, name: service.schoolName(id) })),
              m,
            ),
          )
        : m.surveys.notCoordinator,
    );
  });

  onCardAction(app, 'survey.channel.set', async (context, state, data) => {
    const m = msgsFor(context, state);
    const ref = conversationRefOf(context.activity);
    if (ref.scope !== 'channel') return m.surveys.channelOnly;
    const schools = await service.coordinatorSchools(actorOf(context));
    const school = String(data.school ?? '');
    if (!schools.includes(school)) return m.surveys.notCoordinator;
    await service.setChannel(ref.tenantId, school, ref);
    turnLog(context, deps.log).info({ event: 'surveys.channel.set', schoolId: school });
    return format(m.surveys.channelSet, { school: service.schoolName(school) });
  });

  onCardAction(app, 'survey.answer', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = msgsFor(context, state);
    const ids = answerRef.safeParse(data);
    if (!ids.success) return m.surveys.notInvited;
    const { roundId, schoolId } = ids.data;
    const ticket = ids.data.ticket || undefined;
    const outcome = await service.answer({ roundId, schoolId, person: actorOf(context), data, ...(ticket ? { ticket } : {}) });
    if (isRefused(outcome)) return refusalText(outcome, m);
    if (outcome.kind === 'saved') return thanksCard(outcome.round, schoolId, outcome.ticket, outcome.changed, m);
    const round = (await w.rounds.getRound(roundId))!;
    return surveyFormCard(w.surveys.get(round.surveyId)!, round, schoolId, lang, m, {
      values: asInputValues(data),
      problems: outcome.problems,
      generalError: outcome.empty ? m.surveys.empty : m.surveys.invalid,
      ...(ticket ? { ticket } : {}),
    });
  });

  onCardAction(app, 'survey.change', async (context, state, data) => {
    const m = msgsFor(context, state);
    const ids = answerRef.safeParse(data);
    const own = ids.success && ids.data.ticket ? await service.answerToChange(ids.data.roundId, ids.data.schoolId, actorOf(context), ids.data.ticket) : undefined;
    if (!ids.success || !own) {
      const round = ids.success ? await w.rounds.getRound(ids.data.roundId) : undefined;
      return round && service.isOpen(round) ? m.surveys.notInvited : m.surveys.closed;
    }
    return surveyFormCard(w.surveys.get(own.round.surveyId)!, own.round, ids.data.schoolId, langFor(context, state), m, { values: asInputValues(own.values), ticket: ids.data.ticket });
  });

  registerSurveyGroups(app, deps);
}
