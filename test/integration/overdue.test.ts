import { join } from 'node:path';
import { AuditLog } from '../../src/cases/audit';
import { loadCalendars } from '../../src/cases/calendarFile';
import { Cases } from '../../src/cases/repository';
import { Roles } from '../../src/cases/roles';
import { CaseService, type OverdueNotify } from '../../src/cases/service';
import { formCatalog } from '../../src/forms/registry';
import { loadSchools } from '../../src/forms/schools';
import { createLogger } from '../../src/log';
import { openStore, type Store } from '../../src/store/cosmos';
import { KeyRing } from '../../src/store/crypto';
import { messages } from '../../src/i18n';
import { caseSummaryCard } from '../../src/ui/caseCards';
import { collectText } from '../helpers/activities';
import { ROOT } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';
import { storeProxy } from '../helpers/storeProxy';

describe('legal deadline and overdue cases', () => {
  let test: TestStore;
  let store: Store;
  let clock = new Date('2026-04-01T09:00:00Z'); // Wednesday before Easter 2026
  let service: CaseService;
  const schools = loadSchools(join(ROOT, 'content', 'schools.yml'));
  const form = formCatalog(schools).get('uusi-asia')!;
  const actor = { tenantId: 't1', conversationId: 'a:teacher', userId: '29:teacher', aadObjectId: 'aad-teacher', name: 'Sanna' };
  /** Each handler's personal chat with Opari. */
  const personalChats = async (tenantId: string, aad: string) => [
    { tenantId, conversationId: `a:${aad}`, serviceUrl: 'http://127.0.0.1:9/', channelId: 'msteams', scope: 'personal' as const, botId: '28:opari' },
  ];
  /** Reaches handlers in those chats through `remind`, as the Teams layer does. */
  const notify = (remind: OverdueNotify['remind']): OverdueNotify => ({ personalChats, remind });
  const values = {
    school: 'koivurinne',
    pupilName: 'X',
    pupilClass: '1A',
    initiator: 'opettaja',
    reason: 'muu',
    description: 'd',
    madeWith: 'pupil',
    pupilInformed: true,
    guardianInformed: true,
    urgency: 'normal',
    target: 'kuraattori',
  };

  const keys = KeyRing.fromEnv(undefined);
  /** One instance's case service on `on` (its own client), all on the same clock. */
  const serviceOn = (on: Store) =>
    new CaseService(
      new Cases(on.container('cases'), on.container('counters')),
      new AuditLog(on.container('audit')),
      new Roles(on.container('roles')),
      keys,
      new Map(schools.map((s) => [s.id, s])),
      loadCalendars(join(ROOT, 'content', 'calendars')),
      () => clock,
    );

  beforeAll(async () => {
    test = await startTestStore('overdue');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'overdue' }, createLogger('silent'));
    service = serviceOn(store);
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  it('counts 7 school working days past Easter for a request to the kuraattori, and 1 when urgent', async () => {
    const { case: normal } = await service.submit(form, values, actor, 'k-normal');
    // Thu 2.4., Tue 7.4.–Fri 10.4., Mon 13.4., Tue 14.4.: Good Friday and Easter Monday do not count.
    expect(normal.due).toEqual({ date: '2026-04-14', workingDays: 7, basis: 'school', calendarCovered: true });
    const { case: urgent } = await service.submit(form, { ...values, urgency: 'urgent' }, actor, 'k-urgent');
    expect(urgent.due).toEqual({ date: '2026-04-02', workingDays: 1, basis: 'working', calendarCovered: true });
    const { case: nurse } = await service.submit(form, { ...values, target: 'terveydenhoitaja' }, actor, 'k-nurse');
    expect(nurse.due).toBeUndefined(); // OHL 15 § sets the deadline for kuraattori and psychologist
  });

  it('counts from the day the pupil asked and says so on the summary: asked Mon 9.3.2026, filed Thu 12.3. → Wed 18.3.', async () => {
    clock = new Date('2026-03-12T10:00:00Z');
    const { case: c } = await service.submit(form, { ...values, requestedOn: '2026-03-09' }, actor, 'k-asked-monday');
    expect(c).toMatchObject({ requestedOn: '2026-03-09', due: { date: '2026-03-18', workingDays: 7 }, number: expect.stringMatching(/^OH-2026-/) });
    const summary = collectText(caseSummaryCard(c, form, 'fi', messages('fi'), { duplicate: false, notice: 'sent', schools: service.schools })).join('\n');
    expect(summary).toContain('Oppilas on tavattava viimeistään ke 18.3.2026 (7. koulun työpäivä, OHL 15 §). Määräaika on laskettu pyyntöpäivästä ma 9.3.2026.');
    expect(summary).not.toContain('⚠');
    // The pupil's data holds no second copy of the request date; the case has it in clear for the deadline.
    expect(service.decrypt(c).values.requestedOn).toBeUndefined();
  });

  it('urgent: the next ordinary working day, with the county route when the school is closed (Sat 30.5.2026 → Mon 1.6.2026)', async () => {
    clock = new Date('2026-06-01T06:00:00Z');
    const { case: c } = await service.submit(form, { ...values, urgency: 'urgent', requestedOn: '2026-05-30' }, actor, 'k-urgent-summer');
    expect(c.due).toEqual({ date: '2026-06-01', workingDays: 1, basis: 'working', calendarCovered: true, schoolClosed: '' });
    const summary = collectText(caseSummaryCard(c, form, 'en', messages('en'), { duplicate: false, notice: 'sent', schools: service.schools })).join('\n');
    expect(summary).toContain('Urgent: the pupil must be seen on the same or the next working day, by Mon 1.6.2026 at the latest (OHL 15 §).');
    expect(summary).toContain('The school is closed that day, but the county');
  });

  it('warns on the summary when the request was older than its deadline', async () => {
    clock = new Date('2026-03-20T10:00:00Z');
    const { case: c } = await service.submit(form, { ...values, requestedOn: '2026-03-02' }, actor, 'k-old-request');
    expect(c.due?.date).toBe('2026-03-11');
    const summary = collectText(caseSummaryCard(c, form, 'sv', messages('sv'), { duplicate: false, notice: 'sent', schools: service.schools })).join('\n');
    expect(summary).toContain('⚠ Tidsfristen ons 11.3.2026 hade redan gått ut när ärendet registrerades');
  });

  it('reminds each handler of an overdue case once, however many instances look, and marks the case reminded once', async () => {
    for (const [role, n] of [
      ['kuraattori', 1],
      ['psykologi', 2],
    ] as const) {
      await service.roles.grant('t1', 'koivurinne', role, { userId: `29:h${n}`, aadObjectId: `aad-h${n}`, name: `H${n}` }, 'admin');
    }
    clock = new Date('2026-04-15T07:00:00Z');
    const sent: string[] = [];
    // The first send to the psychologist is throttled (503): retried at the next pass, the others are not sent again.
    let throttled = false;
    const send = async (ref: { conversationId: string }, c: { due?: { date: string } }) => {
      if (ref.conversationId === 'a:aad-h2' && !throttled) {
        throttled = true;
        throw Object.assign(new Error('throttled'), { statusCode: 503 });
      }
      sent.push(`${c.due?.date} → ${ref.conversationId}`);
      return undefined;
    };
    const [a, b] = await Promise.all([service.remindOverdue(notify(send)), service.remindOverdue(notify(send))]);
    expect([...a, ...b].some((r) => !r.done)).toBe(true); // the throttled one is left for the next pass
    await service.remindOverdue(notify(send));
    expect(sent.sort()).toEqual(['2026-03-11', '2026-03-18', '2026-04-02', '2026-04-14'].flatMap((d) => [`${d} → a:aad-h1`, `${d} → a:aad-h2`]));
    expect(await service.remindOverdue(notify(send))).toEqual([]);
    expect(sent).toHaveLength(8);
    const reminded = (await test.all<{ action: string }>('audit')).filter((e) => e.action === 'reminded');
    expect(reminded).toHaveLength(4);
  });

  it('reminds again after the lease when an instance died between a send and its record: a possible duplicate, never a loss', async () => {
    clock = new Date('2026-04-15T07:00:00Z');
    const { case: c } = await service.submit(form, values, actor, 'k-dies');
    clock = new Date('2026-05-04T07:00:00Z');
    // The dying instance reaches the store through a proxy: after its first send nothing of it arrives any more.
    const proxy = await storeProxy(test.cosmos.endpoint);
    const dyingStore = await openStore({ endpoint: proxy.endpoint, key: test.env.COSMOS_KEY, database: 'overdue' }, createLogger('silent'));
    const sent: string[] = [];
    const dying = serviceOn(dyingStore).remindOverdue(
      notify(async (ref) => {
        sent.push(ref.conversationId);
        proxy.freeze();
        return undefined;
      }),
    );
    const send = async (ref: { conversationId: string }) => {
      sent.push(ref.conversationId);
      return undefined;
    };
    try {
      while (sent.length === 0) await new Promise((r) => setTimeout(r, 20));
      // While its lease runs, another instance leaves that delivery alone (and the case open).
      clock = new Date('2026-05-04T07:00:10Z');
      expect((await service.remindOverdue(notify(send))).find((r) => r.caseId === c.id)).toMatchObject({ sent: 1, done: false });
      expect(sent.sort()).toEqual(['a:aad-h1', 'a:aad-h2']);
      // After it, the delivery is taken over and sent again.
      clock = new Date('2026-05-04T07:00:31Z');
      expect((await service.remindOverdue(notify(send))).find((r) => r.caseId === c.id)).toMatchObject({ sent: 1, done: true });
      expect(sent.sort()).toEqual(['a:aad-h1', 'a:aad-h1', 'a:aad-h2']);
      expect(await service.remindOverdue(notify(send))).toEqual([]);
    } finally {
      await proxy.stop();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([dying.catch(() => undefined), new Promise((r) => (timer = setTimeout(r, 2000)))]);
      clearTimeout(timer);
      await dyingStore.close();
    }
  });
});
