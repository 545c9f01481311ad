import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Lang } from '../../src/i18n';
import type { SearchHit } from '../../src/plan/search';
import { ROOT } from './bot';

/** Every question of the sample plan's eval sets (test/eval/*.json), with its language. */
export function evalQuestions(): { q: string; lang: Lang }[] {
  const dir = join(ROOT, 'test', 'eval');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { q: string; lang: Lang }[]).map((q) => ({ q: q.q, lang: q.lang })));
}

/** What of a search hit reaches the user or the decision to answer: section, scores, coverages, quoted passages. */
export function shownHit(h: SearchHit) {
  return {
    id: h.section.id,
    score: h.score,
    coverage: h.coverage,
    aboutCoverage: h.aboutCoverage,
    passageCoverage: h.passageCoverage,
    passage: h.passage && [h.passage.lang, h.passage.first, h.passage.position],
    companion: h.companion && [h.companion.lang, h.companion.first, h.companion.position],
  };
}
