import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { EvalQuestion } from '../eval/metrics';
import type { Lang } from '../i18n';
import { EMBEDDED_KEY, startEmbeddedCosmos } from '../store/embedded';
import { ask, spawnBot } from './botProcess';
import { pct } from './percentile';

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
  /**
   * The same comparison pair by pair: each pair is a short help round and a short answer round back to back
   * (which goes first alternates), so both see the same moment of a machine whose other work comes and goes.
   * The median of the pairs' ratios, and the spread of the middle half.
   */
  pairs: { n: number; ratio: Spread; cpuRatio?: Spread };
  /** The first seconds after start, while V8 still compiles each kind of turn: turns/s of its first window. */
  justStarted: { help: number; answer: number };
  /** How long each kind ran before its cost per turn settled (s). */
  warmUpS: { help: number; answer: number };
}

interface Spread {
  median: number;
  q1: number;
  q3: number;
}

function spread(values: number[]): Spread {
  const v = [...values].sort((a, b) => a - b);
  return { median: pct(v, 50), q1: pct(v, 25), q3: pct(v, 75) };
}

/** Warm-up windows: a kind of turn is warm when its last three windows cost within this share of one another. */
export const WARM_WINDOW_MS = 2000;
const WARM_SETTLED = 0.1;
const WARM_MIN_MS = 10_000;
const WARM_MAX_MS = 30_000;

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

export async function loadBench(questions: EvalQuestion[], conversations = 10, pairs = 20, roundMs = 1000): Promise<LoadFigures> {
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
  const justStarted = { help: 0, answer: 0 };
  const warmUpS = { help: 0, answer: 0 };
  const ratios: number[] = [];
  const cpuRatios: number[] = [];
  try {
    const inLang = Object.fromEntries(LANGS.map((l) => [l, questions.filter((q) => q.lang === l).map((q) => q.q)])) as Record<Lang, string[]>;
    const text = (kind: 'help' | 'answer', c: number, n: number) => {
      const lang = LANGS[c % LANGS.length];
      return kind === 'help' ? HELP[lang] : inLang[lang][n % inLang[lang].length];
    };
    const run = async (kind: 'help' | 'answer', ms: number, record: boolean): Promise<{ perSecond: number; cost: number; cpu?: number }> => {
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
      const elapsed = Date.now() - started;
      const cpuAfter = cpuMs(bot.proc.pid);
      const cpuUsed = cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore;
      // Where there is no /proc, the wall time per turn stands in for the CPU time.
      const cost = (cpuUsed ?? elapsed) / turns;
      if (record) {
        const t = totals[kind];
        t.turns += turns;
        t.ms += elapsed;
        t.reads += counts.reads - before.reads;
        t.writes += counts.writes - before.writes;
        if (cpuUsed === undefined) measuredCpu = false;
        else t.cpu += cpuUsed;
      }
      return { perSecond: (turns * 1000) / elapsed, cost, cpu: cpuUsed === undefined ? undefined : cpuUsed / turns };
    };
    /**
     * Warm-up: a freshly started bot spends its first seconds compiling (V8 optimises each function once it is
     * hot, and again when new shapes of data reach it); an answer turn runs far more code than a help turn, so
     * it takes longer (about 4 s of compiling in its first 10 s under this load, against steady state).
     * Each kind runs at least 10 s and until its last three windows cost within 10 % of one another (at most
     * 30 s); the first window is reported apart, as what a bot just started under load manages.
     */
    const warmUp = async (kind: 'help' | 'answer') => {
      const first = await run(kind, WARM_WINDOW_MS, false);
      const costs = [first.cost];
      let ms = WARM_WINDOW_MS;
      while (ms < WARM_MAX_MS) {
        costs.push((await run(kind, WARM_WINDOW_MS, false)).cost);
        ms += WARM_WINDOW_MS;
        // Settled: the last three windows within 10 % of one another.
        const last = costs.slice(-3);
        if (ms >= WARM_MIN_MS && last.length === 3 && Math.max(...last) <= (1 + WARM_SETTLED) * Math.min(...last)) break;
      }
      justStarted[kind] = first.perSecond;
      warmUpS[kind] = ms / 1000;
    };
    await warmUp('help');
    await warmUp('answer');
    for (let r = 0; r < pairs; r++) {
      const first = await run(r % 2 ? 'answer' : 'help', roundMs, true);
      const second = await run(r % 2 ? 'help' : 'answer', roundMs, true);
      const [help, answer] = r % 2 ? [second, first] : [first, second];
      ratios.push(help.perSecond / answer.perSecond);
      if (help.cpu !== undefined && answer.cpu !== undefined && help.cpu > 0) cpuRatios.push(answer.cpu / help.cpu);
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
  return {
    help: figures(totals.help),
    answer: figures(totals.answer),
    pairs: { n: ratios.length, ratio: spread(ratios), ...(cpuRatios.length === ratios.length ? { cpuRatio: spread(cpuRatios) } : {}) },
    justStarted,
    warmUpS,
  };
}
