import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '../../src/log';
import { loadConfig } from '../../src/config';
import { openStore, type Store } from '../../src/store/cosmos';
import { createTeamsBot } from '../../src/teams/bot';
import { composeServices } from '../../src/composition';
import { KeyRing } from '../../src/store/crypto';
import { registeredVerbs } from '../../src/teams/handlers/actions';
import { messages } from '../../src/i18n';
import { renderCard } from '../../src/ui/cards';
import { ROOT } from '../helpers/bot';
import { PlanService } from '../../src/plan/answer';
import { answerCard } from '../../src/ui/answerCard';
import { expertAnswerCard, ticketCard } from '../../src/ui/expertCards';
import type { Ticket } from '../../src/expert/tickets';
import { formCatalog } from '../../src/forms/registry';
import { loadSchools } from '../../src/forms/schools';
import { formCard, formsListCard } from '../../src/ui/formCards';
import { caseDetailsCard, caseHandoverCard, caseRedactedCard, caseSummaryCard, gdprCard, myCasesCard, rolesCard, schoolChannelCard } from '../../src/ui/caseCards';
import type { CaseDoc, CaseView } from '../../src/cases/model';
import { agendaCard, groupCard, groupCreateCard, meetingsListCard, memoCard } from '../../src/ui/meetingCards';
import { welcomeCard } from '../../src/teams/handlers/welcome';
import type { Group, Meeting } from '../../src/meetings/model';
import { standardItems } from '../../src/meetings/agenda';
import { previewCard, versionsCard } from '../../src/ui/planAdminCards';
import type { PlanVersion } from '../../src/plan/publish/versions';

const schools = loadSchools(join(ROOT, 'content', 'schools.yml'));
const schoolMap = new Map(schools.map((x) => [x.id, x]));
const forms = formCatalog(schools);
const caseDoc: CaseDoc = {
  id: 'c0123456789abcdef0123456789abcdef',
  tenantId: 't',
  schoolId: 'koivurinne',
  number: 'OH-2026-0042',
  formId: 'uusi-asia',
  service: 'kuraattori',
  urgent: false,
  status: 'kasittelyssa',
  history: [],
  initiator: { userId: '29:a', name: 'Sanna Heikkinen' },
  assignee: { userId: '29:b', name: 'Aino Virtanen' },
  requestedOn: '2026-11-20',
  due: { date: '2026-12-01', workingDays: 7, calendarCovered: true },
  fields: { school: 'koivurinne', urgency: 'normal', target: 'kuraattori' },
  secret: { kid: 'k', iv: '', tag: '', data: '' },
  pupilKey: 'x',
  submittedIn: 'a:1',
  createdAt: '2026-11-20T08:00:00Z',
};
const caseView: CaseView = {
  ...(({ secret: _s, ...rest }) => rest)(caseDoc),
  values: {
    school: 'koivurinne',
    pupilName: 'Matti Meikäläinen',
    pupilClass: '5B',
    reason: 'kaverisuhteet',
    description: 'Kuvaus.',
    madeWith: 'pupil',
    pupilInformed: true,
    guardianInformed: false,
    urgency: 'normal',
    target: 'kuraattori',
    initiator: 'opettaja',
  },
};

const plan = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'https://opari.example.fi');
import { startTestStore, type TestStore } from '../helpers/store';
import { surveyCards, surveyResultViews } from '../helpers/surveySamples';
import '../helpers/teamsCharts';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js');

/** Sample data for every template in cards/: each is expanded in fi, sv and en. */
const samples: Record<string, (lang: 'fi' | 'sv' | 'en') => object> = {};
const ticket: Ticket = {
  id: 'T-0A1B2C',
  tenantId: 'tenant',
  question: 'Saako opettaja käyttää omaa autoa retkellä?',
  lang: 'fi',
  asker: { userId: '29:a', name: 'Aino Virtanen' },
  askerRef: { tenantId: 'tenant', conversationId: 'a:1', serviceUrl: 'https://smba.example', channelId: 'msteams', scope: 'personal', botId: '28:b' },
  status: 'claimed',
  claimedBy: { userId: 'x', name: 'Heidi Järvinen' },
  postAttempts: 1,
  history: [],
  createdAt: '2026-11-23T08:00:00.000Z',
};

