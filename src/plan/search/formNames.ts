import { fold, isStopword, type Lang, LANGS, stem, stemsAnyLang, words } from '../analyze';
import type { PlanSection } from '../model';

/**
 * A form named in a question ("tuen tarve -lomakkeeseen voiko kirjoittaa…", "kirjataanko siitäkin uusi asia
 * -lomake?", "nivelvaihelomakkeeseen", "the kotiopetus form") names the section a plan gives that form: a section
 * whose title leads with the form's name before a colon ("Tuen tarve: oppilaskohtaisen tuen tarpeen arviointi").
 * The name counts only next to a word for a form (lomake, blankett, form), before or after it or as the first
 * part of its compound: "tuen tarve" alone is the need for support, which many sections are about.
 */

/** The word for a form in each language, as stemmed. */
const FORM_WORD: Record<Lang, string> = { fi: 'lomake', sv: 'blankett', en: 'form' };
const FORM_STEMS: ReadonlySet<string> = new Set(LANGS.map((l) => stem(FORM_WORD[l], l)));
/** A name of more words is a description, not a form's name; one of fewer letters ("A: …", an appendix) is a label. */
const MAX_NAME_WORDS = 3;
const MIN_NAME_LETTERS = 4;
/** A question names a form or two; one that writes a form word more often than this is read up to here (a pasted text). */
const MAX_FORM_WORDS = 8;

interface FormName {
  doc: number;
  lang: Lang;
  /** Its words stemmed the way of its language. */
  stems: string[];
  /** Its words written together, folded: the first part of a compound ("nivelvaihe-lomakkeeseen"). */
  joined: string;
}

const isFormWord = (w: string): boolean => stemsAnyLang(w).some((s) => FORM_STEMS.has(s));
/** A form word's stem, which every form of it holds (folded): a word without one is neither one nor a compound ending in one. */
const FORM_LETTERS = new RegExp([...FORM_STEMS].join('|'));

export class FormNames {
  private readonly names: FormName[] = [];

  constructor(titles: readonly PlanSection['title'][]) {
    titles.forEach((title, doc) => {
      for (const lang of LANGS) {
        const t = title[lang];
        const colon = t?.indexOf(':') ?? -1;
        if (!t || colon <= 0) continue;
        const ws = words(t.slice(0, colon));
        // A name of function words alone ("A", "Se") would be met in "a form", "se lomake".
        if (ws.length === 0 || ws.length > MAX_NAME_WORDS || ws.every(isStopword) || ws.join('').length < MIN_NAME_LETTERS) continue;
        this.names.push({ doc, lang, stems: ws.map((w) => stem(w, lang)), joined: fold(ws.join('')) });
      }
    });
  }

  /** The sections whose form the question names (`ws`: its words, as `words` gives them). */
  named(ws: readonly string[]): number[] {
    if (this.names.length === 0) return [];
    const out = new Set<number>();
    let read = 0;
    for (let i = 0; i < ws.length && read < MAX_FORM_WORDS; i++) {
      // Most questions name no form: one test per word, and the names are read only for a word that may be one.
      const folded = fold(ws[i]);
      if (!FORM_LETTERS.test(folded)) continue;
      read++;
      const whole = isFormWord(ws[i]);
      for (const n of this.names) {
        if (out.has(n.doc)) continue;
        const k = n.stems.length;
        const at = (from: number) => from >= 0 && from + k <= ws.length && n.stems.every((s, j) => stem(ws[from + j], n.lang) === s);
        if (whole ? at(i - k) || at(i + 1) : folded.length > n.joined.length + 3 && folded.startsWith(n.joined) && isFormWord(folded.slice(n.joined.length))) out.add(n.doc);
      }
    }
    return [...out];
  }
}

/** "Lomakkeella ohjataan…", "The form is used to…", "Med blanketten bedöms…": the opening words of a text about a form. */
const FORM_OPENING = /^(lomakkeella|lomakkeen|lomake|the form|this form|med blanketten|blanketten)\b/;

/**
 * Whether a section describes a form: its text opens on the form, in some language (a plan's forms chapter). Such a
 * section repeats what the topical sections say and answers only a question about the form first (prior.ts).
 */
export function describesForm(body: PlanSection['body']): boolean {
  return LANGS.some((l) => {
    const first = body[l]?.find((b) => b.kind !== 'heading');
    return first?.kind === 'paragraph' && FORM_OPENING.test(fold(first.text.toLowerCase()));
  });
}

/** Whether a question speaks of a form: a form word, or a compound of one ("nivelvaihelomakkeeseen"). */
export function speaksOfForm(ws: readonly string[]): boolean {
  return ws.some((w) => isFormWord(w) || /lomak|blankett/.test(fold(w)));
}
