import { type Cell, MIN_ANSWERS, MIN_BELOW_SCHOOL, MIN_FREE_TEXT, type ReportingUnit, type ResponseBand, responseBand, suppress } from './anonymity';
import { FOLLOW_UP_ITEM, scoredItems, type SurveyDef, type SurveyItem } from './definitions';

/**
 * A closed round's results, computed once at close and stored already thresholded: a hidden number is
 * never stored, so no later view, export or bug can show it. Per item: mean (1–5 or 0–10, reversed items
 * turned round) and share favourable (4–5; for 0–10 from the item's `favourableFrom`). A scale's score is
 * each respondent's mean over the scale's answered items; favourable when above 3.5. The index is each
 * respondent's share of favourable answers, averaged over respondents.
 */
export interface Stat {
  key: string;
  n: number | null;
  mean: number | null;
  favourable: number | null;
}

export interface GroupResult {
  respondents: number | null;
  index: number | null;
  items: Stat[];
  scales: Stat[];
}

export interface UnitResult extends GroupResult {
  unitId: string;
  kind: 'school' | 'municipality';
  of: string;
  schoolIds: string[];
  responseBand: ResponseBand;
  strongest?: string;
  weakest?: string;
  followUp?: { actionId: string; text: string; stat: Stat };
  /** Masked free text, shuffled; only for a unit with ≥ 10 answers. */
  freeText: { itemId: string; texts: string[] }[];
  /** Breakdown by part of the school, shown only when every part shown has ≥ 10 answers. */
  parts: { value: string; result: GroupResult }[];
}

export interface ComputedResults {
  units: UnitResult[];
  region: GroupResult & { responseBand: ResponseBand; strongest?: string; weakest?: string };
  professions: { value: string; result: GroupResult }[];
}

export interface ResultInput {
  def: SurveyDef;
  units: (ReportingUnit & { followUp?: { actionId: string; text: string } })[];
  answers: { schoolId: string; values: Record<string, number | string> }[];
  /** Masks names in free text (see mask.ts). */
  mask(text: string): string;
  shuffle<T>(xs: T[]): T[];
}

type Values = Record<string, number | string>;

/** A numeric answer on the favourable-high scale (reverse-scored items turned round). */
function score(item: SurveyItem, v: unknown): number | undefined {
  if (typeof v !== 'number') return undefined;
  return item.type === 'agree5' && item.reverse ? 6 - v : v;
}

