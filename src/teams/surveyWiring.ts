import { join } from 'node:path';
import { TeamsAdapter } from '@microsoft/teams-ai/lib/TeamsAdapter';
import type { CloudAdapter } from 'botbuilder';
import type { Roles } from '../cases/roles';
import type { Config } from '../config';
import type { School } from '../forms/registry';
import { format, type Lang, langOf, messages } from '../i18n';
import type { Logger } from '../log';
import type { Group, Meeting } from '../meetings/model';
import type { Groups } from '../meetings/repository';
import type { MeetingService } from '../meetings/service';
import { CONTENT_DIR } from '../paths';
import type { Store } from '../store/cosmos';
import type { ConversationRef, ConversationRefs } from '../store/conversationRefs';
import type { KeyRing } from '../store/crypto';
import { resultsCsv } from '../surveys/csv';
import { loadSurveys } from '../surveys/definitions';
import { SurveyJobs, type SurveyPort } from '../surveys/jobs';
import type { Invitation, Round } from '../surveys/model';
import { SurveyRounds } from '../surveys/repository';
import { type RoundResults, SurveyResults } from '../surveys/resultsRepository';
import { SurveyService } from '../surveys/service';
import { meetingWhen } from '../ui/meetingCards';
import { surveyFormCard } from '../ui/surveyCards';
import { REGION, resultsCard, unitLabel } from '../ui/surveyResultsCard';
import { membersOf } from './handlers/roster';
import { cardActivity, createPersonalConversation, groupLang, sendProactive } from './replies';

export interface SurveyWiringDeps {
  adapter: CloudAdapter;
  botAppId: string;
  store: Store;
  refs: ConversationRefs;
  roles: Roles;
  groups: Groups;
  meetings: MeetingService;
  schools: School[];
  keys: KeyRing;
  config: Config;
  log: Logger;
  /** Replaces a group's posted agenda card (after an item was added). */
  updateAgenda(group: Group, meeting: Meeting): Promise<void>;
}

/** Connector calls without a reply in this time are treated as failed (and retried by the job). */
const CALL_TIMEOUT_MS = 15_000;

function withTimeout<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error(`${what} timed out`), { name: 'TimeoutError' })), CALL_TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export type SurveyWiring = ReturnType<typeof wireSurveys>;

