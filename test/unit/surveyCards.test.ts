import { join } from 'node:path';
import { messages } from '../../src/i18n';
import { reportingUnits } from '../../src/surveys/anonymity';
import { loadSurveys } from '../../src/surveys/definitions';
import { computeResults } from '../../src/surveys/results';
import type { RoundResults } from '../../src/surveys/resultsRepository';
import { resultsCard } from '../../src/ui/surveyResultsCard';
import { collectText } from '../helpers/activities';

const pulse = loadSurveys(join(__dirname, '..', '..', 'content', 'surveys')).get('pulse')!;
const values = { vigour: 4, exhaustion: 2, workload: 2, influence: 4, respect: 5, sharedTask: 5, workAbility: 8 };

function results(perSchool: Record<string, number>): RoundResults {
  const units = reportingUnits(Object.keys(perSchool).map((schoolId) => ({ schoolId, municipality: 'Kunta', invited: 12 })));
  const answers = Object.entries(perSchool).flatMap(([schoolId, n]) => Array.from({ length: n }, () => ({ schoolId, values })));
  return {
    id: 'results-r1',
    tenantId: 't',
    kind: 'results',
    roundId: 'r0123456789abcdef',
    surveyId: 'pulse',
    title: 'Hyvinvointipulssi 3/2027',
    closedOn: '2027-03-15',
    createdAt: '',
    ...computeResults({ def: pulse, units, answers, mask: (t) => t, shuffle: (x) => x }),
  };
}

const card = (r: RoundResults, unitId: string) =>
  resultsCard({ def: pulse, results: r, unitId, trend: [r], lang: 'fi', m: messages('fi'), schoolName: (id) => id, view: 'group', groupId: 'g1', onAgenda: true });
const chartSeries = (c: Record<string, unknown>) => ((c.body as { type: string; data?: { legend: string }[] }[]).find((b) => b.type === 'Chart.VerticalBar.Grouped')?.data ?? []).map((s) => s.legend);

describe('survey results card', () => {
  it('shows a school with 4 answers as a gap: no figure, no bar, no summary', () => {
    const c = card(results({ small: 4, big: 20, other: 25 }), 'school:small');
    const text = collectText(c).join('\n');
    expect(JSON.stringify(c)).toContain('Liian vähän vastauksia lukujen näyttämiseen.');
    expect(text).toContain('Vahvinta ja heikointa ei voi nimetä');
    expect(text).not.toMatch(/\d+ % myönt\.[^\n]*\n[^\n]*\d+ % myönt\./); // no unit figure beside a region figure
    expect(chartSeries(c)).toEqual(['Koko alue']);
    const rows = (c.body as { items?: { columns?: { items: { text: string }[] }[] }[] }[]).flatMap((b) => b.items ?? []).filter((x) => x.columns?.length === 3);
    expect(rows.slice(1).every((r) => r.columns![1].items[0].text === '–')).toBe(true);
  });

  it('shows a school with enough answers beside the region, with the chart of both', () => {
    const c = card(results({ a: 9, b: 20 }), 'school:a');
    expect(chartSeries(c)).toEqual(['a', 'Koko alue']);
    expect(JSON.stringify(c)).toContain('9 vastaajaa');
    expect(collectText(c).join('\n')).toContain('Vahvinta: Arvostava vuorovaikutus (100 % myönteisiä). Heikointa: Työmäärä (0 %).');
  });
});
