import { z } from 'zod';
import { readYamlFile } from '../yamlFile';
import { isStopword, type Lang, LANGS, remember, stem, words } from './analyze';

/**
 * Everyday words of schools and statutes in fi, sv and en (content/lexicon.yml): how a question word the plan
 * never writes reads in the plan's languages. An English question on a Finnish-only plan ("right", "search",
 * "confiscated") meets "oikeus", "tarkastaa", "haltuun"; a Swedish question on a Swedish statute ("jobb") meets the
 * word of the same sense the statute writes ("arbete"). Unlike the glossary's concepts, these are read on the
 * question side only, for a word the plan does not know or only seems to (English "term" is not the plan's "termit"):
 * the plan's own text and questions in its language are read as before.
 */
const row = z.object({
  fi: z.array(z.string()).default([]),
  sv: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
});
export type LexiconRow = z.infer<typeof row>;

const NONE: readonly never[] = [];
const NEAR_MIN = 4;
const NEAR_EXTRA = 3;

export class Lexicon {
  /** Per language, a one-word term's stem → the rows it is in. */
  private readonly byStem: Record<Lang, Map<string, number[]>> = { fi: new Map(), sv: new Map(), en: new Map() };
  /**
   * Per language, a one-word term as written → the rows it is in: a word written as a row writes it is read in that
   * row only, where the stem is shared by words of other senses ("förbjuda", to forbid, and "förbjudet", forbidden).
   */
  private readonly byWord: Record<Lang, Map<string, number[]>> = { fi: new Map(), sv: new Map(), en: new Map() };
  /** Per row and language, the stems of its terms' words (a multiword term gives each of its words). */
  private readonly stems: Record<Lang, string[]>[];
  private readonly cache = new Map<string, readonly string[]>();
  /** Per language, terms of two or more content words by their first word's stem: the row and every word's stem. */
  private readonly phrases: Record<Lang, Map<string, { row: number; stems: string[] }[]>> = { fi: new Map(), sv: new Map(), en: new Map() };

  constructor(rows: LexiconRow[]) {
    this.stems = rows.map((r, i) => {
      const out: Record<Lang, string[]> = { fi: [], sv: [], en: [] };
      for (const lang of LANGS) {
        for (const term of r[lang]) {
          const ws = words(term).filter((w) => !isStopword(w));
          out[lang].push(...ws.map((w) => stem(w, lang)).filter((s) => s.length >= 3));
          if (ws.length > 1) {
            const stems = ws.map((w) => stem(w, lang));
            const list = this.phrases[lang].get(stems[0]) ?? [];
            list.push({ row: i, stems });
            this.phrases[lang].set(stems[0], list);
          }
          if (ws.length !== 1) continue;
          for (const [map, key] of [
            [this.byStem[lang], stem(ws[0], lang)],
            [this.byWord[lang], ws[0]],
          ] as const) {
            const list = map.get(key) ?? [];
            if (!list.includes(i)) list.push(i);
            map.set(key, list);
          }
        }
      }
      return out;
    });
  }

  /**
   * The stems a word may stand for in the plan's languages `into`: its translations, and in its own language the
   * other words of its sense ("jobb": arbete). Not on a plan written in every language, whose own words answer.
   * `from`: the languages the word is read in (every one, unless the caller knows).
   */
  translations(word: string, into: readonly Lang[], from: readonly Lang[] = LANGS): readonly string[] {
    if (into.length === LANGS.length) return NONE;
    return remember(this.cache, `${into.join(',')}<${from.join(',')}:${word}`, 50_000, () => this.fresh(word, into, from));
  }

  private fresh(word: string, into: readonly Lang[], langs: readonly Lang[]): readonly string[] {
    const out = new Set<string>();
    for (const from of langs) {
      const own = stem(word, from);
      for (const i of this.byWord[from].get(word) ?? this.rowsOf(own, from)) {
        for (const to of into) for (const s of this.stems[i][to]) if (to !== from || s !== own) out.add(s);
      }
    }
    return [...out];
  }

  /**
   * Terms of two or more content words ("student union", "lower secondary") in the question's content words `ws`, read
   * in `lang`: where each starts and ends, and its row's stems in the languages `into`. A question is read word by
   * word (`translations`), which never finds such a term.
   */
  phrasesIn(ws: readonly string[], lang: Lang, into: readonly Lang[]): { start: number; end: number; stems: string[] }[] {
    const out: { start: number; end: number; stems: string[] }[] = [];
    const stems = ws.map((w) => stem(w, lang));
    stems.forEach((first, i) => {
      for (const p of this.phrases[lang].get(first) ?? []) {
        if (i + p.stems.length > stems.length || !p.stems.every((s, k) => stems[i + k] === s)) continue;
        out.push({ start: i, end: i + p.stems.length, stems: into.flatMap((to) => this.stems[p.row][to]) });
      }
    });
    return out;
  }

  /** Whether the word is one of the lexicon's own words of `lang` ("term" in English: lukukausi, not termi). */
  isWordOf(word: string, lang: Lang): boolean {
    return this.byStem[lang].has(stem(word, lang));
  }

  /**
   * The rows of a stem, or of the longest term it extends by an ending the stemmer left (skolan, skolans: skola),
   * at most `NEAR_EXTRA` letters past a term of at least `NEAR_MIN`.
   */
  private rowsOf(st: string, lang: Lang): readonly number[] {
    const exact = this.byStem[lang].get(st);
    if (exact) return exact;
    for (let len = st.length - 1; len >= Math.max(NEAR_MIN, st.length - NEAR_EXTRA); len--) {
      const rows = this.byStem[lang].get(st.slice(0, len));
      if (rows) return rows;
    }
    return NONE;
  }

  /** `file` may be missing: a region without a lexicon reads questions by the glossary alone. */
  static load(file: string): Lexicon {
    return new Lexicon(readYamlFile(file, z.array(row), []));
  }
}