/** An adapter without a bot identity (local connectors only): for the benchmark, which runs the survey feature on its own. */
export function localAdapter(): CloudAdapter {
  return new TeamsAdapter({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant', MicrosoftAppTenantId: '' });
}

/** Builds the survey feature: repositories on Cosmos, the domain service, the background jobs and their Teams port. */
export function wireSurveys(d: SurveyWiringDeps) {
  const surveys = loadSurveys(join(CONTENT_DIR, 'surveys'));
  const rounds = new SurveyRounds(d.store.container('surveyRounds'));
  const results = new SurveyResults(d.store.container('surveyResults'));
  const service = new SurveyService({ rounds, results, surveys, schools: d.schools, groups: d.groups, roles: d.roles, keyedHash: (t) => d.keys.lookupHash(t) });
  const schoolName = (id: string) => d.schools.find((s) => s.id === id)?.name ?? id;

  /** The person's own 1:1 chat: the newest stored one, else a new one through the audience's connector (then stored). */
  const personalRef = async (round: Round, inv: Invitation): Promise<ConversationRef> => {
    const stored = inv.person.aadObjectId ? (await d.refs.personalFor(round.tenantId, inv.person.aadObjectId)).sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0] : undefined;
    if (stored) return stored;
    const via = round.schools.find((s) => s.schoolId === inv.schoolId)!.audience.ref;
    const created = await withTimeout(createPersonalConversation(d.adapter, d.botAppId, { ...via, serviceUrl: inv.serviceUrl || via.serviceUrl }, inv.person), 'createConversation');
    await d.refs.save(created);
    return created;
  };

  const resultsView = async (round: Round, r: RoundResults, unitId: string, lang: Lang, view: 'coordinator' | 'group', extra: { groupId?: string; notice?: string; onAgenda?: boolean } = {}) => {
    // The action the school's group chose after the previous round, shown beside whether it helped.
    const actionId = r.units.find((u) => u.unitId === unitId)?.followUp?.actionId;
    const action = actionId ? await results.getAction(round.tenantId, actionId) : undefined;
    return resultsCard({
      def: surveys.get(round.surveyId)!,
      results: r,
      unitId,
      trend: await results.ofSurvey(round.tenantId, round.surveyId),
      lang,
      m: messages(lang),
      schoolName,
      view,
      ...(view === 'coordinator' ? { csvUrl: csvUrl(round.id) } : {}),
      ...(action ? { action } : {}),
      ...extra,
    });
  };

  const csvUrl = (roundId: string) => {
    const exp = String(Date.now() + 7 * 24 * 3600_000);
    return `${d.config.publicUrl}/surveys/${roundId}/results.csv?exp=${exp}&sig=${csvSignature(roundId, exp)}`;
  };
  const csvSignature = (roundId: string, exp: string) => d.keys.lookupHash(`survey-csv|${roundId}|${exp}`).slice(0, 32);
  /** The aggregate CSV of a round for a signed, unexpired link; undefined otherwise. */
  const csv = async (roundId: string, exp: string, sig: string): Promise<string | undefined> => {
    if (!/^r[0-9a-f]{16}$/.test(roundId) || !/^\d{13}$/.test(exp) || Number(exp) < Date.now() || sig !== csvSignature(roundId, exp)) return undefined;
    const round = await rounds.getRound(roundId);
    const found = round ? await results.get(round.tenantId, roundId) : undefined;
    return round && found ? resultsCsv(surveys.get(round.surveyId)!, found) : undefined;
  };

  const port: SurveyPort = {
    members: async (audience) =>
      (await withTimeout(membersOf(d.adapter, d.botAppId, audience.ref), 'pagedmembers')).map((p) => ({
        userId: p.id,
        ...(p.aadObjectId ? { aadObjectId: p.aadObjectId } : {}),
        name: p.name,
        serviceUrl: audience.ref.serviceUrl,
      })),
    send: async (round, inv, what) => {
      const ref = await personalRef(round, inv);
      const lang = ref.locale ? langOf(ref.locale) : round.lang;
      const card = surveyFormCard(surveys.get(round.surveyId)!, round, inv.schoolId, lang, messages(lang), { reminder: what === 'reminder' });
      await withTimeout(sendProactive(d.adapter, d.botAppId, ref, cardActivity(card)), 'send');
    },
    toCoordinator: async (round, r) => {
      await sendProactive(d.adapter, d.botAppId, round.coordinatorRef, cardActivity(await resultsView(round, r, REGION, round.lang, 'coordinator')));
    },
    toGroup: async (round, r, unitId, group, meeting) => {
      // The group's own language (what it posts in), not the locale of whoever's client set it up.
      const lang = groupLang(group);
      const m = messages(lang);
      if (meeting) await d.updateAgenda(group, meeting);
      const notice = meeting ? format(m.surveys.onAgenda, { when: meetingWhen(meeting, lang) }) : m.surveys.noMeeting;
      await sendProactive(d.adapter, d.botAppId, group.ref, cardActivity(await resultsView(round, r, unitId, lang, 'group', { groupId: group.id, notice, onAgenda: !!meeting })));
    },
  };

  const keepWords = new Set(d.schools.flatMap((s) => [...s.name.split(/\s+/), s.municipality ?? s.provider]));
  const jobs = new SurveyJobs({
    service,
    rounds,
    results,
    surveys,
    groups: d.groups,
    meetings: d.meetings,
    port,
    keepRounds: d.config.SURVEY_KEEP_ROUNDS,
    keepWords,
    agendaTitle: (round, r, unitId, group) => {
      const m = messages(groupLang(group));
      return format(m.surveys.agendaTitle, {
        title: round.title,
        unit: unitLabel(
          r.units.find((u) => u.unitId === unitId),
          schoolName,
          m,
        ),
      });
    },
    leaseMs: d.config.SURVEY_LEASE_MS,
    pollMs: d.config.SURVEY_POLL_MS,
    concurrency: 4,
    maxAttempts: 5,
    log: d.log,
  });
  return { surveys, rounds, results, service, jobs, resultsView, csvUrl, csv, schoolName };
}