function favourable(item: SurveyItem, s: number): boolean {
  return item.type === 'scale010' ? s >= (item.favourableFrom ?? 8) : s >= 4;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function stat(key: string, xs: number[], fav: number): Stat {
  if (xs.length === 0) return { key, n: 0, mean: null, favourable: null };
  return { key, n: xs.length, mean: round2(xs.reduce((a, b) => a + b, 0) / xs.length), favourable: round2(fav / xs.length) };
}

/** Raw statistics of a group of answers, before any threshold. */
function rawGroup(def: SurveyDef, answers: Values[], extra: SurveyItem[] = []): GroupResult {
  const items = [...scoredItems(def), ...extra];
  const itemStats = items.map((item) => {
    const xs = answers.map((a) => score(item, a[item.id])).filter((x): x is number => x !== undefined);
    return stat(item.id, xs, xs.filter((x) => favourable(item, x)).length);
  });
  const scales = def.scales.map((scale) => {
    const members = scale.items.map((id) => def.items.find((i) => i.id === id)!);
    const means = answers
      .map((a) => members.map((m) => score(m, a[m.id])).filter((x): x is number => x !== undefined))
      .filter((xs) => xs.length > 0)
      .map((xs) => xs.reduce((p, q) => p + q, 0) / xs.length);
    return stat(scale.id, means, means.filter((m) => m > 3.5).length);
  });
  const core = scoredItems(def);
  const shares = answers
    .map((a) =>
      core
        .map((i) => score(i, a[i.id]))
        .map((s, k) => (s === undefined ? undefined : favourable(core[k], s)))
        .filter((x): x is boolean => x !== undefined),
    )
    .filter((xs) => xs.length > 0)
    .map((xs) => xs.filter(Boolean).length / xs.length);
  const index = shares.length ? round2(shares.reduce((a, b) => a + b, 0) / shares.length) : null;
  return { respondents: answers.length, index, items: itemStats, scales };
}

const HIDDEN = (key: string): Stat => ({ key, n: null, mean: null, favourable: null });

/**
 * Applies the thresholds to the cells of one breakdown (units, professions or parts of a school): for the
 * respondent count, the index, every item and every scale separately, cells under `min` are hidden with
 * their complementary cells.
 */
function threshold(groups: { key: string; raw: GroupResult }[], min: number): Map<string, GroupResult> {
  const out = new Map(groups.map((g) => [g.key, structuredClone(g.raw)]));
  const respondents = suppress(
    groups.map((g) => ({ key: g.key, n: g.raw.respondents ?? 0 })),
    min,
  );
  for (const g of groups) {
    if (!respondents.has(g.key)) continue;
    const r = out.get(g.key)!;
    r.respondents = null;
    r.index = null;
  }
  const statKeys = (pick: (r: GroupResult) => Stat[]) => pick(groups[0]?.raw ?? { respondents: 0, index: null, items: [], scales: [] }).map((s) => s.key);
  for (const [pick, keys] of [
    [(r: GroupResult) => r.items, statKeys((r) => r.items)],
    [(r: GroupResult) => r.scales, statKeys((r) => r.scales)],
  ] as const) {
    for (const key of keys) {
      const cells: Cell[] = groups.map((g) => ({ key: g.key, n: pick(g.raw).find((s) => s.key === key)?.n ?? 0 }));
      // A group hidden as a whole stays hidden in every item, and counts as hidden for the complement.
      const hidden = suppress(cells, min, respondents);
      for (const g of groups) {
        const list = pick(out.get(g.key)!);
        const k = list.findIndex((s) => s.key === key);
        if (k >= 0 && hidden.has(g.key)) list[k] = HIDDEN(key);
      }
    }
  }
  return out;
}

function strongestWeakest(def: SurveyDef, r: GroupResult): { strongest?: string; weakest?: string } {
  const scored = scoredItems(def);
  const shown = r.items.filter((s) => s.favourable !== null && s.key !== FOLLOW_UP_ITEM && scored.some((i) => i.id === s.key));
  if (shown.length < 2) return {};
  // Ties on the favourable share are broken by the mean, put on one 0–1 scale (1–5 and 0–10 items differ).
  const level = (s: Stat) => (scored.find((i) => i.id === s.key)?.type === 'scale010' ? s.mean! / 10 : (s.mean! - 1) / 4);
  const sorted = [...shown].sort((a, b) => b.favourable! - a.favourable! || level(b) - level(a));
  return { strongest: sorted[0].key, weakest: sorted[sorted.length - 1].key };
}

export function computeResults(input: ResultInput): ComputedResults {
  const { def, units, answers } = input;
  const bySchool = (ids: string[]) => answers.filter((a) => ids.includes(a.schoolId)).map((a) => a.values);
  const rawUnits = units.map((u) => ({ key: u.id, raw: rawGroup(def, bySchool(u.schoolIds)) }));
  const shown = threshold(rawUnits, MIN_ANSWERS);
  const all = answers.map((a) => a.values);
  const regionRaw = rawGroup(def, all);
  const region = threshold([{ key: 'region', raw: regionRaw }], MIN_ANSWERS).get('region')!;
  const invited = units.reduce((s, u) => s + u.invited, 0);

  const profItem = def.items.find((i) => i.background === 'profession');
  // Those who left the question empty are a cell too: the region total minus the professions shown is theirs.
  const profCells = profItem ? [...profItem.choices!.map((c) => c.value), ''] : [];
  const profs = threshold(
    profCells.map((value) => ({
      key: value,
      raw: rawGroup(
        def,
        all.filter((v) => (typeof v[profItem!.id] === 'string' ? v[profItem!.id] : '') === value),
      ),
    })),
    MIN_ANSWERS,
  );

  const partItem = def.items.find((i) => i.background === 'schoolPart');
  const textItems = def.items.filter((i) => i.type === 'text');
  const out: UnitResult[] = units.map((u) => {
    const values = bySchool(u.schoolIds);
    const r = shown.get(u.id)!;
    let followUp: UnitResult['followUp'];
    if (u.followUp) {
      const fuItem: SurveyItem = { id: FOLLOW_UP_ITEM, type: 'agree5', construct: '', measures: '', short: { fi: '', sv: '', en: '' }, text: { fi: '', sv: '', en: '' } };
      const raw = rawGroup({ ...def, items: [], scales: [] }, values, [fuItem]).items[0];
      followUp = { ...u.followUp, stat: (raw.n ?? 0) >= MIN_ANSWERS && r.respondents !== null ? raw : HIDDEN(FOLLOW_UP_ITEM) };
    }
    const freeText =
      r.respondents !== null && values.length >= MIN_FREE_TEXT
        ? textItems.map((i) => ({
            itemId: i.id,
            texts: input.shuffle(
              values
                .map((v) => v[i.id])
                .filter((t): t is string => typeof t === 'string' && t.trim() !== '')
                .map((t) => input.mask(t)),
            ),
          }))
        : [];
    const partValues = partItem ? [...partItem.choices!.map((c) => c.value), ''] : [];
    const partResults =
      partItem && r.respondents !== null
        ? threshold(
            partValues.map((value) => ({
              key: value,
              raw: rawGroup(
                def,
                values.filter((v) => (typeof v[partItem.id] === 'string' ? v[partItem.id] : '') === value),
              ),
            })),
            MIN_BELOW_SCHOOL,
          )
        : new Map<string, GroupResult>();
    const parts = [...partResults.entries()].filter(([value, pr]) => value !== '' && pr.respondents !== null).map(([value, result]) => ({ value, result }));
    return {
      unitId: u.id,
      kind: u.kind,
      of: u.of,
      schoolIds: u.schoolIds,
      ...r,
      responseBand: responseBand(values.length, u.invited),
      ...strongestWeakest(def, r),
      ...(followUp ? { followUp } : {}),
      freeText,
      parts,
    };
  });
  return {
    units: out,
    region: { ...region, responseBand: responseBand(all.length, invited), ...strongestWeakest(def, region) },
    professions: [...profs.entries()].filter(([value, pr]) => value !== '' && pr.respondents !== null).map(([value, result]) => ({ value, result })),
  };
}
