import type { Answer } from '../plan/answer';

/** Answer-quality metrics over a labelled question set (test/eval/questions.json). */
export interface EvalQuestion {
  q: string;
  lang: 'fi' | 'sv' | 'en';
  kind: string;
  accept: string[];
  /** For a question asking a fact (a deadline, a decider, a step): a pattern the quoted text must match. */
  fact?: string;
}

export interface EvalOutcome {
  question: EvalQuestion;
  /** Ranked section ids the system returned (empty = it declined). */
  ranked: string[];
  /** The text the answer quoted (empty when declined). */
  quoted?: string;
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  /** Out-of-scope questions answered with no section. */
  declined: number;
  /** In-scope questions wrongly declined. */
  falseDeclines: number;
  misses: EvalOutcome[];
  /** Questions with a fact pattern, and how many were answered with text that holds the fact. */
  facts: number;
  factsQuoted: number;
  factMisses: EvalOutcome[];
  byKind: Record<string, { n: number; top1: number }>;
}

/** A returned section is right if it is an accepted one or a subsection of one (more precise is fine). */
export function isAccepted(id: string, accept: string[]): boolean {
  return accept.some((a) => id === a || id.startsWith(`${a}/`));
}

export function evaluate(outcomes: EvalOutcome[]): EvalReport {
  const inScope = outcomes.filter((o) => o.question.accept.length > 0);
  const out = outcomes.filter((o) => o.question.accept.length === 0);
  const top1 = inScope.filter((o) => o.ranked[0] && isAccepted(o.ranked[0], o.question.accept));
  const top3 = inScope.filter((o) => o.ranked.slice(0, 3).some((id) => isAccepted(id, o.question.accept)));
  const byKind: EvalReport['byKind'] = {};
  for (const o of outcomes) {
    const k = (byKind[o.question.kind] ??= { n: 0, top1: 0 });
    k.n++;
    const ok = o.question.accept.length === 0 ? o.ranked.length === 0 : !!o.ranked[0] && isAccepted(o.ranked[0], o.question.accept);
    if (ok) k.top1++;
  }
  for (const k of Object.values(byKind)) k.top1 = k.top1 / k.n;
  const facts = inScope.filter((o) => o.question.fact);
  const factMisses = facts.filter((o) => !new RegExp(o.question.fact!, 'i').test(o.quoted ?? ''));
  return {
    inScope: inScope.length,
    outOfScope: out.length,
    top1: top1.length / Math.max(1, inScope.length),
    top3: top3.length / Math.max(1, inScope.length),
    declined: out.filter((o) => o.ranked.length === 0).length / Math.max(1, out.length),
    falseDeclines: inScope.filter((o) => o.ranked.length === 0).length / Math.max(1, inScope.length),
    misses: outcomes.filter((o) => (o.question.accept.length === 0 ? o.ranked.length > 0 : !o.ranked[0] || !isAccepted(o.ranked[0], o.question.accept))),
    facts: facts.length,
    factsQuoted: facts.length - factMisses.length,
    factMisses,
    byKind,
  };
}

export function formatReport(name: string, r: EvalReport): string {
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const facts = r.facts ? `   passage holds the fact ${pct(r.factsQuoted / r.facts).padStart(7)} (${r.factsQuoted}/${r.facts})` : '';
  return `${name.padEnd(28)} top-1 ${pct(r.top1).padStart(7)}   top-3 ${pct(r.top3).padStart(7)}   out-of-scope declined ${pct(r.declined).padStart(7)}   in-scope declined ${pct(r.falseDeclines).padStart(7)}${facts}`;
}

/** What an answer quotes, as text (empty when it declines): the in-process twin of the card's quoted text. @internal */
export function quotedText(a: Answer): string {
  if (a.kind !== 'answer') return '';
  return a.best.passages
    .flatMap((p) => p.blocks)
    .map((b) => (b.kind === 'list' ? b.items.join('\n') : b.kind === 'paragraph' ? b.text : ''))
    .join('\n');
}
