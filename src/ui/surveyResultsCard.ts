import { format, type Lang, type Messages } from '../i18n';
import type { SurveyDef } from '../surveys/definitions';
import type { GroupResult, Stat, UnitResult } from '../surveys/results';
import type { RoundResults } from '../surveys/resultsRepository';
import type { ChosenAction } from '../surveys/model';
import { renderCard } from './cards';
import { formatDate } from '../time/format';

/**
 * The results view: a school (or a municipality's small schools) against the region, or the region alone.
 * The chart is Teams' own Adaptive Card chart (Chart.VerticalBar.Grouped, Chart.Line: Teams desktop and
 * web, and the Agents Playground, render them); clients without charts get the fallback, bars drawn with
 * coloured columns. A hidden number is a gap (no bar, "–"), never a figure.
 */
export const REGION = 'region';
const MAX_TEXTS = 20;
const MAX_TEXT_CHARS = 300;

export function unitLabel(u: { kind: 'school' | 'municipality'; of: string } | undefined, schoolName: (id: string) => string, m: Messages): string {
  if (!u) return m.surveys.region;
  return u.kind === 'school' ? schoolName(u.of) : format(m.surveys.smallSchools, { municipality: u.of });
}

const pct = (x: number | null) => (x === null ? null : Math.round(x * 100));
const dec = (x: number, lang: Lang) => (lang === 'en' ? x.toFixed(1) : x.toFixed(1).replace('.', ','));

function cell(s: Stat | undefined, lang: Lang, m: Messages): string {
  if (!s || s.favourable === null || s.mean === null) return '–';
  return `${pct(s.favourable)} % ${m.surveys.favourableShort} · ${m.surveys.meanShort} ${dec(s.mean, lang)}`;
}

export interface ResultsView {
  def: SurveyDef;
  results: RoundResults;
  unitId: string;
  /** Closed rounds of the same survey, oldest first (this one included): the trend. */
  trend: RoundResults[];
  lang: Lang;
  m: Messages;
  schoolName(id: string): string;
  view: 'coordinator' | 'group';
  csvUrl?: string;
  groupId?: string;
  notice?: string;
  action?: ChosenAction;
  /** Group view: whether the results could be added to the next meeting (else an "add to agenda" button). */
  onAgenda?: boolean;
}

export function resultsCard(v: ResultsView): Record<string, unknown> {
  const { def, results, lang, m } = v;
  const unit = results.units.find((u) => u.unitId === v.unitId);
  const own: GroupResult = unit ?? results.region;
  const label = unitLabel(unit, v.schoolName, m);
  const items = def.items.filter((i) => i.type === 'agree5' || i.type === 'scale010');
  const statOf = (r: GroupResult, key: string) => r.items.find((s) => s.key === key) ?? r.scales.find((s) => s.key === key);
  const shortOf = (key: string) => def.items.find((i) => i.id === key)?.short[lang] ?? def.scales.find((s) => s.id === key)?.title[lang] ?? key;

  const seriesOf = (legend: string, r: GroupResult) => ({
    legend,
    values: items.filter((i) => statOf(r, i.id)?.favourable != null).map((i) => ({ x: i.short[lang], y: pct(statOf(r, i.id)!.favourable) })),
  });
  const series = [...(unit ? [seriesOf(label, own)] : []), seriesOf(m.surveys.region, results.region)].filter((s) => s.values.length > 0);
  const bars = items.map((i) => {
    const y = pct(statOf(own, i.id)?.favourable ?? null);
    return { label: i.short[lang], fill: y ?? 0, rest: y === null ? 0 : 100 - y, value: y === null ? '–' : `${y} %` };
  });

  const rowOf = (key: string, weight: 'Bolder' | 'Default', first = false) => ({
    label: shortOf(key),
    unit: cell(statOf(own, key), lang, m),
    region: unit ? cell(statOf(results.region, key), lang, m) : '',
    weight,
    first,
  });
  const indexRow = {
    label: m.surveys.index,
    unit: own.index === null ? '–' : `${pct(own.index)} %`,
    region: unit ? (results.region.index === null ? '–' : `${pct(results.region.index)} %`) : '',
    weight: 'Bolder',
    first: false,
  };
  const rows = [indexRow, ...def.scales.map((s, k) => rowOf(s.id, 'Bolder', k === 0)), ...items.map((i, k) => rowOf(i.id, 'Default', k === 0))];

  const summary = summaryText(def, results, v.unitId, lang, m);

  const facts = [
    { title: m.surveys.respondentsTitle, value: own.respondents === null ? m.surveys.tooFew : format(m.surveys.respondents, { n: own.respondents }) },
    { title: m.surveys.responseRate, value: m.surveys.bands[(unit ?? results.region).responseBand] },
  ];

  const trendRounds = v.trend.length >= 2 ? v.trend : [];
  const point = (r: RoundResults, id: string) => (id === REGION ? r.region.index : (r.units.find((u) => u.unitId === id)?.index ?? null));
  const trendSeries = trendRounds.length
    ? [...(unit ? [{ legend: label, id: unit.unitId }] : []), { legend: m.surveys.region, id: REGION }]
        .map((s) => ({ legend: s.legend, values: trendRounds.filter((r) => point(r, s.id) !== null).map((r) => ({ x: formatDate(r.closedOn), y: pct(point(r, s.id)) })) }))
        .filter((s) => s.values.length > 0)
    : [];
  const trendText = trendSeries.map((s) => `${s.legend}: ${s.values.map((p) => `${p.x} ${p.y} %`).join(' · ')}`).join('\n');

  const fu = unit?.followUp;
  const followUp = fu
    ? {
        title: m.surveys.followUpTitle,
        text: v.action ? format(m.surveys.followUpLine, { text: fu.text, owner: v.action.owner, date: formatDate(v.action.followUpOn) }) : fu.text,
        helped: fu.stat.favourable === null ? m.surveys.followUpTooFew : format(m.surveys.followUpHelped, { pct: pct(fu.stat.favourable)!, n: fu.stat.n! }),
      }
    : { title: '', text: '', helped: '' };

  const sections = v.view === 'coordinator' ? coordinatorSections(def, results, unit, lang, m) : [];
  const buttons =
    v.view === 'group'
      ? [
          ...(v.onAgenda ? [] : [{ title: m.surveys.addToAgenda, verb: 'survey.agenda' }]),
          { title: m.surveys.bookWorkshop, verb: 'survey.workshop' },
          { title: m.surveys.recordAction, verb: 'survey.action' },
        ]
      : [];
  return renderCard('survey-results', {
    title: format(m.surveys.resultsTitle, { title: results.title }),
    unitLabel: label,
    closedOn: formatDate(results.closedOn),
    notice: v.notice ?? '',
    facts,
    summary,
    chart: { title: m.surveys.chartTitle, series, bars },
    labels: { item: '', unit: label, region: unit ? m.surveys.region : '', unitChoose: m.surveys.unitChoose, show: m.surveys.show, csv: m.surveys.csv },
    rows,
    trend: { title: m.surveys.trendTitle, series: trendSeries, text: trendText },
    followUp,
    sections,
    note: m.surveys.anonymityNote,
    units: v.view === 'coordinator' ? [{ title: m.surveys.region, value: REGION }, ...results.units.map((u) => ({ title: unitLabel(u, v.schoolName, m), value: u.unitId }))] : [],
    unitId: v.unitId,
    roundId: results.roundId,
    groupId: v.groupId ?? '',
    csvUrl: v.csvUrl ?? '',
    buttons,
  });
}

