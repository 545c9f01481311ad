import { IntlMessageFormat } from 'intl-messageformat';
import type { CaseDoc, CaseView } from '../../src/cases/model';
import { format, type Lang, messages } from '../../src/i18n';
import type { PlanVersion } from '../../src/plan/publish/versions';
import { formCatalog } from '../../src/forms/registry';
import { caseSummaryCard, gdprCard } from '../../src/ui/caseCards';
import { previewCard } from '../../src/ui/planAdminCards';

/** Counts and ordinals on cards read right for one and for many, in each language (ICU plural and ordinal rules). */
const school = { id: 'koivurinne', name: 'Koivurinteen koulu', provider: 'esimerkkikunta' };
const schools = new Map([[school.id, school]]);
const form = formCatalog([school]).get('uusi-asia')!;
const caseDue = (workingDays: number) =>
  ({
    id: 'c1',
    schoolId: 'koivurinne',
    number: 'OH-2026-0042',
    formId: 'uusi-asia',
    service: 'kuraattori',
    urgent: false,
    status: 'vireilla',
    requestedOn: '2026-11-20',
    due: { date: '2026-12-01', workingDays, basis: 'school', countedFrom: '2026-11-20', calendarCovered: true, rule: 'OHL 15 §' },
    createdAt: '2026-11-20T10:00:00.000Z',
  }) as unknown as CaseDoc;
const dueLine = (lang: Lang, days: number) => JSON.stringify(caseSummaryCard(caseDue(days), form, lang, messages(lang), { duplicate: false, notice: 'sent', schools }));

const view = {
  id: 'c1',
  number: 'OH-2026-0042',
  formId: 'uusi-asia',
  requestedOn: '2026-11-20',
  status: 'vireilla',
  service: 'kuraattori',
  initiator: { name: 'K' },
  values: {},
  history: [],
} as unknown as CaseView;
const gdprSummary = (lang: Lang, n: number) => JSON.stringify(gdprCard(messages(lang), { views: Array.from({ length: n }, () => view), forms: new Map(), lang, schools: new Map() }));

const version = (n: number, chapters: number) =>
  ({
    sections: n,
    subsections: n,
    words: n,
    pages: n,
    file: { name: 'plan.pdf' },
    tree: [{ id: 'a', title: 'A', depth: 0 }, { id: 'a/1', title: 'A1', depth: 1 }, ...Array.from({ length: 25 + chapters - 1 }, (_, i) => ({ id: `t${i}`, title: `T${i}`, depth: 0 }))],
    warnings: [],
  }) as unknown as PlanVersion;
const preview = (lang: Lang, n: number, more: number) => JSON.stringify(previewCard(version(n, more), messages(lang)));

describe('the OHL 15 § deadline line counts the school working day as an ordinal', () => {
  it.each([
    ['sv', 1, '1:a arbetsdagen'],
    ['sv', 2, '2:a arbetsdagen'],
    ['sv', 3, '3:e arbetsdagen'],
    ['sv', 11, '11:e arbetsdagen'],
    ['sv', 21, '21:a arbetsdagen'],
    ['en', 1, 'the 1st school working day'],
    ['en', 2, 'the 2nd school working day'],
    ['en', 3, 'the 3rd school working day'],
    ['en', 7, 'the 7th school working day'],
    ['en', 11, 'the 11th school working day'],
    ['fi', 1, '(1. koulun työpäivä'],
    ['fi', 7, '(7. koulun työpäivä'],
  ] as const)('%s, day %d: "%s"', (lang, days, text) => {
    expect(dueLine(lang, days)).toContain(text);
  });
});

describe('the GDPR export says how many matters it found', () => {
  it.each([
    ['fi', 1, 'Oppilaasta on tallennettu 1 asia.'],
    ['fi', 2, 'Oppilaasta on tallennettu 2 asiaa.'],
    ['sv', 1, 'Om eleven har 1 ärende sparats.'],
    ['sv', 2, 'Om eleven har 2 ärenden sparats.'],
    ['en', 1, '1 matter is stored about this pupil.'],
    ['en', 2, '2 matters are stored about this pupil.'],
  ] as const)('%s, %d: "%s"', (lang, n, text) => {
    expect(gdprSummary(lang, n)).toContain(text);
  });
});

describe("an uploaded plan's preview counts chapters, sections, words and pages", () => {
  it.each([
    ['fi', 1, '1 luku, 1 alakohta, 1 sana · 1 sivu', '1 alakohta', '… ja 1 muu luku'],
    ['fi', 2, '2 lukua, 2 alakohtaa, 2 sanaa · 2 sivua', '1 alakohta', '… ja 2 muuta lukua'],
    ['sv', 1, '1 kapitel, 1 avsnitt, 1 ord · 1 sida', '1 avsnitt', '… och 1 kapitel till'],
    ['sv', 2, '2 kapitel, 2 avsnitt, 2 ord · 2 sidor', '1 avsnitt', '… och 2 kapitel till'],
    ['en', 1, '1 chapter, 1 section, 1 word · 1 page', '1 section', '… and 1 more chapter'],
    ['en', 2, '2 chapters, 2 sections, 2 words · 2 pages', '1 section', '… and 2 more chapters'],
  ] as const)('%s, %d: "%s"', (lang, n, facts, subsections, more) => {
    const card = preview(lang, n, n);
    expect(card).toContain(facts);
    expect(card).toContain(`A · ${subsections}`);
    expect(card).toContain(more);
  });

  it('groups the digits of a long plan as each language writes them', () => {
    expect(preview('fi', 12345, 1)).toContain('12\u00a0345 sanaa');
    expect(preview('en', 12345, 1)).toContain('12,345 words');
  });
});

describe('the catalogues', () => {
  const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : []);
  it.each(['fi', 'sv', 'en'] as const)('%s: every string is a valid ICU message', (lang) => {
    const bad = strings(messages(lang)).filter((s) => {
      try {
        new IntlMessageFormat(s, lang);
        return false;
      } catch {
        return true;
      }
    });
    expect(bad).toEqual([]);
  });
});

describe('a value a call site forgot', () => {
  it('leaves its placeholder in the text instead of failing the turn', () => {
    expect(format('Kokous {title} alkaa {when}.', { title: 'OHR' })).toBe('Kokous OHR alkaa {when}.');
    expect(format(messages('en').cases.gdprResult, {})).toContain('{');
  });
});
