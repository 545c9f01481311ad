import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { miniSearchBaseline } from '../eval/baseline';
import { type EvalOutcome, evaluate, type EvalReport, formatReport } from '../eval/metrics';
import { importInto, writeWithoutCrutches } from '../eval/plans';
import { EVAL_DIR, type LabelledQuestion, planSets as planSetNames, readSet, realDocumentsDir, realSets, resolveSet } from '../eval/sets';
import { loadPlan } from '../plan/load';
import { CONTENT_DIR } from '../paths';
import { commandLine } from './args';
import { ask, citedSectionIds, quotedText, spawnBot } from './botProcess';

/**
 * npm run eval [-- --set NAME] [--only plan|plain|finnish|real] [--dir FOLDER] [--misses]: asks the bot over HTTP (Bot Framework
 * activities, expectReplies) every labelled question of test/eval/, reads the cited sections from the reply's
 * Teams citations and the quoted text from its card, and prints top-1, top-3, whether the quote holds the
 * asked fact, and declines, next to MiniSearch with default settings on the same sections. Four kinds of plan:
 *  - plan:  the sample plan as it is;
 *  - plain: the sample plan without keywords, weight and weightWhen (what an imported plan has);
 *  - finnish: that plan with its Finnish text alone (a region's plan written in Finnish), asked its Swedish and
 *           English questions;
 *  - real:  the real documents of ../shared/real-documents, each format imported, with the questions of
 *           test/eval/real/<document>.json (labelled by the document's own section numbers and titles).
 * --dir reads the sets from another folder laid out as test/eval/ (<set>.json, real/<document>.json): questions
 * written for a region's own plan (PLAN_DIR) or by someone who has not seen these.
 */
const PUBLIC_URL = 'http://eval.opari.local';
const LOCALES = { fi: 'fi-FI', sv: 'sv-FI', en: 'en-US' } as const;

interface Target {
  name: string;
  planDir: string;
  sets: { name: string; questions: LabelledQuestion[] }[];
}

interface Row {
  target: string;
  set: string;
  ours: EvalReport;
  theirs: EvalReport;
  unresolved: number;
}

async function measure(target: Target, showMisses: boolean): Promise<Row[]> {
  const plan = loadPlan(target.planDir);
  const baseline = miniSearchBaseline(plan);
  const bot = await spawnBot({ PUBLIC_URL, PLAN_DIR: target.planDir });
  const rows: Row[] = [];
  try {
    for (const set of target.sets) {
      const { questions, unresolved } = resolveSet(plan, set.questions);
      const ours: EvalOutcome[] = [];
      for (const q of questions) {
        const { replies } = await ask(bot.url, q.q, LOCALES[q.lang], `a:eval-${q.lang}`);
        ours.push({ question: q, ranked: citedSectionIds(replies[0], PUBLIC_URL), quoted: quotedText(replies[0]) });
      }
      const row = { target: target.name, set: set.name, ours: evaluate(ours), theirs: evaluate(questions.map((q) => ({ question: q, ranked: baseline(q.q) }))), unresolved };
      rows.push(row);
      const inScope = questions.filter((q) => q.accept.length).length;
      console.log(`\n== ${target.name} · ${set.name}: ${questions.length} questions (${inScope} in scope)${unresolved ? `, ${unresolved} labels name no section of this import` : ''}`);
      console.log(formatReport('Opari', row.ours));
      console.log(formatReport('MiniSearch (defaults)', row.theirs));
      if (showMisses) {
        for (const m of row.ours.misses)
          console.log(`  miss [${m.question.lang}] ${m.question.q}\n      want ${m.question.accept.join(', ') || '(decline)'}; got ${m.ranked.slice(0, 3).join(', ') || '(declined)'}`);
        for (const m of row.ours.factMisses)
          console.log(`  fact [${m.question.lang}] ${m.question.q}  /${m.question.fact}/\n      got ${m.ranked[0] ?? '(declined)'}: ${(m.quoted ?? '').replace(/\n/g, ' | ').slice(0, 160)}`);
      }
    }
  } finally {
    await bot.stop();
  }
  return rows;
}

