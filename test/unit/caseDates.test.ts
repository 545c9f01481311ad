import type { CaseDoc, CaseView } from '../../src/cases/model';
import { formCatalog } from '../../src/forms/registry';
import { type Lang, messages } from '../../src/i18n';
import { caseDetailsCard, caseNoticeCard, overdueReminderText } from '../../src/ui/caseCards';

/** Dates on the case cards and in the overdue reminder: one format, in the reader's language. */
const schools = [{ id: 'koivurinne', name: 'Koivurinteen koulu', provider: 'esimerkkikunta' }];
const form = formCatalog(schools).get('uusi-asia')!;
const person = { userId: '29:k', name: 'Kaisa' };
const c = {
  id: 'c1',
  tenantId: 't',
  schoolId: 'koivurinne',
  number: 'OH-2026-0042',
  formId: 'uusi-asia',
  service: 'kuraattori',
  urgent: false,
  status: 'vireilla',
  history: [],
  initiator: person,
  requestedOn: '2026-11-20',
  due: { date: '2026-12-01', workingDays: 7, basis: 'school', countedFrom: '2026-11-20', calendarCovered: true, rule: 'OHL 15 §' },
  fields: {},
  secret: { iv: '', tag: '', data: '' },
  pupilKey: 'k',
  submittedIn: 'a:k',
  createdAt: '2026-11-20T10:00:00.000Z',
} as unknown as CaseDoc;
const view = { ...c, values: { requestedOn: '2026-11-20', description: 'd' } } as unknown as CaseView;

describe('dates on case cards follow the card language', () => {
  it.each([
    ['en', 'Tue 1.12.2026', 'Fri 20.11.2026'],
    ['fi', 'ti 1.12.2026', 'pe 20.11.2026'],
    ['sv', 'tis 1.12.2026', 'fre 20.11.2026'],
  ] as const)("%s: the deadline %s, the request day %s, no other language's weekdays", (lang: Lang, due, requested) => {
    const m = messages(lang);
    const notice = JSON.stringify(caseNoticeCard(c, m, new Map(schools.map((s) => [s.id, s])), []));
    expect(notice).toContain(due);
    const details = JSON.stringify(caseDetailsCard(view, form, lang, m, { schools: new Map(schools.map((s) => [s.id, s])), canHandle: true, isAdmin: false, viewerIds: [], today: '2026-12-05' }));
    expect(details).toContain(due);
    expect(details).toContain(requested);
    expect(details).not.toContain('2026-11-20');
    const others = (['fi', 'sv', 'en'] as const).filter((l) => l !== lang);
    for (const o of others) expect(details).not.toMatch(new RegExp(`\\b${o === 'fi' ? 'ti' : o === 'sv' ? 'tis' : 'Tue'} 1\\.12\\.2026`));
  });
});

describe('the overdue reminder', () => {
  it('writes the deadline as the cards do: "Tue 1.12.2026", never "01.12.2026"', () => {
    const text = overdueReminderText(c, messages('en'));
    expect(text).toContain('The deadline Tue 1.12.2026 of matter OH-2026-0042 has passed');
    expect(text).not.toContain('01.12.2026');
    expect(overdueReminderText(c, messages('fi'))).toContain('ti 1.12.2026');
  });
});
