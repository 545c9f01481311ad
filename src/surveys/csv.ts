import type { SurveyDef } from './definitions';
import type { GroupResult, Stat } from './results';
import type { RoundResults } from './resultsRepository';

/**
 * The aggregate CSV for the region's research partner: one row per reporting unit (a school, or a
 * municipality's small schools) and item or scale, with the region beside it. Built from the stored,
 * already thresholded results: a hidden figure is an empty cell. There is no export of individual answers.
 */
const HEADER = [
  'round',
  'survey',
  'closed_on',
  'unit',
  'unit_kind',
  'schools',
  'measure',
  'kind',
  'n',
  'mean',
  'favourable_share',
  'region_n',
  'region_mean',
  'region_favourable_share',
  'response_rate_band',
];

function quote(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  // Leading = + - @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function resultsCsv(def: SurveyDef, r: RoundResults): string {
  const lines = [HEADER.join(',')];
  const measures = [
    ...def.items.filter((i) => i.type === 'agree5' || i.type === 'scale010').map((i) => ({ key: i.id, kind: 'item', pick: (g: GroupResult) => g.items })),
    ...def.scales.map((s) => ({ key: s.id, kind: 'scale', pick: (g: GroupResult) => g.scales })),
  ];
  const find = (list: Stat[], key: string) => list.find((s) => s.key === key);
  for (const u of r.units) {
    const indexRow = [r.roundId, r.surveyId, r.closedOn, u.of, u.kind, u.schoolIds.join(' '), 'index', 'index', u.respondents, u.index, '', r.region.respondents, r.region.index, '', u.responseBand];
    lines.push(indexRow.map(quote).join(','));
    for (const m of measures) {
      const s = find(m.pick(u), m.key);
      const g = find(m.pick(r.region), m.key);
      lines.push(
        [r.roundId, r.surveyId, r.closedOn, u.of, u.kind, u.schoolIds.join(' '), m.key, m.kind, s?.n, s?.mean, s?.favourable, g?.n, g?.mean, g?.favourable, u.responseBand].map(quote).join(','),
      );
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
