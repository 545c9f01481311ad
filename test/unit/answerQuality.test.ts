import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { miniSearchBaseline } from '../../src/eval/baseline';
import { evaluate, type EvalQuestion, quotedText } from '../../src/eval/metrics';
import { withoutCrutches } from '../../src/eval/plans';
import { OffTopic } from '../../src/plan/offtopic';
import { PlanIndex } from '../../src/plan/search';
import { ROOT } from '../helpers/bot';

/**
 * A floor under the answer quality measured by `npm run eval` (which asks the bot over HTTP; this runs
 * the same answer function in process). Raise the floors when the figures improve; never lower them to pass.
 */
describe('answer quality on the labelled questions', () => {
  const questions = JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'questions.json'), 'utf8')) as EvalQuestion[];
  const plan = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  /** What a user sees: the cited sections, best first, and the quoted text; none when Opari says the plan does not cover it. */
  const asked = (qs: EvalQuestion[], service: PlanService = plan) =>
    evaluate(
      qs.map((q) => {
        const a = service.answer(q.q, q.lang);
        return { question: q, ranked: a.kind === 'answer' ? a.ranked.map((r) => r.id) : [], quoted: quotedText(a) };
      }),
    );
  const read = (set: string) => JSON.parse(readFileSync(join(ROOT, 'test', 'eval', `${set}.json`), 'utf8')) as EvalQuestion[];
  // The same plan with no keywords, weight or weightWhen: what an imported plan gives the search.
  const plainPlan = withoutCrutches(plan.plan);
  const plain = new PlanService(plainPlan, new PlanIndex(plainPlan, plan.index.glossary), 'http://x', OffTopic.load(join(ROOT, 'content', 'offtopic.yml')));
  const report = asked(questions);
  const minisearch = miniSearchBaseline(plan.plan);
  const baseline = evaluate(questions.map((q) => ({ question: q, ranked: minisearch(q.q) })));

  it('has a labelled set of at least 150 questions in three languages with 20+ out of scope', () => {
    expect(questions.length).toBeGreaterThanOrEqual(150);
    expect(new Set(questions.map((q) => q.lang))).toEqual(new Set(['fi', 'sv', 'en']));
    expect(questions.filter((q) => q.accept.length === 0).length).toBeGreaterThanOrEqual(20);
    for (const q of questions) for (const id of q.accept) expect([q.q, plan.plan.sections.has(id)]).toEqual([q.q, true]);
  });

  it('keeps top-1, top-3 and out-of-scope declines above their floors', () => {
    expect(report.top1).toBeGreaterThanOrEqual(0.9);
    expect(report.top3).toBeGreaterThanOrEqual(0.94);
    expect(report.declined).toBeGreaterThanOrEqual(0.95);
    expect(report.falseDeclines).toBeLessThanOrEqual(0.05);
  });

  it('stays clearly ahead of a general-purpose search library with default settings', () => {
    expect(report.top1 - baseline.top1).toBeGreaterThanOrEqual(0.12);
    expect(report.top3 - baseline.top3).toBeGreaterThanOrEqual(0.1);
  });

  // Written afterwards, from the plan and the domain notes only, by people who saw neither the search code nor
  // the set above: `heldout` was then used while improving the search; `final` was measured once before any
  // look at it (top-1 91.8 %, top-3 97.6 %, out-of-scope declined 73.3 %) and then also looked at.
  it.each([
    ['heldout', { top1: 0.88, top3: 0.94, declined: 0.93 }],
    ['final', { top1: 0.9, top3: 0.95, declined: 0.95 }],
  ])('generalizes: keeps its floors on the %s set', (set, floor) => {
    const questions = JSON.parse(readFileSync(join(ROOT, 'test', 'eval', `${set}.json`), 'utf8')) as EvalQuestion[];
    for (const q of questions) for (const id of q.accept) expect([q.q, plan.plan.sections.has(id)]).toEqual([q.q, true]);
    const r = asked(questions);
    expect(r.top1).toBeGreaterThanOrEqual(floor.top1);
    expect(r.top3).toBeGreaterThanOrEqual(floor.top3);
    expect(r.declined).toBeGreaterThanOrEqual(floor.declined);
    expect(r.falseDeclines).toBeLessThanOrEqual(0.05);
  });

  it('declines the workplace questions of test/eval/oos-probe.json (pay, IT, rooms, small talk in three languages)', () => {
    const probe = JSON.parse(readFileSync(join(ROOT, 'test', 'eval', 'oos-probe.json'), 'utf8')) as EvalQuestion[];
    const answered = probe.filter((q) => plan.answer(q.q, q.lang).kind === 'answer').map((q) => q.q);
    expect(answered.length / probe.length).toBeLessThanOrEqual(0.05);
  });

  // test/eval/facts.json: fact questions written while building the passage choice (a development set);
  // test/eval/plan-facts.json: written blind (someone who saw neither the code nor the other sets), measured once
  // before any look at it (top-1 83.0 %, top-3 94.3 %, the quote holds the fact 65.9 %, out of scope declined 65.0 %).
  it.each([
    ['facts', { top1: 0.75, top3: 0.87, facts: 0.6, declined: 0, falseDeclines: 0.07 }],
    ['plan-facts', { top1: 0.85, top3: 0.95, facts: 0.67, declined: 0.85, falseDeclines: 0.03 }],
  ])('quotes the passage that holds the asked fact on the %s set', (set, floor) => {
    const r = asked(read(set));
    expect(r.top1).toBeGreaterThanOrEqual(floor.top1);
    expect(r.top3).toBeGreaterThanOrEqual(floor.top3);
    expect(r.factsQuoted / r.facts).toBeGreaterThanOrEqual(floor.facts);
    expect(r.declined).toBeGreaterThanOrEqual(floor.declined);
    expect(r.falseDeclines).toBeLessThanOrEqual(floor.falseDeclines);
  });

  it.each([
    ['questions', { top1: 0.77, top3: 0.86, declined: 0.95, falseDeclines: 0.1 }],
    ['heldout', { top1: 0.77, top3: 0.89, declined: 0.93, falseDeclines: 0.07 }],
    ['final', { top1: 0.85, top3: 0.93, declined: 0.95, falseDeclines: 0.05 }],
    ['plan-facts', { top1: 0.85, top3: 0.9, declined: 0.95, falseDeclines: 0.06 }],
  ])('answers from the text itself when the front matter gives no keywords or weights (%s)', (set, floor) => {
    const r = asked(read(set), plain);
    expect(r.top1).toBeGreaterThanOrEqual(floor.top1);
    expect(r.top3).toBeGreaterThanOrEqual(floor.top3);
    expect(r.declined).toBeGreaterThanOrEqual(floor.declined);
    expect(r.falseDeclines).toBeLessThanOrEqual(floor.falseDeclines);
  });

  it("answers the issue's own examples from the right sections", () => {
    const fi = plan.answer('millä perusteella oppilas saa avustajan?', 'fi');
    expect(fi.kind === 'answer' && fi.best.id).toBe('avustajakriteerit');
    const en = plan.answer('what are the home-schooling criteria?', 'en');
    expect(en.kind === 'answer' && en.best.id).toMatch(/^kotiopetus/);
    for (const off of ['what is the weather tomorrow', 'kerro vitsi', 'mikä on wifin salasana', 'who won the football last night?']) {
      expect([off, plan.answer(off, 'en').kind]).toEqual([off, 'none']);
    }
  });
});
