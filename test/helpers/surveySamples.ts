import { join } from 'node:path';
import { messages } from '../../src/i18n';
import { reportingUnits } from '../../src/surveys/anonymity';
import { loadSurveys } from '../../src/surveys/definitions';
import type { Round } from '../../src/surveys/model';
import { computeResults } from '../../src/surveys/results';
import type { RoundResults } from '../../src/surveys/resultsRepository';
import { actionCard, roundsCard, startCard, surveyChannelCard, surveyFormCard, thanksCard, workshopCard } from '../../src/ui/surveyCards';
import { resultsCard } from '../../src/ui/surveyResultsCard';

/** Survey cards with realistic data, for the card contract test (every template through the official parser). */
export const surveys = loadSurveys(join(__dirname, '..', '..', 'content', 'surveys'));
const ref = { tenantId: 't', conversationId: '19:x@thread.tacv2', serviceUrl: 'https://smba.example', channelId: 'msteams', scope: 'channel' as const, botId: '28:b' };

export const sampleRound: Round = {
  id: 'r0123456789abcdef',
  roundId: 'r0123456789abcdef',
  kind: 'round',
  tenantId: 't',
  surveyId: 'communal',
  title: 'Yhteisöllisen hyvinvoinnin kysely 3/2027',
  createdBy: { userId: '29:k', name: 'Heidi Järvinen' },
  coordinatorRef: { ...ref, scope: 'personal', conversationId: 'a:1' },
  lang: 'fi',
  schools: [
    {
      schoolId: 'koivurinne',
      name: 'Koivurinteen koulu',
      municipality: 'Esimerkkikunta',
      audience: { kind: 'group', ref },
      invited: 24,
      followUp: { actionId: 'a', text: 'Yhteinen palaveri joka toinen perjantai' },
    },
    { schoolId: 'rantala', name: 'Rantalan koulu', municipality: 'Naapurikunta', audience: { kind: 'channel', ref }, invited: 6 },
  ],
  opensOn: '2027-03-01',
  closesOn: '2027-03-14',
  openAt: '2027-03-01T06:00:00.000Z',
  closeAt: '2027-03-14T22:00:00.000Z',
  status: 'open',
  counts: { invited: 30, sent: 29, failed: 1 },
  delivered: [],
  finished: false,
  createdAt: '2027-02-20T10:00:00.000Z',
};

function results(closedOn: string, shift: number): RoundResults {
  const def = surveys.get('communal')!;
  const answers = Array.from({ length: 16 }, (_, k) => ({
    schoolId: 'koivurinne',
    values: {
      openness: 1 + ((k + shift) % 5),
      colleagues: 4,
      leadership: 3 + (k % 3),
      practices: 2 + (k % 4),
      information: 3,
      welfareCooperation: 5,
      pupilVoice: 3,
      guardians: 4,
      safety: 5,
      mistreatment: 1 + (k % 2),
      development: 3,
      purpose: 5,
      workAbility: 6 + (k % 5),
      followUp: 4,
      improve: `Ehdotus ${k}`,
      profession: k % 2 ? 'teacher' : 'assistant',
      schoolPart: k % 2 ? 'grades1to2' : 'grades7to9',
    },
  }));
  const units = reportingUnits(sampleRound.schools.map((s) => ({ schoolId: s.schoolId, municipality: s.municipality, invited: s.invited }))).map((u) =>
    u.of === 'koivurinne' ? { ...u, followUp: sampleRound.schools[0].followUp! } : u,
  );
  const computed = computeResults({ def, units, answers, mask: (t) => t, shuffle: (x) => x });
  return { id: `results-${sampleRound.id}`, tenantId: 't', kind: 'results', roundId: sampleRound.id, surveyId: 'communal', title: sampleRound.title, closedOn, createdAt: '', ...computed };
}
const trend = [results('2026-03-15', 2), results('2027-03-15', 0)];
const def = surveys.get('communal')!;
const ids = { roundId: sampleRound.id, unitId: 'school:koivurinne', groupId: 'g0123456789abcdef01234567' };
const action = {
  id: 'a',
  tenantId: 't',
  kind: 'action' as const,
  surveyId: 'communal',
  fromRoundId: 'r0',
  schoolIds: ['koivurinne'],
  text: 'Yhteinen palaveri joka toinen perjantai',
  owner: 'Jari Nieminen',
  followUpOn: '2027-05-01',
  groupId: ids.groupId,
  createdAt: '',
};

type Lang = 'fi' | 'sv' | 'en';
export const surveyCards: Record<string, (lang: Lang) => Record<string, unknown>> = {
  'survey-form': (lang) =>
    surveyFormCard(def, sampleRound, 'koivurinne', lang, messages(lang), {
      values: { openness: '4' },
      problems: [{ field: 'improve', code: 'tooLong' }],
      generalError: messages(lang).surveys.invalid,
    }),
  'survey-thanks': (lang) => thanksCard(sampleRound, 'koivurinne', 'a0123456789abcdef0123456789abcdef', false, messages(lang)),
  'survey-rounds': (lang) =>
    roundsCard(
      [
        { round: sampleRound, progress: sampleRound.counts },
        { round: { ...sampleRound, status: 'closed' }, progress: sampleRound.counts },
      ],
      messages(lang),
      'ok',
    ),
  'survey-start': (lang) =>
    startCard(
      [...surveys.values()],
      [
        { id: 'koivurinne', name: 'Koivurinteen koulu', source: 'group' },
        { id: 'rantala', name: 'Rantalan koulu', source: 'none' },
      ],
      lang,
      messages(lang),
      { values: { survey: 'pulse', schools: 'koivurinne' }, errors: { closesOn: 'x' }, generalError: 'e' },
    ),
  'survey-channel': (lang) => surveyChannelCard([{ id: 'koivurinne', name: 'Koivurinteen koulu' }], messages(lang)),
  'survey-workshop': (lang) => workshopCard(ids, messages(lang), { values: { title: 'Työpaja' }, generalError: 'e' }),
  'survey-action': (lang) => actionCard(ids, messages(lang), { generalError: 'e' }),
  'survey-results': (lang) =>
    resultsCard({
      def,
      results: trend[1],
      unitId: 'school:koivurinne',
      trend,
      lang,
      m: messages(lang),
      schoolName: (id) => id,
      view: 'coordinator',
      csvUrl: 'https://opari.example.fi/surveys/x.csv',
      action,
    }),
};

/** The group's view of a unit and the coordinator's region view: checked as well. */
export const surveyResultViews = {
  group: (lang: Lang) =>
    resultsCard({
      def,
      results: trend[1],
      unitId: 'school:koivurinne',
      trend,
      lang,
      m: messages(lang),
      schoolName: (id) => id,
      view: 'group',
      groupId: ids.groupId,
      notice: 'x',
      onAgenda: false,
      action,
    }),
  region: (lang: Lang) => resultsCard({ def, results: trend[1], unitId: 'region', trend, lang, m: messages(lang), schoolName: (id) => id, view: 'coordinator' }),
};
