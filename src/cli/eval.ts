import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { miniSearchBaseline } from '../eval/baseline';
import { type EvalOutcome, type EvalQuestion, evaluate, formatReport } from '../eval/metrics';
import { loadPlan } from '../plan/load';
import { CONTENT_DIR, ROOT } from '../paths';
import { ask, citedSectionIds, spawnBot } from './botProcess';

/**
 * npm run eval [-- --url http://host:port] [--set NAME] [--misses]: asks the running bot every labelled question
 * in test/eval/<set>.json over HTTP (Bot Framework activities, expectReplies), reads the cited section ids from
 * the reply's Teams citations, and prints top-1 / top-3 / out-of-scope declines next to MiniSearch with default
 * settings on the same sections. Sets: `questions` (the development set the ranking was tuned on), `heldout`
 * and `final` (written afterwards by someone who saw neither the search code nor the development set).
 */
const PUBLIC_URL = 'http://eval.opari.local';
const SETS = ['questions', 'heldout', 'final'];

async function main(): Promise<number> {
  const urlArg = process.argv.indexOf('--url');
  const setArg = process.argv.indexOf('--set');
  const showMisses = process.argv.includes('--misses');
  const sets = setArg > 0 ? [process.argv[setArg + 1]] : SETS.filter((s) => existsSync(setFile(s)));
  const bot = urlArg > 0 ? undefined : await spawnBot({ PUBLIC_URL });
  const url = urlArg > 0 ? process.argv[urlArg + 1] : bot!.url;
  const publicUrl = urlArg > 0 ? process.env.PUBLIC_URL ?? PUBLIC_URL : PUBLIC_URL;
  const baseline = miniSearchBaseline(loadPlan(process.env.PLAN_DIR ?? join(CONTENT_DIR, 'plan')));
  try {
    for (const set of sets) {
      const questions = JSON.parse(readFileSync(setFile(set), 'utf8')) as EvalQuestion[];
      const ours: EvalOutcome[] = [];
      for (const q of questions) {
        const { replies } = await ask(url, q.q, { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' }[q.lang], `a:eval-${q.lang}`);
        ours.push({ question: q, ranked: citedSectionIds(replies[0], publicUrl) });
      }
      const theirs = questions.map((q) => ({ question: q, ranked: baseline(q.q) }));
      const report = evaluate(ours);
      const inScope = questions.filter((q) => q.accept.length).length;
      console.log(`\n== ${set}: ${questions.length} questions (${inScope} in scope, ${questions.length - inScope} out of scope), asked over HTTP at ${url}\n`);
      console.log(formatReport('Opari', report));
      console.log(formatReport('MiniSearch (defaults)', evaluate(theirs)));
      console.log('\nOpari top-1 by kind:');
      for (const [kind, v] of Object.entries(report.byKind)) console.log(`  ${kind.padEnd(16)} ${String(v.n).padStart(3)}  ${(100 * v.top1).toFixed(1)} %`);
      if (showMisses) {
        console.log('\nMisses:');
        for (const m of report.misses) console.log(`  [${m.question.lang}] ${m.question.q}\n      want ${m.question.accept.join(', ') || '(decline)'}; got ${m.ranked.slice(0, 3).join(', ') || '(declined)'}`);
      }
    }
    return 0;
  } finally {
    await bot?.stop();
  }
}

function setFile(set: string): string {
  return join(ROOT, 'test', 'eval', `${set}.json`);
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`eval failed: ${err.message}`);
    process.exit(1);
  },
);
