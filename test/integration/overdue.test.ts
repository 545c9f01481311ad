import { join } from 'node:path';
import { AuditLog } from '../../src/cases/audit';
import { loadCalendars } from '../../src/cases/calendar';
import { Cases } from '../../src/cases/repository';
import { Roles } from '../../src/cases/roles';
import { CaseService } from '../../src/cases/service';
import { formCatalog } from '../../src/forms/registry';
import { loadSchools } from '../../src/forms/schools';
import { createLogger } from '../../src/log';
import { openStore, type Store } from '../../src/store/cosmos';
import { KeyRing } from '../../src/store/crypto';
import { ROOT } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';

describe('legal deadline and overdue cases', () => {
  let test: TestStore;
  let store: Store;
  let clock = new Date('2026-04-01T09:00:00Z'); // Wednesday before Easter 2026
  let service: CaseService;
  const schools = loadSchools(join(ROOT, 'content', 'schools.yml'));
  const form = formCatalog(schools).get('uusi-asia')!;
  const actor = { tenantId: 't1', conversationId: 'a:teacher', userId: '29:teacher', aadObjectId: 'aad-teacher', name: 'Sanna' };
  const values = { school: 'koivurinne', pupilName: 'X', pupilClass: '1A', initiator: 'opettaja', reason: 'muu', description: 'd', madeWith: 'pupil', pupilInformed: true, guardianInformed: true, urgency: 'normal', target: 'kuraattori' };

  beforeAll(async () => {
    test = await startTestStore('overdue');
    store = await openStore({ endpoint: test.cosmos.endpoint, key: test.env.COSMOS_KEY, database: 'overdue' }, createLogger('silent'));
    service = new CaseService(
      new Cases(store.container('cases'), store.container('counters')),
      new AuditLog(store.container('audit')),
      new Roles(store.container('roles')),
      KeyRing.fromEnv(undefined),
      new Map(schools.map((s) => [s.id, s])),
      loadCalendars(join(ROOT, 'content', 'calendars')),
      () => clock,
    );
  });
  afterAll(async () => {
    await store.close();
    await test.stop();
  });

  it('counts 7 school working days past Easter for a request to the kuraattori, and 1 when urgent', async () => {
    const { case: normal } = await service.submit(form, values, actor, 'k-normal');
    // Thu 2.4., Tue 7.4.–Fri 10.4., Mon 13.4., Tue 14.4.: Good Friday and Easter Monday do not count.
    expect(normal.due).toEqual({ date: '2026-04-14', workingDays: 7, calendarCovered: true });
    const { case: urgent } = await service.submit(form, { ...values, urgency: 'urgent' }, actor, 'k-urgent');
    expect(urgent.due?.date).toBe('2026-04-02');
    const { case: nurse } = await service.submit(form, { ...values, target: 'terveydenhoitaja' }, actor, 'k-nurse');
    expect(nurse.due).toBeUndefined(); // OHL 15 § sets the deadline for kuraattori and psychologist
  });

  it('finds overdue open cases once, however many instances look', async () => {
    clock = new Date('2026-04-15T07:00:00Z');
    const [a, b] = await Promise.all([service.claimOverdue(), service.claimOverdue()]);
    const claimed = [...a, ...b].map((c) => c.due?.date).sort();
    expect(claimed).toEqual(['2026-04-02', '2026-04-14']);
    expect(await service.claimOverdue()).toEqual([]);
  });
});