/** The plain-language summary: the strongest and the weakest item of the unit (or the region), with their shares. */
export function summaryText(def: SurveyDef, results: RoundResults, unitId: string, lang: Lang, m: Messages): string {
  const own = results.units.find((u) => u.unitId === unitId) ?? results.region;
  const { strongest: strong, weakest: weak } = own;
  if (!strong || !weak) return m.surveys.noSummary;
  const share = (key: string) => pct(own.items.find((s) => s.key === key)?.favourable ?? null) ?? '–';
  const short = (key: string) => def.items.find((i) => i.id === key)?.short[lang] ?? key;
  return format(m.surveys.summary, { strong: short(strong), strongPct: share(strong), weak: short(weak), weakPct: share(weak) });
}

/** Only the coordinator sees the region's professions, the parts of a school and the masked free text. */
function coordinatorSections(def: SurveyDef, results: RoundResults, unit: UnitResult | undefined, lang: Lang, m: Messages): { title: string; lines: string[] }[] {
  const out: { title: string; lines: string[] }[] = [];
  const line = (title: string, r: GroupResult) => `${title}: ${r.index === null ? '–' : `${pct(r.index)} %`} (n = ${r.respondents ?? '–'})`;
  const choiceTitle = (background: 'profession' | 'schoolPart', value: string) => def.items.find((i) => i.background === background)?.choices?.find((c) => c.value === value)?.title[lang] ?? value;
  if (!unit && results.professions.length) out.push({ title: m.surveys.professionsTitle, lines: results.professions.map((p) => line(choiceTitle('profession', p.value), p.result)) });
  if (unit?.parts.length) out.push({ title: m.surveys.partsTitle, lines: unit.parts.map((p) => line(choiceTitle('schoolPart', p.value), p.result)) });
  for (const ft of unit?.freeText ?? []) {
    if (!ft.texts.length) continue;
    const more = ft.texts.length > MAX_TEXTS ? [`(+${ft.texts.length - MAX_TEXTS})`] : [];
    const question = def.items.find((i) => i.id === ft.itemId)?.text[lang] ?? ft.itemId;
    out.push({
      title: `${m.surveys.freeTextTitle}: ${question}`,
      lines: [...ft.texts.slice(0, MAX_TEXTS).map((t) => `– ${t.length > MAX_TEXT_CHARS ? `${t.slice(0, MAX_TEXT_CHARS)}…` : t}`), ...more],
    });
  }
  return out;
}
