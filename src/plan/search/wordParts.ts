import { type Lang, stem } from '../analyze';
import { ANALYSIS } from './tuning';
import { NEAR_MAX, type Vocabulary } from './vocabulary';

/**
 * Splitting a question's compound that the plan's own stems cannot split (vocabulary.ts `compoundParts`): as written,
 * each part stemmed alone, in the plan's language or in the question's when the plan is not written in it.
 */

/**
 * A Finnish compound split as written into a head and a last word whose stems the plan has (allergia|lääkkeen), where
 * the compound's stem `st` ends in the last word's own short of its last letter (allergialaak, laake); none if none.
 */
export function writtenParts(word: string, st: string, vocab: Vocabulary): string[] {
  // Each split stems both parts: a pasted token of thousands of letters would take seconds.
  if (word.length > NEAR_MAX) return [];
  for (let i = 4; i <= word.length - ANALYSIS.minPart; i++) {
    const tail = stem(word.slice(i), 'fi');
    // The compound's own stem goes on with the last word's, short of its end: "allergia|laak" and "laake", not
    // "jatkuv" (jatkuvasti, continuously) and "vast".
    if (tail.length < ANALYSIS.minPart || st.endsWith(tail) || !st.slice(i).startsWith(tail.slice(0, -1)) || !vocab.has(tail)) continue;
    const head = stem(word.slice(0, i), 'fi');
    if (head.length >= 3 && vocab.has(head)) return [head, tail];
  }
  return [];
}

/**
 * A compound of a language the plan is not written in, split into a head and a tail that are each a one-word
 * glossary term or lexicon word of that language (integrerings|planen: integrering + plan; a Swedish linking s is
 * dropped), the shortest known head first; none when no split has two known parts.
 */
export function foreignParts(word: string, lang: Lang, glossary: Vocabulary['glossary']): string[] {
  if (lang === 'en' || word.length < 2 * ANALYSIS.minPart) return [];
  const known = (w: string) => glossary.conceptsOfTerm(stem(w, lang)).length > 0 || glossary.lexicon.isWordOf(w, lang);
  for (let i = ANALYSIS.minPart; i <= word.length - ANALYSIS.minPart; i++) {
    const tail = word.slice(i);
    if (!known(tail)) continue;
    const head = word.slice(0, i);
    if (known(head)) return [head, tail];
    if (lang === 'sv' && head.endsWith('s') && head.length > ANALYSIS.minPart && known(head.slice(0, -1))) return [head.slice(0, -1), tail];
  }
  return [];
}
