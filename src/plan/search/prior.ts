import type { Doc } from './rank';
import { RANKING } from './tuning';

/**
 * The section's prior for this question: its weight, or a weightWhen weight whose term the question names. A section
 * with neither that describes a form weighs less, as the sample plan's forms do, unless the question speaks of a form.
 */
export function prior(doc: Doc, asked: Set<number>, formAsked: boolean): number {
  let w: number | undefined;
  for (const p of doc.priors) {
    for (const t of p.terms) {
      if (!asked.has(t)) continue;
      w = Math.max(w ?? 0, p.weight);
      break;
    }
  }
  return w ?? doc.section.weight ?? (doc.describesForm && !doc.priors.length && !formAsked ? RANKING.formDescription : 1);
}
