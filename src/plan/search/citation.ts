/**
 * A question that cites a section by its number ("mitä 43 § sanoo", "luvussa 5", "kohta 8.12", "3 kap.",
 * "section 1.4") asks for the section the document prints with that number. Statutes number their sections
 * "43 §" and their chapters "5 luku" / "3 kap."; a plan numbers its headings "8.12". The number is read only
 * next to § or a word that says it is a number of the text (pykälä, luku, kohta, paragraf, kapitel, avsnitt,
 * section, chapter): a bare "15.3." is a date, and "OHL 18 §" on a plan without § sections cites nothing in it.
 */

/** What kind of number: a statute's section (§), a chapter, a heading's plain number (8.12), or § or plain (English "section"). */
type Kind = 'section' | 'chapter' | 'plain' | 'any';

export interface Citation {
  kind: Kind;
  /** The number, lowercase without spaces: "43", "16a", "8.12". */
  key: string;
}

const NUM = String.raw`(\d{1,3}(?:\.\d{1,3})*(?:\s?[a-z](?![\p{L}\d]))?)(?![\d.]*\d)`;
const SECTION_WORDS = 'pykälä|pykälän|pykälässä|pykälästä|pykälään|pykälällä|paragraf|paragrafen|paragrafens';
const CHAPTER_WORDS = 'luku|luvun|luvussa|luvusta|lukuun|luvulla|kapitel|kapitlet|kapitlets|kap|chapter';
const PLAIN_WORDS = 'kohdan|kohdassa|kohdasta|kohtaan|osio|osion|osiossa|osiosta|avsnitt|avsnittet|punkt|punkten';
const ANY_WORDS = 'section|sektion';

const PATTERNS: { kind: Kind; re: RegExp }[] = [
  // "43 §", "43 §:n", "16 a §", "§ 43", "§§ 43"
  { kind: 'section', re: new RegExp(String.raw`(\d{1,3}(?:\s?[a-z])?)\s?§`, 'giu') },
  { kind: 'section', re: new RegExp(String.raw`§{1,2}\s?${NUM}`, 'giu') },
  ...(
    [
      ['section', SECTION_WORDS],
      ['chapter', CHAPTER_WORDS],
      ['plain', PLAIN_WORDS],
      ['any', ANY_WORDS],
    ] as const
  ).flatMap(([kind, ws]) => [
    // "pykälässä 43", "kapitel 3", "section 1.4"
    { kind, re: new RegExp(String.raw`(?<![\p{L}])(?:${ws})\.?\s+${NUM}`, 'giu') },
    // "43. pykälässä", "3 kap.", "5 luvun", "8.12 kohta" ("kohta 3" before a number is "soon": not read)
    { kind, re: new RegExp(String.raw`(?<![\p{L}\d.])(\d{1,3}(?:\.\d{1,3})*)\.?\s+(?:${kind === 'plain' ? `kohta|${ws}` : ws})(?![\p{L}])`, 'giu') },
  ]),
  // "kohta 8.12": a dotted number after "kohta" is a heading's (Finnish writes a decimal with a comma)
  { kind: 'plain', re: new RegExp(String.raw`(?<![\p{L}])kohta\s+(\d{1,3}(?:\.\d{1,3})+)(?![\d.]*\d)`, 'giu') },
];

const key = (n: string): string => n.toLowerCase().replace(/\s+/g, '').replace(/\.$/, '');

/** The numbers a question cites, with what kind of number each is. */
export function citedNumbers(question: string): Citation[] {
  if (!/\d/.test(question)) return [];
  const out: Citation[] = [];
  for (const { kind, re } of PATTERNS) {
    for (const m of question.matchAll(re)) out.push({ kind, key: key(m[1]) });
  }
  return out;
}

/** A section's printed number (plan/import/numbering.ts) as a citation target: "43 §", "5 luku", "Luku 4", "3 kap.", "8.12". */
function numberOf(printed: string): Citation | undefined {
  const s = printed.trim();
  let m = /^(\d{1,3}\s?[a-z]?)\s*§$/iu.exec(s) ?? /^§\s*(\d{1,3}\s?[a-z]?)$/iu.exec(s);
  if (m) return { kind: 'section', key: key(m[1]) };
  m = /^(\d{1,3})\.?\s*(?:luku|kap\.?|kapitel|chapter)$/iu.exec(s) ?? /^(?:luku|kap\.?|kapitel|chapter)\s*(\d{1,3})$/iu.exec(s);
  if (m) return { kind: 'chapter', key: key(m[1]) };
  m = /^(\d{1,3}(?:\.\d{1,3})*)\.?$/u.exec(s);
  if (m) return { kind: 'plain', key: key(m[1]) };
  return undefined;
}

/** Which kinds of printed number a citation of each kind may name. */
const NAMES: Record<Kind, readonly Kind[]> = { section: ['section'], chapter: ['chapter', 'plain'], plain: ['plain'], any: ['section', 'plain'] };

/** The document's numbered sections, by number. */
export class NumberTable {
  private readonly byNumber = new Map<string, number[]>();

  /** `numbers`: per section (by its place in the index), its printed number if it has one. */
  constructor(numbers: readonly (string | undefined)[]) {
    numbers.forEach((printed, doc) => {
      const n = printed && numberOf(printed);
      if (!n) return;
      const k = `${n.kind}:${n.key}`;
      const docs = this.byNumber.get(k);
      if (docs) docs.push(doc);
      else this.byNumber.set(k, [doc]);
    });
  }

  /**
   * The sections the citations name. A statute's section is more precise than its chapter: when a question
   * names both ("3 kap. 5 §"), the section alone.
   */
  find(cited: readonly Citation[]): number[] {
    if (cited.length === 0 || this.byNumber.size === 0) return [];
    const found = (kinds: readonly Kind[]) => [...new Set(cited.filter((c) => kinds.includes(c.kind)).flatMap((c) => NAMES[c.kind].flatMap((k) => this.byNumber.get(`${k}:${c.key}`) ?? [])))];
    const precise = found(['section', 'plain', 'any']);
    return precise.length > 0 ? precise : found(['chapter']);
  }
}
