import { bodyLangOf } from '../model';
import type { Lang } from '../analyze';
import type { Intent } from './intent';
import type { Question } from './query';
import type { RankInput, SearchHit } from './rank';
import { RANKING } from './tuning';

/**
 * The last word on the order of the ranked sections: what the question asks for (a time, a quantity) against
 * what each section's text can give, and a subsection that answers more precisely than its parent.
 */

/** Whether one of the section's passages, in the language it is quoted in, serves the intent (gives a time, a number). */
function gives(ix: RankInput, h: SearchHit, intent: Intent, lang?: Lang): boolean {
  const quoted = lang && bodyLangOf(h.section, lang);
  return ix.byId.get(h.section.id)!.passages.some((p) => (!quoted || p.lang === quoted) && p.traits().body.has(intent));
}

/** Reorders the leaders (sorted by score, title matches first) in place. */
export function ordered(leaders: SearchHit[], q: Question, ix: RankInput, lang?: Lang): void {
  // A subsection that scores nearly as well as its parent answers more precisely; the card still shows
  // the parent in its path and offers it.
  const first = leaders[0];
  if (first && first.section.childIds.length && !first.titleMatch) {
    const child = leaders.find((h) => h.section.parentId === first.section.id && h.score >= first.score * RANKING.childPreference);
    if (child) leaders.unshift(...leaders.splice(leaders.indexOf(child), 1));
  }
  // "Missä ajassa…", "how soon": a section that gives no time cannot answer, though its title shares the question's
  // words ("Erityistä tukea tarvitsevien henkilöiden hyvinvointi"); a leader that gives one and scores near it answers first.
  const lead = leaders[0];
  if (q.deadline && lead && !lead.titleMatch && !gives(ix, lead, 'when', lang)) {
    const timed = leaders.find((h) => h.passage && h.score >= RANKING.deadlineShare * lead.score && gives(ix, h, 'when', lang));
    if (timed) leaders.unshift(...leaders.splice(leaders.indexOf(timed), 1));
  }
}

/** "How many", "how much": a section with no number in the language it is quoted in has nothing to say. */
export function markUnanswerable(hits: SearchHit[], q: Question, ix: RankInput, lang?: Lang): void {
  if (!q.intents.has('amount')) return;
  for (const h of hits) if (!gives(ix, h, 'amount', lang)) h.noQuantity = true;
}
