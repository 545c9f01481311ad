import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { EvalQuestion } from '../eval/metrics';
import type { Lang } from '../i18n';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../store/embedded';
import { ask, spawnBot } from './botProcess';

/**
 * Turns under load: C conversations at once, each sending its next message as soon as the last was answered,
 * against one bot process and one store. Help turns ("apua": a card, no search) and answer turns (a plan
 * question: search, answer card, citations) run in alternating rounds, so both see the same machine; the
 * store's requests are counted per turn. Each conversation keeps to one language (fi, sv, en in turn), as
 * a person does: its help word and its questions are in that language.
 */
const HELP: Record<Lang, string> = { fi: 'apua', sv: 'hjälp', en: 'help' };
const LANGS: Lang[] = ['fi', 'sv', 'en'];
interface TurnFigures {
  turnsPerSecond: number;
  reads: number;
  writes: number;
  /** The bot process's own CPU time per turn (user + system, from /proc; undefined where there is none). */
  botCpuMs?: number;
}
export interface LoadFigures {
  help: TurnFigures;
  answer: TurnFigures;
}

/**
 * CPU time a process has used so far, in ms (Linux /proc/<pid>/stat: utime + stime in clock ticks of 1/100 s).
 * Throughput moves with whatever else this machine does; the bot's own CPU time per turn moves less.
 */
function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

function isWrite(req: IncomingMessage): boolean {
  if (!/\/docs(\/|$)/.test(req.url ?? '')) return false;
  if (req.method === 'POST') return req.headers['x-ms-documentdb-isquery'] === undefined;
  return req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE';
}

export async function loadBench(questions: EvalQuestion[], conversations = 10, rounds = 4, roundMs = 2500): Promise<LoadFigures> {
  const cosmos = await startEmbeddedCosmos();
  const counts = { reads: 0, writes: 0 };
  cosmos.server.on('request', (req: IncomingMessage) => {
    if (!/\/docs(\/|$)/.test(req.url ?? '')) return;
    if (isWrite(req)) counts.writes++;
    else counts.reads++;
  });
  const bot = await spawnBot({ COSMOS_ENDPOINT: cosmos.endpoint, COSMOS_KEY: EMBEDDED_KEY, COSMOS_DATABASE: 'load' });
  const totals = { help: { turns: 0, ms: 0, reads: 0, writes: 0, cpu: 0 }, answer: { turns: 0, ms: 0, reads: 0, writes: 0, cpu: 0 } };
  let measuredCpu = true;
  try {
    const inLang = Object.fromEntries(LANGS.map((l) => [l, questions.filter((q) => q.lang === l).map((q) => q.q)])) as Record<Lang, string[]>;
    const text = (kind: 'help' | 'answer', c: number, n: number) => {
      const lang = LANGS[c % LANGS.length];
      return kind === 'help' ? HELP[lang] : inLang[lang][n % inLang[lang].length];
    };
    const run = async (kind: 'help' | 'answer', ms: number, record: boolean) => {
      const before = { ...counts };
      const cpuBefore = cpuMs(bot.proc.pid);
      const started = Date.now();
      let turns = 0;
      await Promise.all(
        Array.from({ length: conversations }, async (_, c) => {
          for (let n = c * 7; Date.now() - started < ms; n++) {
            await ask(bot.url, text(kind, c, n), 'fi-FI', `a:load-${c}`, `29:load-${c}`);
            turns++;
          }
        }),
      );
      if (!record) return;
      const t = totals[kind];
      t.turns += turns;
      t.ms += Date.now() - started;
      t.reads += counts.reads - before.reads;
      t.writes += counts.writes - before.writes;
      const cpuAfter = cpuMs(bot.proc.pid);
      if (cpuBefore === undefined || cpuAfter === undefined) measuredCpu = false;
      else t.cpu += cpuAfter - cpuBefore;
    };
    await run('help', 1000, false); // warm-up: JIT, the state documents of each conversation
    await run('answer', 1000, false);
    for (let r = 0; r < rounds; r++) {
      await run(r % 2 ? 'answer' : 'help', roundMs, true);
      await run(r % 2 ? 'help' : 'answer', roundMs, true);
    }
  } finally {
    await bot.stop();
    await cosmos.stop();
  }
  const figures = (t: (typeof totals)['help']): TurnFigures => ({
    turnsPerSecond: (t.turns * 1000) / t.ms,
    reads: t.reads / t.turns,
    writes: t.writes / t.turns,
    ...(measuredCpu ? { botCpuMs: t.cpu / t.turns } : {}),
  });
  return { help: figures(totals.help), answer: figures(totals.answer) };
}
