import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { loadPlan } from '../../src/plan/load';
import type { Plan } from '../../src/plan/model';
import { loadPlanCached } from '../../src/plan/parsedPlanCache';
import { CONTENT_DIR } from '../../src/paths';

/** The plan as plain data: a cached plan's Map comes from outside the test's realm, which toEqual cannot read. */
const plain = (plan: Plan) => JSON.parse(JSON.stringify({ ...plan, sections: [...plan.sections] })) as unknown;

describe('the start-up cache of the parsed plan', () => {
  let dir: string;
  let planDir: string;
  let cache: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'opari-plan-cache-'));
    planDir = join(dir, 'plan');
    cpSync(join(CONTENT_DIR, 'plan'), planDir, { recursive: true });
    cache = join(dir, 'plan.v8');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the next start the plan this one parsed, equal to parsing it again', () => {
    const first = loadPlanCached(planDir, cache);
    expect(first.cached).toBe(false);
    const second = loadPlanCached(planDir, cache);
    expect(second.cached).toBe(true);
    expect(plain(second.plan)).toEqual(plain(loadPlan(planDir)));
    expect(second.plan.sections.size).toBe(first.plan.sections.size);
  });

  it('is read back, not parsed: a title changed inside the cache shows', () => {
    loadPlanCached(planDir, cache);
    const saved = deserialize(readFileSync(cache)) as { key: string; plan: Plan };
    saved.plan.sections.get('avustajakriteerit')!.title.fi = 'from-the-cache';
    writeFileSync(cache, serialize(saved));
    expect(loadPlanCached(planDir, cache).plan.sections.get('avustajakriteerit')?.title.fi).toBe('from-the-cache');
  });

  it('parses again when a file of the plan changed, and the change shows', () => {
    loadPlanCached(planDir, cache);
    const file = join(planDir, 'avustajakriteerit.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(title:\s*\n\s*fi:) .*/, '$1 Avustajat muutettu'));
    const after = loadPlanCached(planDir, cache);
    expect(after.cached).toBe(false);
    expect(after.plan.sections.get('avustajakriteerit')?.title.fi).toBe('Avustajat muutettu');
    expect(loadPlanCached(planDir, cache).cached).toBe(true);
  });

  it('ignores a broken cache file and one with another key', () => {
    writeFileSync(cache, 'not a serialized plan');
    expect(loadPlanCached(planDir, cache).cached).toBe(false);
    const saved = deserialize(readFileSync(cache)) as { key: string };
    writeFileSync(cache, serialize({ ...saved, key: 'another build' }));
    const again = loadPlanCached(planDir, cache);
    expect(again.cached).toBe(false);
    expect(plain(again.plan)).toEqual(plain(loadPlan(planDir)));
  });
});
