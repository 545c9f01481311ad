import { z } from 'zod';
import { isIsoDate } from '../time/date';
import { isWallTime } from '../time/helsinki';

/** Form fields, declared once: they render the card (cards/form.json) and build the zod schema. */
export type L10n = { fi: string; sv: string; en: string };
export type FieldKind = 'text' | 'multiline' | 'choice' | 'multichoice' | 'toggle' | 'date' | 'time';

export interface FieldDef {
  id: string;
  kind: FieldKind;
  label: L10n;
  required?: boolean;
  maxLength?: number;
  placeholder?: L10n;
  choices?: { value: string; title: L10n }[];
  /** Identifies the pupil (name, class): never shown in channels, hashed for GDPR look-ups. */
  identifying?: boolean;
  /** Free text or health data: encrypted before it reaches Cosmos. */
  sensitive?: boolean;
  /** A date that has happened (a request date): today by default, not after today and not over a year back (Helsinki). */
  upToToday?: boolean;
}

/** Machine-readable validation problem codes; the i18n catalogue turns them into sentences. */
export type ProblemCode = 'required' | 'tooLong' | 'choice' | 'date' | 'future' | 'tooOld' | 'time' | 'markup' | 'mustConfirm' | 'type' | 'unknownField';

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|on\w+\s*=/i;

/** The value a user submitted for a field: Teams sends every input as a string ("" when empty). */
function fieldSchema(f: FieldDef): z.ZodTypeAny {
  const max = f.maxLength ?? (f.kind === 'multiline' ? 2000 : 200);
  const text = z
    .string({ invalid_type_error: 'type' })
    .transform((s) => s.trim())
    .refine((s) => s.length <= max, 'tooLong')
    .refine((s) => !MARKUP.test(s), 'markup');
  switch (f.kind) {
    case 'text':
    case 'multiline':
      return f.required ? text.refine((s) => s.length > 0, 'required') : text;
    case 'choice': {
      const values = new Set(f.choices?.map((c) => c.value));
      return z
        .string({ invalid_type_error: 'type' })
        .refine((s) => !f.required || s !== '', 'required')
        .refine((s) => s === '' || values.has(s), 'choice');
    }
    case 'multichoice': {
      const values = new Set(f.choices?.map((c) => c.value));
      return z
        .string({ invalid_type_error: 'type' })
        .transform((s) => (s ? s.split(',') : []))
        .refine((xs) => !f.required || xs.length > 0, 'required')
        .refine((xs) => xs.every((x) => values.has(x)), 'choice');
    }
    case 'toggle':
      return z
        .union([z.enum(['true', 'false']), z.boolean()], { errorMap: () => ({ message: 'type' }) })
        .transform((v) => v === true || v === 'true')
        .refine((v) => !f.required || v, 'mustConfirm');
    case 'date':
      return z
        .string({ invalid_type_error: 'type' })
        .refine((s) => !f.required || s !== '', 'required')
        .refine((s) => s === '' || isIsoDate(s), 'date');
    case 'time':
      return z
        .string({ invalid_type_error: 'type' })
        .refine((s) => !f.required || s !== '', 'required')
        .refine((s) => s === '' || isWallTime(s), 'time');
  }
}

/**
 * A strict object over the form's fields: unknown fields, wrong types, oversized strings and markup
 * are refused. Optional fields may be absent; Teams omits untouched toggles.
 */
export function schemaFor(fields: FieldDef[]): z.ZodObject<Record<string, z.ZodTypeAny>, 'strict'> {
  const shape: Record<string, z.ZodTypeAny> = {};
  for (const f of fields) {
    const s = fieldSchema(f);
    const empty = f.kind === 'toggle' ? 'false' : '';
    shape[f.id] = z.preprocess((v) => (v === undefined || v === null ? empty : v), s);
  }
  return z.object(shape).strict();
}

export interface FieldProblem {
  field: string;
  code: ProblemCode;
}

/** zod issues → one problem per field (the first), by machine code. */
export function problemsOf(error: z.ZodError): FieldProblem[] {
  const out = new Map<string, ProblemCode>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) out.set(k, 'unknownField');
      continue;
    }
    const field = String(issue.path[0] ?? '');
    if (out.has(field)) continue;
    const known: ProblemCode[] = ['required', 'tooLong', 'choice', 'date', 'time', 'markup', 'mustConfirm', 'type'];
    out.set(field, known.includes(issue.message as ProblemCode) ? (issue.message as ProblemCode) : 'type');
  }
  return [...out].map(([field, code]) => ({ field, code }));
}
