import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Lang } from '../../src/plan/analyze';
import type { PlanService } from '../../src/plan/answer';

/**
 * A plan of a few sections in a temporary directory, as a region's own plan is (one language, no keywords), for
 * search tests: each section is [id, title, body] or [id, title, body, its printed number], in order. `lang` other than fi
 * is written as the plan's language.
 */
export function tinyPlan(name: string, sections: [id: string, title: string, body: string, number?: string][], lang: Lang = 'fi'): string {
  const dir = mkdtempSync(join(tmpdir(), `opari-${name}-`));
  // The plan's language is its _plan.yml's: a body with no language marker is in it.
  if (lang !== 'fi') writeFileSync(join(dir, '_plan.yml'), `lang: ${lang}\n`);
  sections.forEach(([id, title, body, number], i) =>
    writeFileSync(
      join(dir, `${id}.md`),
      `---\nid: ${id}\norder: ${i + 1}\n${number ? `number: "${number}"\n` : ''}${lang === 'fi' ? '' : `lang: ${lang}\n`}title:\n  ${lang}: ${title}\n---\n${body}\n`,
    ),
  );
  return dir;
}

/** The section a question is answered from, or undefined when the plan declines it. */
export function bestSection(plan: PlanService, lang: Lang): (question: string) => string | undefined {
  return (question) => {
    const a = plan.answer(question, lang);
    return a.kind === 'answer' ? a.best.id : undefined;
  };
}
