import { join } from 'node:path';
import { Glossary } from '../plan/glossary';
import { loadPlan } from '../plan/load';
import type { Block, Plan, PlanSection } from '../plan/model';
import { PlanIndex } from '../plan/search';
import { CONTENT_DIR } from '../paths';
import { commandLine } from './args';

/**
 * Run as its own process by `npm run bench` (so its memory is the index's alone): builds the index of a
 * plan of SECTIONS sections (its one argument, 2500 by default) and prints one JSON line with the build time
 * and the process's peak RSS.
 * The plan is the sample plan repeated with every copy's texts reworded (each text's words rotated), so no
 * two sections share a text, as in a real plan that long.
 */

function rotate(text: string, k: number): string {
  const w = text.split(' ');
  if (w.length < 2 || k === 0) return text;
  const r = k % w.length;
  return [...w.slice(r), ...w.slice(0, r)].join(' ');
}

function reworded(body: PlanSection['body'], k: number): PlanSection['body'] {
  const out: Partial<Record<string, Block[]>> = {};
  for (const [lang, blocks] of Object.entries(body)) {
    out[lang] = blocks!.map((b) => (b.kind === 'list' ? { ...b, items: b.items.map((i) => rotate(i, k)) } : b.kind === 'paragraph' ? { ...b, text: rotate(b.text, k) } : b));
  }
  return out as PlanSection['body'];
}

export function largePlan(plan: Plan, size: number): Plan {
  const sections = new Map<string, PlanSection>();
  const base = [...plan.sections.values()];
  for (let k = 0; sections.size < size; k++) {
    for (const s of base) {
      if (sections.size >= size) break;
      const id = k === 0 ? s.id : `${s.id.replace('/', '-')}-${k}`;
      sections.set(id, { ...s, id, body: reworded(s.body, k), parentId: k === 0 ? s.parentId : undefined, childIds: k === 0 ? s.childIds : [] });
    }
  }
  return { ...plan, sections, topLevel: [...sections.values()].filter((s) => !s.parentId).map((s) => s.id) };
}

if (require.main === module) {
  const { positionals } = commandLine({ allowPositionals: true }, 'Usage: node dist/cli/indexBench.js [SECTIONS]   (default 2500)', ({ positionals }) =>
    positionals.length > 1 || (positionals[0] !== undefined && !/^[1-9][0-9]*$/.test(positionals[0])) ? 'SECTIONS is one whole number' : undefined,
  );
  const plan = largePlan(loadPlan(join(CONTENT_DIR, 'plan')), Number(positionals[0] ?? 2500));
  const glossary = Glossary.load(join(CONTENT_DIR, 'glossary.yml'));
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const index = new PlanIndex(plan, glossary);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const used = process.cpuUsage(cpu);
  index.search('kuka päättää oppilaan tuesta');
  console.log(JSON.stringify({ sections: index.size, ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000), peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024) }));
}