function summary(rows: Row[]): void {
  const pct = (x: number) => `${(100 * x).toFixed(1)}`.padStart(5);
  console.log('\n== Summary (Opari | MiniSearch): top-1, top-3, passage holds the fact, out-of-scope declined, in-scope declined');
  for (const r of rows) {
    const o = r.ours;
    const facts = o.facts ? `${pct(o.factsQuoted / o.facts)} (${o.factsQuoted}/${o.facts})` : '      -      ';
    console.log(
      `  ${`${r.target} · ${r.set}`.padEnd(44)} ${pct(o.top1)} ${pct(o.top3)}  ${facts}  ${o.outOfScope ? pct(o.declined) : '    -'}  ${pct(o.falseDeclines)}  |  ${pct(r.theirs.top1)} ${pct(r.theirs.top3)}`,
    );
  }
}

async function main(): Promise<number> {
  const { values } = commandLine(
    { options: { set: { type: 'string' }, only: { type: 'string' }, dir: { type: 'string' }, misses: { type: 'boolean', default: false } } },
    'Usage: npm run eval -- [--set NAME] [--only plan|plain|finnish|real] [--dir FOLDER] [--misses]',
    ({ values }) =>
      values.only && !['plan', 'plain', 'finnish', 'real'].includes(values.only)
        ? `--only must be plan, plain, finnish or real (got ${values.only})`
        : values.dir && !existsSync(values.dir)
          ? `--dir: no folder ${values.dir}`
          : undefined,
  );
  const wanted = (set: string) => !values.set || values.set === set;
  const only = (kind: string) => !values.only || values.only === kind;
  const evalDir = values.dir ?? EVAL_DIR;
  const planSets = planSetNames(evalDir)
    .filter(wanted)
    .map((name) => ({ name, questions: readSet(join(evalDir, `${name}.json`)) }));
  const work = mkdtempSync(join(tmpdir(), 'opari-eval-'));
  const samplePlan = process.env.PLAN_DIR ?? join(CONTENT_DIR, 'plan');
  const targets: Target[] = [];
  if (only('plan') && planSets.length) targets.push({ name: 'sample plan', planDir: samplePlan, sets: planSets });
  if (only('plain') && planSets.length) {
    writeWithoutCrutches(samplePlan, join(work, 'plain'));
    targets.push({ name: 'sample plan, no keywords', planDir: join(work, 'plain'), sets: planSets });
  }
  if (only('finnish') && planSets.length) {
    writeWithoutCrutches(samplePlan, join(work, 'finnish'), true);
    const otherLanguages = planSets.map((set) => ({ ...set, questions: set.questions.filter((q) => q.lang !== 'fi') })).filter((set) => set.questions.length);
    targets.push({ name: 'Finnish text only, sv+en asked', planDir: join(work, 'finnish'), sets: otherLanguages });
  }
  const docs = realDocumentsDir();
  if (only('real') && !docs) console.log('\n(no ../shared/real-documents beside this checkout: real documents skipped)');
  const rows: Row[] = [];
  try {
    for (const t of targets) rows.push(...(await measure(t, values.misses!)));
    for (const doc of only('real') && docs ? realSets(evalDir).filter(wanted) : []) {
      const questions = readSet(join(evalDir, 'real', `${doc}.json`));
      for (const format of ['html', 'docx', 'pdf']) {
        const file = join(docs!, `${doc}.${format}`);
        if (!existsSync(file)) continue;
        const dir = join(work, `${doc}-${format}`);
        await importInto(file, dir);
        rows.push(...(await measure({ name: `${doc} ${format}`, planDir: dir, sets: [{ name: 'real', questions }] }, values.misses!)));
      }
    }
    summary(rows);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    console.error(`eval failed: ${err.message}`);
    process.exit(1);
  },
);