const group: Group = {
  id: 'g0123456789abcdef01234567',
  tenantId: 't',
  type: 'communal',
  name: 'Koivurinteen yhteisöllinen OHR',
  ref: ticket.askerRef,
  chair: { userId: '29:r', name: 'Jari Nieminen' },
  members: [],
  memberIds: ['29:r'],
  createdAt: '',
};
const meeting: Meeting = {
  id: 'm0123456789abcdef',
  groupId: group.id,
  tenantId: 't',
  seriesId: 's',
  title: 'Yhteisöllinen OHR',
  date: '2026-12-03',
  time: '14:30',
  startUtc: '2026-12-03T12:30:00.000Z',
  endUtc: '2026-12-03T13:30:00.000Z',
  durationMinutes: 60,
  place: 'Opettajainhuone',
  status: 'scheduled',
  agenda: [...standardItems('communal'), { id: 'x1', title: 'Välituntivalvonta', proposedBy: 'Sanna', status: 'proposed', standard: false }],
  proposalsUntil: '2026-12-02T12:30:00.000Z',
  rsvps: { '29:a': { name: 'Aino', answer: 'yes', at: '' } },
  memo: { attendance: 'Jari, Aino', decisions: 'Päätettiin.', tasks: 'Aino: kysely 31.1.', recordedBy: 'Jari', at: '2026-12-03T14:00:00Z' },
  warnings: ['holiday:itsenäisyyspäivä', 'weekend'],
  createdAt: '',
};

const planVersion: PlanVersion = {
  id: 'v-20261204-0a1b2c3d',
  versionId: 'v-20261204-0a1b2c3d',
  kind: 'version',
  status: 'draft',
  file: { name: 'suunnitelma.pdf', contentType: 'application/pdf', size: 1000, blob: 'v-20261204-0a1b2c3d/suunnitelma.pdf' },
  title: 'Esimerkkialueen opiskeluhuoltosuunnitelma',
  sections: 2,
  subsections: 1,
  words: 300,
  pages: 12,
  tree: [
    { depth: 0, id: 'kotiopetus', number: '3', title: 'Kotiopetus', words: 10, page: 4, lastPage: 5 },
    { depth: 1, id: 'kotiopetus/valvonta', number: '3.2', title: 'Valvonta', words: 100, page: 5 },
    { depth: 0, id: 'liitteet', title: 'Liitteet', words: 0 },
  ],
  warnings: ['table of contents dropped (page 2, 12 entries)'],
  chunks: 1,
  createdBy: 'x',
  createdAt: '2026-12-04T08:00:00Z',
};

