import { collapseSpace } from './blocks';

/**
 * A heading's own number, as people cite it: "3.2" (kohta 3.2), "15 §", "2 luku", "1 kap.", "II", "A".
 * The number is part of the section's identity; the rest of the heading is its title.
 */
export type NumberKind = 'chapter' | 'paragraph' | 'decimal' | 'roman' | 'letter';

export interface HeadingNumber {
  number?: string;
  /** The heading without its number. */
  title: string;
  kind?: NumberKind;
  /** 3 → 1, 3.2 → 2, 3.2.1 → 3; 1 for the other kinds. */
  depth: number;
}

/** "2 luku", "1 kap.", "3 kapitlet", "Luku 3", "Kapitel IV", "Chapter 2". */
const CHAPTER = /^(\d{1,3}\s?[a-z]?\s+(?:luku|kap\.|kap|kapitlet|kapitel)|(?:luku|kapitel|chapter)\s+(?:\d{1,3}|[IVXLC]{1,6}))[.:]?\s+(?=\S)/iu;
/** "15 §", "15 a §", "15a§" (statutes and plans that follow them). */
const PARAGRAPH = /^(\d{1,3}(?:\s?[a-z])?\s?§)\.?\s+(?=\S)/u;
/** "3", "3.2", "3.2.1", "3.2." */
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3}){0,5})\.?\s+(?=\S)/u;
/** "II", "IV." before a capitalised word. */
const ROMAN = /^((?=[IVXLC])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3}))\.?\s+(?=\p{Lu})/u;
/** "A.", "B)" before a capitalised word. */
const LETTER = /^([A-Z])[.)]\s+(?=\p{Lu})/u;

export function splitNumber(heading: string): HeadingNumber {
  const text = collapseSpace(heading);
  const tries: [RegExp, NumberKind][] = [
    [CHAPTER, 'chapter'],
    [PARAGRAPH, 'paragraph'],
    [DECIMAL, 'decimal'],
    [ROMAN, 'roman'],
    [LETTER, 'letter'],
  ];
  for (const [pattern, kind] of tries) {
    const m = pattern.exec(text);
    const title = m ? text.slice(m[0].length).trim() : '';
    if (!m || !title || !m[1]) continue;
    const number = collapseSpace(m[1])
      .replace(/(\d)\s?([a-z])\s?§$/, '$1 $2 §')
      .replace(/(\d[a-z]?)§$/, '$1 §');
    return { number, title, kind, depth: kind === 'decimal' ? number.split('.').length : 1 };
  }
  return { title: text, depth: 1 };
}

/** A key shared by headings numbered alike: "decimal:2" for every "3.2"-style heading. */
export const numberSignature = (n: HeadingNumber): string | undefined => (n.kind ? `${n.kind}:${n.depth}` : undefined);
