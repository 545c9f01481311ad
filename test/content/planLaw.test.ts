import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { formCatalog } from '../../src/forms/registry';
import { loadSchools } from '../../src/forms/schools';
import { ROOT } from '../helpers/bot';
import { ACTS, type Citation, citationsIn, planCitations } from './citations';

/**
 * Staff act on the section numbers Opari quotes. The plan and the forms may cite only sections that the
 * domain notes confirm; confirmed-sections.yml lists them, each with the notes' line and a verbatim quote.
 */
const row = z
  .object({
    act: z.enum(ACTS.map((a) => a.id) as [string, ...string[]]),
    section: z.string().regex(/^\d{1,3}( [a-i])?$/),
    subsection: z.number().int().positive().optional(),
    line: z.number().int().positive(),
    quote: z.string().min(8),
  })
  .strict();
const table = z.array(row).parse(parseYaml(readFileSync(join(__dirname, 'confirmed-sections.yml'), 'utf8')));

const label = (c: Pick<Citation, 'act' | 'section' | 'subsection'>): string => `${c.act ?? '(act unknown)'} ${c.section} §${c.subsection ? ` ${c.subsection} mom.` : ''}`;

/** Citations not in the table: a section must be listed; a subsection must be listed with its number. */
function unconfirmed(citations: Citation[]): string[] {
  const ok = (c: Citation): boolean =>
    !!c.act && table.some((r) => r.act === c.act && r.section === c.section && (c.subsection === undefined || r.subsection === c.subsection));
  return [...new Set(citations.filter((c) => !ok(c)).map((c) => `${c.file} (${c.where}): ${label(c)} — "${c.text}"`))];
}

describe('the plan cites only section numbers the domain notes confirm', () => {
  it('reads each way the plan writes a citation, in three languages', () => {
    const cite = (text: string) => citationsIn(text, 'x.md', 'fi').map(label);
    expect(cite('(Perusopetuslaki 29 § 7 mom.)')).toEqual(['POL 29 § 7 mom.']);
    expect(cite('perusopetuslain 20 e §:n mukainen suunnitelma')).toEqual(['POL 20 e §']);
    expect(cite('Lastensuojelulain 25 §:n 3 momentin mukaan')).toEqual(['LSL 25 § 3 mom.']);
    expect(cite('OHL 5 § 1 mom., 15 § ja 16 §')).toEqual(['OHL 5 § 1 mom.', 'OHL 15 §', 'OHL 16 §']);
    expect(cite('enligt 24 § 1 mom. 30 och 32 punkten i offentlighetslagen')).toEqual(['JulkL 24 § 1 mom.']);
    expect(cite('25 § 3 mom. i barnskyddslagen')).toEqual(['LSL 25 § 3 mom.']);
    expect(cite('(Basic Education Act section 40(2))')).toEqual(['POL 40 § 2 mom.']);
    expect(cite('Under section 16 of the Pupil and Student Welfare Act')).toEqual(['OHL 16 §']);
    expect(cite('(Administrative Procedure Act section 53 b(1))')).toEqual(['HL 53 b § 1 mom.']);
    expect(cite('Perusopetuslaki 36 d–f §')).toEqual(['POL 36 d §', 'POL 36 e §', 'POL 36 f §']);
    // A bare number belongs to the act named last before it, or to the file's first act.
    expect(cite('lagen om grundläggande utbildning 20 e § … (20 h §)')).toEqual(['POL 20 e §', 'POL 20 h §']);
    expect(citationsIn('(18 §)', 'x.md', 'fi', 'POL').map(label)).toEqual(['POL 18 §']);
    expect(citationsIn('(18 §)', 'x.md', 'fi').map(label)).toEqual(['(act unknown) 18 §']);
  });

  it('flags a section the notes do not confirm, and a subsection they do not list', () => {
    expect(unconfirmed(citationsIn('Ryhmät (OHL 14 §) ja kertomus (OHL 20 §); kuntoutus OHL 15 §.', 'x.md', 'fi'))).toEqual([
      'x.md (fi): OHL 14 § — "14 §"',
      'x.md (fi): OHL 20 § — "20 §"',
    ]);
    expect(unconfirmed(citationsIn('(Perusopetuslaki 29 § 7 mom.) (Perusopetuslaki 29 § 4 mom.)', 'x.md', 'fi'))).toEqual(['x.md (fi): POL 29 § 7 mom. — "29 § 7 mom."']);
    expect(unconfirmed(citationsIn('(18 §)', 'x.md', 'fi'))).toEqual(['x.md (fi): (act unknown) 18 § — "18 §"']);
  });

  it('content/plan: every `law:` entry, keyword and body citation is in confirmed-sections.yml', () => {
    const citations = planCitations(join(ROOT, 'content', 'plan'));
    expect(citations.length).toBeGreaterThan(500);
    expect(unconfirmed(citations)).toEqual([]);
  });

  it("the forms' titles, introductions, labels and choices cite only confirmed sections, each with its act", () => {
    const forms = formCatalog(loadSchools(join(ROOT, 'content', 'schools.yml')));
    const citations = [...forms.values()].flatMap((f) =>
      (['fi', 'sv', 'en'] as const).flatMap((lang) =>
        [f.title, f.intro, ...f.fields.flatMap((x) => [x.label, ...(x.choices ?? []).map((c) => c.title)])].flatMap((t) => citationsIn(t[lang], `forms/${f.id}`, lang)),
      ),
    );
    expect(citations.length).toBeGreaterThan(10);
    expect(unconfirmed(citations)).toEqual([]);
  });

  // The notes live beside the checkouts (shared/domain), not in the repository: checked where they are.
  const notesFile = [process.env.DOMAIN_NOTES, join(ROOT, '..', 'shared', 'domain', 'student-welfare-fi.md'), join(ROOT, '..', '..', 'shared', 'domain', 'student-welfare-fi.md')].find(
    (f): f is string => !!f && existsSync(f),
  );
  (notesFile ? it : it.skip)('each row quotes its line of the domain notes, and that line is tagged confirmed [C]', () => {
    const lines = readFileSync(notesFile!, 'utf8').split('\n');
    const wrong = table.filter((r) => !(lines[r.line - 1] ?? '').includes(r.quote) || !/\[C\b|\| C\b/.test(lines[r.line - 1] ?? '')).map((r) => `${label(r)} line ${r.line}`);
    expect(wrong).toEqual([]);
  });
});
