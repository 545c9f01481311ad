import { fold, isStopword } from './analyze';

/**
 * How a glossary phrase is read in a question's words (glossary.ts `findInQuestion`): the words it spans, with the
 * gaps a question's word order leaves inside it, and the ages and number ranges that are read apart.
 */

export const NUMBER = /^\d+$/;

/**
 * A pupil's age under 18 as a question writes it ("14-vuotias", "13v", "14-åringen", "15-year-old", "14yo"): a minor,
 * whom the law and the plan call "alaikäinen". How many words it takes (0: none).
 */
const AGE_WORD = /^(vuotia|vuotias|vuoti|åring|aring|year)/;
const MINOR_AGE = 18;
export function ageOfMinor(ws: string[], i: number): number {
  const glued = /^(\d{1,2})(v|yo)$/.exec(ws[i]);
  if (glued) return Number(glued[1]) < MINOR_AGE ? 1 : 0;
  return /^\d{1,2}$/.test(ws[i]) && Number(ws[i]) < MINOR_AGE && AGE_WORD.test(ws[i + 1] ?? '') ? 2 : 0;
}

/**
 * The particles that end a phrasal verb of putting someone out (ulos, out, ut), as stems. Not "pois" (away): "otin
 * nuuskat pois" tells what was done before the question ("kenelle ne annetaan takaisin?"), and reading it as the
 * confiscation moved the answer from giving the items back to taking them. Not "takaisin", which follows any verb of getting.
 */
const PARTICLES = new Set(['ulos', 'ulo', 'out', 'ut']);

/** Whether a phrase (its words' stems) ends in such a particle. */
export function endsInParticle(stems: readonly string[]): boolean {
  return PARTICLES.has(stems[stems.length - 1]);
}

/** Finnish pronouns in the cases that stand inside a phrase ("lähteekö siltä opiskelupaikka"), beside the function words. */
const GAP_PRONOUNS = new Set('silta sille siita siina silla siihen hanelle hanelta hanesta heille heilta niille niilta niista meille meilta mulle multa sulle sulta'.split(' '));

/**
 * A Finnish noun in the allative, the one told or given something, stands inside a phrase as a pronoun does:
 * "saako opettajalle kertoa" is "saako kertoa" (may one disclose), said to the teacher.
 */
const RECIPIENT = /^\p{L}{3,}lle$/u;

/**
 * How many question words, from `i`, a term of `len` words spans when each of its words is read at the next position
 * (`has(k, at)`). Once in a term, a function word or a pronoun may stand between two of its words, as a question
 * writes it ("menettääkö se paikkansa", "lähteekö siltä opiskelupaikka"); a section's text is read without gaps.
 * 0: the term is not there.
 */
export function spanOf(len: number, has: (k: number, at: number) => boolean, ws: string[], i: number, particleLast = false): number {
  let at = i;
  let gaps = 1;
  for (let k = 0; k < len; k++, at++) {
    if (at >= ws.length) return 0;
    if (has(k, at)) continue;
    // A phrasal verb's particle comes after its object ("taluttaa opiskelijan ulos", "kick the boy out"): up to two
    // words of any kind before it.
    if (particleLast && k === len - 1 && k > 0) {
      const to = [at + 1, at + 2].find((x) => x < ws.length && has(k, x));
      if (to === undefined) return 0;
      at = to;
      continue;
    }
    // The cheap tests first: most candidate terms fail on the next word.
    if (k === 0 || gaps === 0 || at + 1 >= ws.length || !has(k, at + 1) || !(isStopword(ws[at]) || GAP_PRONOUNS.has(fold(ws[at])) || RECIPIENT.test(ws[at]))) return 0;
    gaps--;
    at++;
  }
  return at - i;
}

/** Whether two words' loose readings meet. */
export function meet(a: readonly string[], b: readonly string[]): boolean {
  for (const x of a) if (b.includes(x)) return true;
  return false;
}

/** A term ending in a number followed by another number is a range, not the term ("årskurs 7–9" is not "årskurs 7"). */
export function startsRange(last: string, next: string): boolean {
  return NUMBER.test(last) && NUMBER.test(next);
}

/** The beginnings of words for a pupil, a child or a student, whom a year class before them describes. */
const PUPIL = /^(oppila|opiskelij|tytt|tytö|poik|poja|laps|nuor|kid|pupil|student|child|boy|girl|learner|teen|elev|flick|pojk|barn)/;
/** A year class's number as written: "7", "9th", "seventh", "seitsemännen". */
const YEAR_NUMBER =
  /^(\d{1,2}|\d{1,2}(st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|ensimmäisen|toisen|kolmannen|neljännen|viidennen|kuudennen|seitsemännen|kahdeksannen|yhdeksännen)$/;
const YEAR_WORD = new Set(['grade', 'year', 'luokan', 'lk']);
/** Swedish words for a year class, written after the pupil ("en elev i årskurs 7"). */
const SV_YEAR_WORD = new Set(['årskurs', 'åk', 'klass']);
const YEAR_SPOKEN = /^(eka|toka|kolmos|nelos|vitos|kutos|seiska|kasi|ysi)luokan$/;

/**
 * The words of a year class that only say which pupil a question is about: "a grade 7 kid with 52 hours of absences",
 * "9th grade student", "7. luokan oppilaalla", "seiskaluokan oppilas", "en elev i årskurs 7". The plan names the
 * year classes where it writes about moving between them; a pupil described by one asks about the pupil's matter.
 * (A pupil named by the year alone, "ysiluokkalainen", is no term of the glossary for the same reason.)
 */
export function yearOfPupil(ws: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    let span = 0;
    if ((ws[i] === 'grade' || ws[i] === 'year') && YEAR_NUMBER.test(ws[i + 1] ?? '')) span = 2;
    else if (YEAR_NUMBER.test(ws[i]) && YEAR_WORD.has(ws[i + 1] ?? '')) span = ws[i + 1] === 'lk' && ws[i + 2] === 'n' ? 3 : 2;
    else if (YEAR_SPOKEN.test(ws[i])) span = 1;
    if (span > 0 && PUPIL.test(ws[i + span] ?? '')) for (let k = 0; k < span; k++) out.push(i + k);
    // Swedish puts the year after the pupil: "en elev i årskurs 7", "eleven i åk 9".
    if (/^elev/.test(ws[i]) && ws[i + 1] === 'i' && SV_YEAR_WORD.has(ws[i + 2] ?? '') && YEAR_NUMBER.test(ws[i + 3] ?? '')) out.push(i + 2, i + 3);
  }
  return out;
}
