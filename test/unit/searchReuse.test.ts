import { join } from 'node:path';
import { loadPlan } from '../../src/plan/load';
import type { Plan, PlanSection } from '../../src/plan/model';
import { ROOT } from '../helpers/bot';
import { evalQuestions, shownHit } from '../helpers/evalQuestions';
import { freshModules } from '../helpers/freshModules';

// The search and the glossary loaded afresh, with no word read yet: what the plan answers in a new process.
type Search = { search: typeof import('../../src/plan/search'); glossary: typeof import('../../src/plan/glossary') };
const freshProcess = (): Promise<Search> => freshModules(async () => ({ search: await import('../../src/plan/search'), glossary: await import('../../src/plan/glossary') }));

/**
 * The ranking reuses its buffers from question to question and keeps what it learnt about each word per index.
 * Indexes of different sizes and vocabularies asked in turn must answer exactly as each does on its own: nothing
 * of one plan's question may leak into another's (a buffer read past the plan's own sections, a word read with
 * another plan's vocabulary).
 */
describe('searching several plans in turn', () => {
  const glossaryFile = join(ROOT, 'content', 'glossary.yml');
  const sample = loadPlan(join(ROOT, 'content', 'plan'));
  /** The sample plan copied three times with distinct ids: more sections and postings than the sample. */
  const tripled = (plan: Plan): Plan => {
    const sections = new Map<string, PlanSection>();
    for (let k = 0; k < 3; k++) {
      for (const s of plan.sections.values()) {
        const id = k === 0 ? s.id : `${s.id.replace('/', '-')}-${k}`;
        sections.set(id, { ...s, id, parentId: k === 0 ? s.parentId : undefined, childIds: k === 0 ? s.childIds : [] });
      }
    }
    return { ...plan, sections, topLevel: [...sections.values()].filter((s) => !s.parentId).map((s) => s.id) };
  };
  /** Only the top-level sections: fewer sections and a smaller vocabulary. */
  const trimmed = (plan: Plan): Plan => ({ ...plan, sections: new Map(plan.topLevel.map((id) => [id, { ...plan.sections.get(id)!, childIds: [] }])) });
  const plans = { large: tripled(sample), sample, small: trimmed(sample) };
  const questions = evalQuestions();
  const names = Object.keys(plans) as (keyof typeof plans)[];

  it('answers each question as each plan alone does in a new process', async () => {
    expect(questions.length).toBeGreaterThan(500);
    const alone = {} as Record<keyof typeof plans, ReturnType<typeof shownHit>[][]>;
    for (const name of names) {
      const { search, glossary } = await freshProcess();
      const index = new search.PlanIndex(plans[name], glossary.Glossary.load(glossaryFile));
      alone[name] = questions.map(({ q, lang }) => index.search(q, 6, lang).hits.map(shownHit));
    }
    // The plans differ where it matters: the same questions find different sections.
    expect(alone.small).not.toEqual(alone.sample);
    expect(alone.large).not.toEqual(alone.sample);
    // All of them in one process, each question asked of the largest, the sample and the smallest in turn.
    const { search, glossary } = await freshProcess();
    const shared = glossary.Glossary.load(glossaryFile);
    const indexes = names.map((name) => new search.PlanIndex(plans[name], shared));
    questions.forEach(({ q, lang }, i) => {
      indexes.forEach((index, k) => expect({ q, plan: names[k], hits: index.search(q, 6, lang).hits.map(shownHit) }).toEqual({ q, plan: names[k], hits: alone[names[k]][i] }));
    });
  });
});