/** Templates rendered by code with more logic than a binding: checked through their real renderer. */
const rendered: Record<string, (lang: 'fi' | 'sv' | 'en') => Record<string, unknown>> = {
  welcome: (lang) => welcomeCard(lang),
  group: (lang) => groupCard('Koivurinteen yhteisöllinen OHR', { ...group, schoolId: 'koivurinne' }, [meeting], schools, lang, messages(lang)),
  'group-create': (lang) => groupCreateCard(schools, lang, messages(lang), { name: 'x', error: 'e' }),
  'meeting-agenda': (lang) => agendaCard(meeting, group, lang, messages(lang)),
  'meetings-list': (lang) => meetingsListCard('Tulevat', [{ meeting, group }], lang, messages(lang)),
  memo: (lang) => memoCard(meeting, lang, messages(lang)),
  form: (lang) => formCard(forms.get('uusi-asia')!, lang, messages(lang), { values: { pupilName: 'x' }, problems: [{ field: 'description', code: 'required' }] }),
  'forms-list': (lang) => formsListCard([...forms.values()], lang, messages(lang), {}),
  'case-summary': (lang) => caseSummaryCard(caseDoc, forms.get('uusi-asia')!, lang, messages(lang), { duplicate: false, notice: 'failed', schools: schoolMap }),
  'case-notice': (lang) => caseRedactedCard(caseDoc, messages(lang), schoolMap, ['29:a', '29:b']),
  'case-details': (lang) =>
    caseDetailsCard(caseView, forms.get('uusi-asia')!, lang, messages(lang), {
      schools: schoolMap,
      canHandle: true,
      isAdmin: true,
      viewerIds: ['29:a'],
      today: '2026-12-05',
      canHandOver: true,
      backToMine: true,
      audit: [{ id: 'a', month: '2026-11', caseId: caseDoc.id, action: 'read', by: 'x', at: '2026-11-20T08:00:00Z' }],
      notice: 'ok',
    }),
  'case-handover': (lang) => caseHandoverCard(caseDoc, [{ userId: '29:c', name: 'Leena Korhonen' }], messages(lang)),
  'cases-mine': (lang) =>
    myCasesCard(
      [
        { case: caseDoc, started: true, pupil: 'M. M., 5B' },
        { case: { ...caseDoc, id: 'c2' }, started: false },
      ],
      forms,
      lang,
      messages(lang),
      schoolMap,
    ),
  'case-delete': (lang) => renderCard('case-delete', { text: messages(lang).cases.deleteConfirm, button: messages(lang).cases.deleteButton, number: 'OH-2026-0042' }),
  'school-channel': (lang) => schoolChannelCard(schools, messages(lang)),
  roles: (lang) =>
    rolesCard(
      [{ id: 'g', tenantId: 't', schoolId: 'koivurinne', role: 'kuraattori', user: { userId: '29:a', name: 'Aino' }, grantedBy: 'x', at: '' }],
      schools,
      [{ id: '29:a', name: 'Aino' }],
      lang,
      messages(lang),
      'ok',
    ),
  gdpr: (lang) => gdprCard(messages(lang), { views: [caseView], forms, lang, schools: schoolMap }),
  answer: (lang) => answerCard(plan.answer('millä perusteella oppilas saa avustajan?', lang), plan.plan, messages(lang)),
  'plan-preview': (lang) => previewCard(planVersion, messages(lang), { question: 'kotiopetus', tried: plan.answer('kotiopetuksen valvonta', lang) }),
  'plan-versions': (lang) => versionsCard([planVersion, { ...planVersion, versionId: 'v-20261201-0a1b2c3e' }], planVersion.versionId, messages(lang), lang, messages(lang).planAdmin.published),
  'expert-ticket': (lang) => ticketCard(ticket, messages(lang), { error: messages(lang).expert.answerRequired }),
  'expert-answer': (lang) => expertAnswerCard({ ...ticket, status: 'answered', answer: { text: 'Vastaus.', by: 'Heidi Järvinen', at: '2026-11-23T09:00:00Z', savedAsFaq: false } }, messages(lang)),
  ...surveyCards,
  'survey-results-group': surveyResultViews.group,
  'survey-results-region': surveyResultViews.region,
  'no-answer': (lang) =>
    answerCard({ ...plan.answer('mikä on huomisen sää', lang), kind: 'none', closest: [plan.ref(plan.plan.sections.get('kotiopetus')!, lang)], danger: 'abuse' } as never, plan.plan, messages(lang)),
};

function walk(node: unknown, visit: (o: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, unknown>);
    Object.values(node).forEach((v) => walk(v, visit));
  }
}

describe('card templates contract', () => {
  let test: TestStore;
  let store: Store;

  beforeAll(async () => {
    // Building the real Teams app registers every route, so registeredVerbs is the routes table.
    test = await startTestStore('contract');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'contract' }, createLogger('silent'));
    const foundation = { config: loadConfig({ PLAYGROUND: 'off' }), store, log: createLogger('silent'), plan, keys: KeyRing.fromEnv(undefined) };
    createTeamsBot(foundation, composeServices(foundation));
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  const templates = readdirSync(join(ROOT, 'cards'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));

  it('has sample data for every template', () => {
    expect(templates.filter((t) => !samples[t] && !rendered[t])).toEqual([]);
  });

  // Every template, and the extra views some templates have (rendered entries that are not file names).
  describe.each([...templates, ...Object.keys(rendered).filter((k) => !templates.includes(k))])('%s', (name) => {
    it.each(['fi', 'sv', 'en'] as const)('expands (%s) to a valid Adaptive Card 1.5 with labelled inputs and routed verbs', (lang) => {
      const card = rendered[name] ? rendered[name](lang) : renderCard(name, samples[name](lang));
      expect(card.version).toBe('1.5');
      expect(JSON.stringify(card)).not.toMatch(/\$\{/); // every binding resolved

      const parsed = new AC.AdaptiveCard();
      const ctx = new AC.SerializationContext();
      parsed.parse(card, ctx);
      const parseEvents = Array.from({ length: ctx.eventCount }, (_, i) => ctx.getEventAt(i).message);
      expect(parseEvents).toEqual([]);
      expect((parsed.validateProperties().validationEvents ?? []).map((e: { message: string }) => e.message)).toEqual([]);

      walk(card, (o) => {
        if (typeof o.type === 'string' && o.type.startsWith('Input.')) {
          expect(o.label).toEqual(expect.any(String));
          if (o.isRequired) expect(o.errorMessage).toEqual(expect.any(String));
        }
        if (o.type === 'Action.Execute') expect(registeredVerbs).toContain(o.verb);
      });
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024); // Teams message limit
    });
  });
});
