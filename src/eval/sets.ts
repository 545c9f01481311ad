import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fold } from '../plan/analyze';
import { type Plan, type PlanSection, titleOf } from '../plan/model';
import { ROOT } from '../paths';
import type { EvalQuestion } from './metrics';

/**
 * The labelled question sets of test/eval/: the sample plan's (accept = section ids) and the real documents'
 * in test/eval/real/ (accept = the document's own section number and title, as a reader cites it), resolved
 * to the section ids of whatever the importer made of the document.
 */
export const EVAL_DIR = join(ROOT, 'test', 'eval');

/** A section as a real document names it: `{ number: "26 §", title: "Henkilökohtainen opintosuunnitelma" }`. */
export interface SectionLabel {
  number?: string;
  title: string;
}

export interface LabelledQuestion extends Omit<EvalQuestion, 'accept'> {
  accept: (string | SectionLabel)[];
}

export function readSet(file: string): LabelledQuestion[] {
  return JSON.parse(readFileSync(file, 'utf8')) as LabelledQuestion[];
}

/**
 * Sample-plan sets of a folder (test/eval/ unless another is given), in the order the report shows them: the
 * known names first, then any other <name>.json (a set someone wrote for their own plan).
 */
export function planSets(evalDir = EVAL_DIR): string[] {
  const known = ['questions', 'heldout', 'final', 'facts', 'plan-facts', 'oos-probe'];
  const files = existsSync(evalDir)
    ? readdirSync(evalDir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
    : [];
  return [...known.filter((s) => files.includes(s)), ...files.filter((s) => !known.includes(s)).sort()];
}

/** <folder>/real/<document>.json → the document's name, for ../shared/real-documents/<document>.<html|docx|pdf>. */
export function realSets(evalDir = EVAL_DIR): string[] {
  const dir = join(evalDir, 'real');
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.json'))
        .map((f) => f.replace(/\.json$/, ''))
        .sort()
    : [];
}

/** The real documents: committed with the importer's fixtures (the same Finlex files as ../shared/real-documents). */
export function realDocumentsDir(): string | undefined {
  return [join(ROOT, 'test', 'fixtures', 'plan-import', 'real'), join(ROOT, '..', 'shared', 'real-documents')].find(existsSync);
}

const norm = (s: string) =>
  fold(s.toLowerCase())
    .replace(/[^\p{L}\p{N}§.]+/gu, ' ')
    .trim();
/** "26 §", "2.6", "3 luku": the number a heading starts with. */
const NUMBER = /^\s*((?:\d+[a-z]?(?:\.\d+)*\s*(?:§|luku|kap\.?|kapitlet)?)|[IVXLC]+\.?)\s+/i;

/** A section's own number and its title without it, from its fields or (older imports) its source heading. */
export function numberAndTitle(s: PlanSection): { number?: string; title: string } {
  const heading = s.source?.heading ?? titleOf(s, s.lang);
  const m = NUMBER.exec(heading);
  const number = s.number ?? m?.[1];
  const title = (m && !s.number ? heading.slice(m[0].length) : titleOf(s, s.lang)).replace(NUMBER, '');
  return { number: number && norm(number).replace(/\s+/g, ''), title: norm(title.replace(/^§\s*/, '')) };
}

/** The plan's section ids a label names: by number and title, else by title alone. */
export function resolveLabel(plan: Plan, label: string | SectionLabel): string[] {
  if (typeof label === 'string') return plan.sections.has(label) ? [label] : [];
  const number = label.number ? norm(label.number).replace(/\s+/g, '') : undefined;
  const title = norm(label.title);
  const sections = [...plan.sections.values()].map((s) => ({ s, ...numberAndTitle(s) }));
  const same = (a: string, b: string) => a === b || (a.length > 12 && b.startsWith(a)) || (b.length > 12 && a.startsWith(b));
  const byBoth = sections.filter((x) => number && x.number === number && same(x.title, title));
  if (byBoth.length) return byBoth.map((x) => x.s.id);
  const byTitle = sections.filter((x) => same(x.title, title));
  if (byTitle.length) return byTitle.map((x) => x.s.id);
  return sections.filter((x) => number && x.number === number).map((x) => x.s.id);
}

/** The set with every label resolved to section ids; `unresolved` counts labels naming no section of this import. */
export function resolveSet(plan: Plan, set: LabelledQuestion[]): { questions: EvalQuestion[]; unresolved: number } {
  let unresolved = 0;
  const questions = set.map((q) => {
    const accept = q.accept.flatMap((a) => {
      const ids = resolveLabel(plan, a);
      if (ids.length === 0) unresolved++;
      return ids;
    });
    // A label the import lost still makes the question in scope: it can only be missed, never "declined right".
    return { ...q, accept: accept.length || q.accept.length === 0 ? accept : ['(not imported)'] };
  });
  return { questions, unresolved };
}
