import type { CaseDoc, CaseView } from '../../src/cases/model';
import { formCatalog } from '../../src/forms/registry';
import { type Lang, messages } from '../../src/i18n';
import { renderFaqPage } from '../../src/http/planPage';
import type { Meeting } from '../../src/meetings/model';
import type { PlanService } from '../../src/plan/answer';
import { caseDetailsCard, caseNoticeCard, gdprCard, overdueReminderText } from '../../src/ui/caseCards';
import { memoCard } from '../../src/ui/meetingCards';

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

describe('the access request card', () => {
  it.each([
    ['fi', 'pe 20.11.2026', 'Oppilaan nimi'],
    ['sv', 'fre 20.11.2026', 'Elevens namn'],
    ['en', 'Fri 20.11.2026', "Pupil's name"],
  ] as const)('%s: the request day as the other cards write it, and its labels in that language only', (lang: Lang, requested, label) => {
    const card = JSON.stringify(gdprCard(messages(lang), { views: [view], forms: new Map([[form.id, form]]), lang, schools: new Map() }));
    expect(card).toContain(`OH-2026-0042 · ${form.title[lang]}`);
    expect(card).toContain(`"value":"${requested}"`);
    expect(card).toContain(label);
    expect(card).not.toContain(' / ');
  });

  it("lists a matter's history in words, each on its day in Helsinki (22:30 UTC is already the next day there)", () => {
    const history = [
      { at: '2026-11-20T10:00:00.000Z', by: 'x', action: 'created', to: 'vireilla' },
      { at: '2026-11-23T22:30:00.000Z', by: 'x', action: 'status', to: 'kasittelyssa' },
    ];
    const card = JSON.stringify(gdprCard(messages('en'), { views: [{ ...view, history }], forms: new Map([[form.id, form]]), lang: 'en', schools: new Map() }));
    expect(card).toContain('"text":"Fri 20.11.2026 · Started"');
    expect(card).toContain('"text":"Tue 24.11.2026 · Status changed: In progress"');
    expect(card).toContain('{"title":"Status","value":"Pending"}');
  });
});

describe("a memo and an FAQ answer say their day in the reader's language, as in Helsinki", () => {
  // 22:30 UTC on 3 December is already 4 December in Helsinki.
  const at = '2026-12-03T22:30:00.000Z';

  it.each([
    ['fi', 'pe 4.12.2026'],
    ['sv', 'fre 4.12.2026'],
    ['en', 'Fri 4.12.2026'],
  ] as const)('%s: %s', (lang: Lang, day) => {
    const meeting = {
      title: 'OHR',
      startUtc: '2026-12-03T12:30:00.000Z',
      endUtc: '2026-12-03T13:30:00.000Z',
      memo: { attendance: 'a', decisions: 'd', recordedBy: 'Jari', at, key: 'k' },
    } as unknown as Meeting;
    expect(JSON.stringify(memoCard(meeting, lang, messages(lang)))).toContain(`Jari · ${day}`);
    const plan = { plan: { meta: { title: { fi: 'Suunnitelma' } } } } as unknown as PlanService;
    const page = renderFaqPage(plan, { id: 'f', tenantId: 't', question: 'Q?', answer: 'A.', lang, answeredBy: 'Aino', createdAt: at });
    expect(page).toContain(`Aino · ${day}`);
    expect(page).not.toContain('2026-12-03');
  });
});
