import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { withoutCrutches } from '../../src/eval/plans';
import { PlanIndex } from '../../src/plan/search';
import { ROOT } from '../helpers/bot';
import { evalQuestions, shownHit } from '../helpers/evalQuestions';

/**
 * The ranking reranks by their passages only the leaders that can still be returned. Asked for its 15 best, it
 * reranks every leader; asked for fewer, what it returns must be exactly the start of that list — the same
 * sections, scores, quoted passages and companions — for every question of the eval sets, in each language
 * and with none, on the sample plan and on the same plan without keywords and weights (as an imported one).
 */
describe('the passage rerank of the leaders', () => {
  const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  const plain = withoutCrutches(sample.plan);
  const indexes = { sample: sample.index, plain: new PlanIndex(plain, sample.index.glossary) };
  const questions = evalQuestions();

  it.each(Object.keys(indexes) as (keyof typeof indexes)[])('returns what reranking every leader returns (%s plan)', (name) => {
    const index = indexes[name];
    expect(questions.length).toBeGreaterThan(500);
    let compared = 0;
    for (const { q, lang } of questions) {
      for (const l of [lang, undefined]) {
        const all = index.search(q, 15, l).hits.map(shownHit);
        for (const limit of [1, 3, 6]) {
          expect({ q, l, limit, hits: index.search(q, limit, l).hits.map(shownHit) }).toEqual({ q, l, limit, hits: all.slice(0, limit) });
          compared++;
        }
      }
    }
    expect(compared).toBe(questions.length * 6);
  });
});
