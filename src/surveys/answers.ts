import { z } from 'zod';
import type { SurveyDef, SurveyItem } from './definitions';

/**
 * A submitted survey card → answer values. Teams sends every input as a string ("" when left empty);
 * every item may be skipped, but an answer with nothing in it is refused. Unknown fields (the card's own
 * data: round, school, ticket) are ignored.
 */
export type AnswerProblem = { field: string; code: 'choice' | 'tooLong' | 'markup' };

const MARKUP = /<\s*\/?\s*[a-z!][^>]*>|javascript:|on\w+\s*=/i;
export const DEFAULT_TEXT_MAX = 500;

function itemSchema(item: SurveyItem): z.ZodType<number | string | undefined> {
  const empty = z.union([z.undefined(), z.literal('')]).transform(() => undefined);
  switch (item.type) {
    case 'agree5':
    case 'scale010': {
      const max = item.type === 'agree5' ? 5 : 10;
      const min = item.type === 'agree5' ? 1 : 0;
      const num = z
        .union([z.string(), z.number()])
        .transform((v) => Number(v))
        .refine((n) => Number.isInteger(n) && n >= min && n <= max, 'choice');
      return z.union([empty, num]);
    }
    case 'choice': {
      const values = (item.choices ?? []).map((c) => c.value);
      return z.union([empty, z.string().refine((v) => values.includes(v), 'choice')]);
    }
    case 'text': {
      const max = item.maxLength ?? DEFAULT_TEXT_MAX;
      return z
        .string()
        .optional()
        .transform((s) => s?.trim())
        .refine((s) => s === undefined || s.length <= max, 'tooLong')
        .refine((s) => s === undefined || !MARKUP.test(s), 'markup')
        .transform((s) => (s ? s : undefined));
    }
  }
}

export type ParsedAnswer = { ok: true; values: Record<string, number | string> } | { ok: false; problems: AnswerProblem[]; empty: boolean };

export function parseAnswer(def: SurveyDef, extra: SurveyItem[], data: Record<string, unknown>): ParsedAnswer {
  const values: Record<string, number | string> = {};
  const problems: AnswerProblem[] = [];
  for (const item of [...def.items, ...extra]) {
    const r = itemSchema(item).safeParse(data[item.id]);
    const message = r.success ? '' : r.error.issues[0]?.message;
    if (!r.success) problems.push({ field: item.id, code: message === 'tooLong' || message === 'markup' ? message : 'choice' });
    else if (r.data !== undefined) values[item.id] = r.data;
  }
  if (problems.length) return { ok: false, problems, empty: false };
  if (Object.keys(values).length === 0) return { ok: false, problems: [], empty: true };
  return { ok: true, values };
}

/** The card inputs' values again (for a card shown back with its errors, or to change an answer). */
export function asInputValues(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => typeof v === 'string' || typeof v === 'number')
      .map(([k, v]) => [k, String(v)]),
  );
}
