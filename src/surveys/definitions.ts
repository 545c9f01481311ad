import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readYamlFile } from '../yamlFile';

/**
 * Survey definitions are content, like the plan's forms: content/surveys/<id>.yml, fi/sv/en wording,
 * item types, reverse-scored items and the scales items form. A wrong file stops start-up with one error
 * naming the file and every wrong field.
 */

const l10n = z.object({ fi: z.string().min(1).max(400), sv: z.string().min(1).max(400), en: z.string().min(1).max(400) }).strict();
const idRe = /^[a-zA-Z][a-zA-Z0-9]{0,39}$/;

const itemSchema = z
  .object({
    id: z.string().regex(idRe),
    type: z.enum(['agree5', 'scale010', 'choice', 'text']),
    construct: z.string().min(1).max(120),
    /** What the item is meant to capture, in a sentence (shown in the README and to content editors). */
    measures: z.string().min(10).max(400),
    short: l10n,
    text: l10n,
    reverse: z.boolean().optional(),
    favourableFrom: z.number().int().min(1).max(10).optional(),
    maxLength: z.number().int().min(20).max(1000).optional(),
    /** Background items: `profession` is reported for the whole region only; `schoolPart` within a school with ≥ 10 answers. */
    background: z.enum(['profession', 'schoolPart']).optional(),
    choices: z
      .array(z.object({ value: z.string().regex(idRe), title: l10n }))
      .min(2)
      .max(12)
      .optional(),
  })
  .strict()
  .superRefine((item, ctx) => {
    const bad = (message: string) => ctx.addIssue({ code: z.ZodIssueCode.custom, message });
    if (item.reverse && item.type !== 'agree5') bad('only agree5 items can be reverse-scored');
    if (item.type === 'choice' && !item.choices) bad('a choice item needs choices');
    if (item.type !== 'choice' && item.choices) bad('only choice items have choices');
    if (item.background && item.type !== 'choice') bad('a background item must be a choice item');
    if (item.type === 'choice' && !item.background) bad('a choice item must be a background item (profession or schoolPart)');
    if (item.favourableFrom !== undefined && item.type !== 'scale010') bad('favourableFrom is for scale010 items');
    if (item.maxLength !== undefined && item.type !== 'text') bad('maxLength is for text items');
  });

const surveySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
    title: l10n,
    intro: l10n,
    minutes: z.number().int().min(1).max(30),
    items: z.array(itemSchema).min(1).max(40),
    scales: z.array(z.object({ id: z.string().regex(idRe), title: l10n, items: z.array(z.string()).min(2) }).strict()).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = s.items.map((i) => i.id);
    const dup = ids.find((id, k) => ids.indexOf(id) !== k);
    if (dup) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['items'], message: `item id "${dup}" appears twice` });
    if (ids.includes(FOLLOW_UP_ITEM)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['items'], message: `"${FOLLOW_UP_ITEM}" is reserved for the follow-up question` });
    for (const b of ['profession', 'schoolPart'] as const) {
      if (s.items.filter((i) => i.background === b).length > 1) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['items'], message: `at most one ${b} item` });
    }
    for (const scale of s.scales) {
      for (const id of scale.items) {
        const item = s.items.find((i) => i.id === id);
        if (!item) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scales', scale.id], message: `unknown item "${id}"` });
        else if (item.type !== 'agree5') ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['scales', scale.id], message: `scale items must be agree5 ("${id}" is ${item.type})` });
      }
    }
  });

export type SurveyDef = z.output<typeof surveySchema>;
export type SurveyItem = SurveyDef['items'][number];

/** The question the next round adds at a school whose welfare group chose an action: did it help? */
export const FOLLOW_UP_ITEM = 'followUp';

/** Items whose answers are numbers and have a favourable end (agree5, scale010). */
export function scoredItems(def: SurveyDef): SurveyItem[] {
  return def.items.filter((i) => i.type === 'agree5' || i.type === 'scale010');
}

/** The follow-up item as an ordinary agree5 item, worded around the chosen action (see surveys i18n). */
export function followUpItem(text: { fi: string; sv: string; en: string }, short: { fi: string; sv: string; en: string }): SurveyItem {
  return { id: FOLLOW_UP_ITEM, type: 'agree5', construct: 'effect of the chosen action', measures: 'Whether the action the welfare group chose after the previous round has helped.', short, text };
}

/** Every survey in the folder, by id. */
export function loadSurveys(dir: string): Map<string, SurveyDef> {
  const out = new Map<string, SurveyDef>();
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.yml'))
    .sort()) {
    const def = readYamlFile(join(dir, f), surveySchema, undefined as never);
    if (out.has(def.id)) throw new Error(`${join(dir, f)}: survey id "${def.id}" is used by another file`);
    out.set(def.id, def);
  }
  return out;
}

/** Parses one definition (for tests of the schema's rules). @internal */
export function parseSurvey(data: unknown): SurveyDef {
  return surveySchema.parse(data);
}
