/**
 * Anonymity rules for survey results, so that they hold in a small school (most schools have one
 * kuraattori, one psychologist and one nurse). The thresholds follow common practice for staff surveys
 * (e.g. the state's VMBaro reports nothing for fewer than 5 respondents and no free text by background
 * variables); the rest is this region's choice, stated in the README:
 *  - a number is shown only for a group of at least 5 answers;
 *  - free text, and any breakdown below the school, only with at least 10;
 *  - a breakdown by profession only for the whole region (never within a school), at least 5 per cell;
 *  - when a cell is hidden, the next-smallest is hidden too (complementary suppression), until the hidden
 *    cells together hold at least the threshold, so no hidden cell follows from a total by subtraction;
 *  - a school with fewer than 8 invited staff is reported together with the other small schools of its
 *    municipality.
 */
export const MIN_ANSWERS = 5;
export const MIN_FREE_TEXT = 10;
export const MIN_BELOW_SCHOOL = 10;
export const MIN_INVITED_OWN_UNIT = 8;

export interface Cell {
  key: string;
  n: number;
}

/**
 * Which cells of one breakdown to hide. Cells with n = 0 hold no answers and need no protection; every
 * other cell under `min` is hidden, and then the smallest visible ones too, until at least two cells with
 * answers are hidden and together hold at least `min` answers (or nothing is left to hide). Cells in
 * `alreadyHidden` (hidden in another measure of the same breakdown) count as hidden.
 */
export function suppress(cells: Cell[], min: number, alreadyHidden: ReadonlySet<string> = new Set()): Set<string> {
  const hidden = new Set(cells.filter((c) => c.n < min || alreadyHidden.has(c.key)).map((c) => c.key));
  const withAnswers = (keys: Iterable<string>) => cells.filter((c) => c.n > 0 && [...keys].includes(c.key));
  if (withAnswers(hidden).length === 0) return hidden;
  const visible = cells.filter((c) => !hidden.has(c.key)).sort((a, b) => a.n - b.n || a.key.localeCompare(b.key));
  const safe = () => {
    const h = withAnswers(hidden);
    return h.length >= 2 && h.reduce((s, c) => s + c.n, 0) >= min;
  };
  while (!safe() && visible.length > 0) hidden.add(visible.shift()!.key);
  return hidden;
}

export interface UnitSchool {
  schoolId: string;
  municipality: string;
  invited: number;
}

export interface ReportingUnit {
  id: string;
  kind: 'school' | 'municipality';
  /** The school's id, or the municipality's name for its small schools together. */
  of: string;
  schoolIds: string[];
  invited: number;
}

/** Schools with at least 8 invited are their own unit; smaller ones are pooled per municipality. */
export function reportingUnits(schools: UnitSchool[]): ReportingUnit[] {
  const units: ReportingUnit[] = [];
  const pooled = new Map<string, ReportingUnit>();
  for (const s of schools) {
    if (s.invited >= MIN_INVITED_OWN_UNIT) {
      units.push({ id: `school:${s.schoolId}`, kind: 'school', of: s.schoolId, schoolIds: [s.schoolId], invited: s.invited });
      continue;
    }
    let unit = pooled.get(s.municipality);
    if (!unit) {
      unit = { id: `municipality:${s.municipality}`, kind: 'municipality', of: s.municipality, schoolIds: [], invited: 0 };
      pooled.set(s.municipality, unit);
      units.push(unit);
    }
    unit.schoolIds.push(s.schoolId);
    unit.invited += s.invited;
  }
  return units;
}

/** Response rate as a band, not a figure: under 40 %, 40–59 %, 60–79 %, 80 % or more. */
export type ResponseBand = 'low' | 'fair' | 'good' | 'high';

export function responseBand(respondents: number, invited: number): ResponseBand {
  const rate = invited > 0 ? respondents / invited : 0;
  return rate >= 0.8 ? 'high' : rate >= 0.6 ? 'good' : rate >= 0.4 ? 'fair' : 'low';
}
