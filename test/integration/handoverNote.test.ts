import { join } from 'node:path';
import { AuditLog } from '../../src/cases/audit';
import { loadCalendars } from '../../src/cases/calendarFile';
import type { CaseDoc, Person } from '../../src/cases/model';
import { Cases } from '../../src/cases/repository';
import { Roles } from '../../src/cases/roles';
import { CaseService } from '../../src/cases/service';
import { Settings } from '../../src/expert/settings';
import { formCatalog } from '../../src/forms/registry';
import { loadSchools } from '../../src/forms/schools';
import { messages, type Messages } from '../../src/i18n';
import { createLogger } from '../../src/log';
import { openStore, type Store } from '../../src/store/cosmos';
import { KeyRing } from '../../src/store/crypto';
import { caseNotices, type PersonalSend } from '../../src/teams/caseNotices';
import { ROOT } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';

/**
 * The note that tells the new holder of a case it was handed to them is a recorded delivery: a person Opari
 * cannot reach yet (no personal chat, a failed send) gets it from the retry sweep once it can, exactly once, and
 * the person handing over hears that it did not go through instead of "done".
 */
describe('the note to the new holder of a handed-over case', () => {
  let test: TestStore;
  let store: Store;
  let clock = new Date('2026-03-02T08:00:00Z');
  let service: CaseService;
  const schools = loadSchools(join(ROOT, 'content', 'schools.yml'));
  const form = formCatalog(schools).get('uusi-asia')!;
  const tenantId = 't-handover';
  const teacher = { tenantId, conversationId: 'a:teacher', userId: '29:teacher', aadObjectId: 'aad-teacher', name: 'Sanna Heikkinen' };
  const aino = { tenantId, conversationId: 'a:aino', userId: '29:aino', aadObjectId: 'aad-aino', name: 'Aino Virtanen' };
  const leena = { tenantId, conversationId: 'a:leena', userId: '29:leena', aadObjectId: 'aad-leena', name: 'Leena Korhonen' };
  const person = (a: typeof aino): Person => ({ userId: a.userId, aadObjectId: a.aadObjectId, name: a.name });
  const values = {
    school: 'koivurinne',
    pupilName: 'Ville Vainikainen',
    pupilClass: '9Ö',
    initiator: 'opettaja',
    reason: 'muu',
    description: 'Nukkuu huonosti.',
    madeWith: 'pupil',
    pupilInformed: true,
    guardianInformed: true,
    urgency: 'normal',
    target: 'kuraattori',
  };

  /** What reaches a person's personal chat (Finnish chats); `reach` says how a send to whom goes. */
  const sent: { to: string; text: string }[] = [];
  let reach: (p: Person) => PersonalSend = () => 'sent';
  const tellPerson = async (_tenant: string, p: Person, text: (m: Messages) => string): Promise<PersonalSend> => {
    const r = reach(p);
    if (r === 'sent') sent.push({ to: p.userId, text: text(messages('fi')) });
    return r;
  };
  let notices: ReturnType<typeof caseNotices>;
  const caseNow = async (c: CaseDoc) => (await store.container('cases').item(c.id, c.schoolId).read<CaseDoc>()).resource!;

  beforeAll(async () => {
    test = await startTestStore('handover');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'handover' }, createLogger('silent'));
    service = new CaseService(
      new Cases(store.container('cases'), store.container('counters')),
      new AuditLog(store.container('audit')),
      new Roles(store.container('roles')),
      KeyRing.fromEnv(undefined),
      new Map(schools.map((s) => [s.id, s])),
      loadCalendars(join(ROOT, 'content', 'calendars')),
      () => clock,
    );
    notices = caseNotices({ cases: service, settings: new Settings(store.container('settings')), log: createLogger('silent'), post: async () => undefined, tellPerson });
    for (const k of [aino, leena]) await service.grantRole(teacher, 'koivurinne', 'kuraattori', person(k));
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  it('is retried by the sweep once the new holder can be reached, then never again', async () => {
    const { case: c } = await service.submit(form, values, teacher, 'h-1');
    await service.assignToSelf('koivurinne', c.id, aino);
    const handed = await service.handOver('koivurinne', c.id, leena.userId, aino);
    if (!handed || 'refused' in handed) throw new Error('handover refused');

    // Leena has no personal chat with Opari yet: Aino is told so, and nothing was sent.
    reach = () => 'noChat';
    expect(await notices.tellHandover(handed.case)).toBe('noChat');
    expect(sent).toEqual([]);
    expect((await caseNow(c)).deliveries?.handover).toMatchObject({ state: 'failed', attempts: 1, lastError: 'noChat' });

    // The sweep leaves a fresh handover to its own first try for a minute.
    reach = () => 'sent';
    expect(await notices.retryPending()).toBe(0);
    expect(sent).toEqual([]);

    // Leena opens a chat; the next sweep tells her: the case number, the school and who handed it over, no pupil data.
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await notices.retryPending()).toBe(1);
    expect(sent).toEqual([{ to: leena.userId, text: expect.stringMatching(/^Asia OH-\d{4}-\d{4} \(Koivurinteen koulu\) siirrettiin sinun vastuullesi; siirtäjä Aino Virtanen\./) }]);
    expect(sent[0].text).not.toMatch(/Ville|Vainikainen|9Ö|Nukkuu/);
    expect((await caseNow(c)).deliveries?.handover).toMatchObject({ state: 'sent', attempts: 2 });

    // Once recorded, neither the sweep nor a replayed click sends it again.
    clock = new Date(clock.getTime() + 2 * 60_000);
    expect(await notices.retryPending()).toBe(0);
    expect(await notices.tellHandover(await caseNow(c))).toBe('sent');
    expect(sent).toHaveLength(1);
  });

  it('is due again for the next holder when the case is handed on, and a failing send is given up after five tries', async () => {
    const { case: c } = await service.submit(form, values, teacher, 'h-2');
    await service.assignToSelf('koivurinne', c.id, aino);
    const first = await service.handOver('koivurinne', c.id, leena.userId, aino);
    if (!first || 'refused' in first) throw new Error('handover refused');
    sent.length = 0;
    reach = () => 'sent';
    expect(await notices.tellHandover(first.case)).toBe('sent');

    // Leena hands it back; Aino's chat keeps failing (Teams 5xx): "will try again", up to five tries in all.
    const back = await service.handOver('koivurinne', c.id, aino.userId, leena);
    if (!back || 'refused' in back) throw new Error('handover refused');
    reach = (p) => (p.userId === aino.userId ? 'failed' : 'sent');
    expect(await notices.tellHandover(back.case)).toBe('failed');
    for (let i = 0; i < 6; i++) {
      clock = new Date(clock.getTime() + 2 * 60_000);
      await notices.retryPending();
    }
    expect((await caseNow(c)).deliveries?.handover).toMatchObject({ state: 'failed', attempts: 5 });
    expect(sent.map((s) => s.to)).toEqual([leena.userId]);
  });
});
