import { addDays, isIsoDate } from '../time/date';
import { todayInHelsinki } from '../time/helsinki';
import { type FieldProblem, problemsOf } from './fields';
import type { FormDef } from './registry';

/** Keys the card itself adds to the submitted data (not inputs). */
const CONTROL_KEYS = new Set(['formId', 'verb', 'msteams', 'meetingId']);
/** A whole submission larger than this is refused before parsing: no form needs it (Teams caps a message at 28 KB). */
export const MAX_SUBMISSION_BYTES = 32 * 1024;

export type Validation = { ok: true; values: Record<string, unknown> } | { ok: false; problems: FieldProblem[]; tooLarge?: boolean; raw: Record<string, string> };

/** The submitted inputs as strings, for re-rendering a card with the user's values (never stored). */
function echo(form: FormDef, data: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of form.fields) {
    const v = data[f.id];
    if (typeof v === 'string') out[f.id] = v.slice(0, f.maxLength ?? 2000);
    else if (typeof v === 'boolean') out[f.id] = String(v);
  }
  return out;
}

/** How far back a date marked `upToToday` may go: older is a typo in the year, not a request to act on. */
const UP_TO_TODAY_MAX_DAYS = 366;

/** Date fields marked `upToToday` after `today` or more than a year before it ('YYYY-MM-DD' compare as strings). */
function outOfRangeDates(form: FormDef, values: Record<string, unknown>, today: string): FieldProblem[] {
  const earliest = addDays(today, -UP_TO_TODAY_MAX_DAYS);
  return form.fields.flatMap((f): FieldProblem[] => {
    const v = values[f.id];
    if (!f.upToToday || typeof v !== 'string' || !isIsoDate(v)) return [];
    return v > today ? [{ field: f.id, code: 'future' }] : v < earliest ? [{ field: f.id, code: 'tooOld' }] : [];
  });
}

/** Validates a card submission against the form's zod schema and its cross-field rules; `today` in Helsinki. */
export function validateSubmission(form: FormDef, data: Record<string, unknown>, today: string = todayInHelsinki()): Validation {
  const size = Buffer.byteLength(JSON.stringify(data ?? {}));
  if (size > MAX_SUBMISSION_BYTES) return { ok: false, problems: [], tooLarge: true, raw: {} };
  const inputs = Object.fromEntries(Object.entries(data ?? {}).filter(([k]) => !CONTROL_KEYS.has(k)));
  const parsed = form.schema.safeParse(inputs);
  // The law's cross-field rules are checked even when a field is wrong, so every error shows at once.
  const loose = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v === 'true' ? true : v === 'false' ? false : v]));
  const cross = [...(form.check?.(parsed.success ? parsed.data : loose) ?? []), ...outOfRangeDates(form, parsed.success ? parsed.data : loose, today)];
  if (!parsed.success || cross.length) {
    const problems = parsed.success ? [] : problemsOf(parsed.error);
    for (const c of cross) if (!problems.some((p) => p.field === c.field)) problems.push(c);
    return { ok: false, problems, raw: echo(form, inputs) };
  }
  return { ok: true, values: parsed.data };
}
