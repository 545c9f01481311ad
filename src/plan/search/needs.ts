import { fold } from '../analyze';
import { asksDeadline } from './intent';

/**
 * What a question asks about that a section can only answer by naming it (a fee, a form, the time to appeal), and
 * how a section's text names each: a section that never does cannot answer (answerable.ts `markUnanswerable`).
 */

/** A question about money: who pays, whether it is free, a price, a fee, a fine, compensation, funding. */
const MONEY_QUESTION =
  /\b(korvaa(ko)? (koulu|kunta|vakuutus)|korvataanko|kuka korvaa|maksaako|maksetaanko|kuka maksaa|maksullinen|maksuton\w*|ilmainen|ilmaisen|ilmaiseksi|ilmaiset|ilmaisia|ilmanen|ilmasen|hinta|hinnan|hinnat|sakko\w*|palkkio\w*|lisakorvau\w*|korvau\w*|rahoitu\w*|kostar|kosta|kostnad\w*|avgift\w*|betala\w*|betalar|ersattning\w*|boter|pris\w*|gratis|costs?|pay(?! attention)|pays|paid|price|fees?|the fine|a fine|fined|funding|hourly rate|compensat\w*|reimburs\w*|charged|charges|(a|the|no) charge|free of charge|euro\w*)\b|€/;

/**
 * Things a question may ask about that a section can only answer by naming them: money (who pays, a fee), whether
 * the pupil or family pays (what is free of charge), a form (which form), the time to appeal. Not an appeal as such
 * ("how do we appeal"): a question that names one in passing ("voiko tuen aloittaa heti vaikka huoltaja valittaa
 * päätöksestä") asks about something else.
 */
export type Need = 'money' | 'free' | 'form' | 'appeal';

/**
 * Whether the pupil or the family pays ("Maksaako oppilas mitään kuraattorin käynneistä?", "Do parents have to pay for
 * the school nurse?", "Kostar det något för familjen?"): only a text that says what is free of charge, or what one pays,
 * answers, not one where the municipality pays for something else ("kunta maksaa tulkkauksen").
 */
const FREE_QUESTION = new RegExp(
  [
    String.raw`\bmaksaako (se |siita |mitaan |jotain |mitään )?(oppila\w*|perhe\w*|huoltaj\w*|vanhem\w*|opiskelij\w*|lapse\w*|koti)`,
    String.raw`\b(pitaako|taytyyko|joutuuko|joutuvatko|tarvitseeko) (oppila\w*|perhe\w*|huoltaj\w*|vanhem\w*|opiskelij\w*)? ?(maksaa|maksamaan)`,
    String.raw`\bonko (se |siita |kaynti |palvelu\w* )?(maksuton|ilmai\w*)|\bmaksaako (se|kaynti|kayminen) (jotain|mitaan)\b`,
    String.raw`\bdo(es)? (pupils?|parents?|famil(y|ies)|students?|guardians?|we|i|they) (have to |need to |ever )?pay\b|\bis (it|this|that) free\b|\bhave to pay\b`,
    String.raw`\b(maste|behover) (eleven|eleverna|foraldrar\w*|familjen|vardnadshavar\w*|vi|jag|studerand\w*) betala\b|\bkostar det (nagot|nat)?\b|\bar det (gratis|avgiftsfri\w*|kostnadsfri\w*)\b`,
  ].join('|'),
);

/** "Millä lomakkeella", "vilken blankett", "which form": not "forms of support", "in the form of". */
const FORM_QUESTION = /\b(lomak\w*|blankett\w*|(which|what|the|a|this|that|on|in|fill|fill in|fill out) forms?\b(?! of))/;

/**
 * The time to appeal: a how-soon question that names an appeal ("kauanko on aikaa valittaa", "how long do we have to
 * appeal"), or its period named ("valitusaika", "besvärstid", "appeal period"). Read before folding, where "välittää"
 * (to pass on) is not "valittaa" (to appeal).
 */
const APPEAL = /\bvalit(us|uks|ta)\w*|\bappeal\w*|\böverklag\w*|\bbesvär\w*/;
const APPEAL_PERIOD = /\bvalitusai\w*|\b(besvärs|överklagande)tid\w*|\bappeal (period|deadline|time)/;

export function asksFor(question: string): Need[] {
  const lower = question.toLowerCase();
  const folded = fold(lower);
  const needs: Need[] = [];
  if (MONEY_QUESTION.test(folded)) needs.push('money');
  if (FREE_QUESTION.test(folded)) needs.push('free');
  if (FORM_QUESTION.test(folded)) needs.push('form');
  if (APPEAL_PERIOD.test(lower) || (APPEAL.test(lower) && asksDeadline(question))) needs.push('appeal');
  return needs;
}

/** Words of money, of what is free of charge, a form or an appeal in a text (folded, lower case). */
export const NEED_TEXT: Record<Need, RegExp> = {
  // A fee, a price, paying, free of charge, compensation, funding.
  money:
    /\b(maks\w*|hin(ta|na)\w*|kustann\w*|korva\w*|euro\w*|sakko\w*|ilmai\w*|rahoit\w*|palkkio\w*|kostnad\w*|kosta\w*|avgift\w*|betal\w*|ersatt\w*|gratis|pris\w*|finansier\w*|boter|costs?|costing|pay\w*|paid|price\w*|fees?|free of charge|fund\w*|compensat\w*|reimburs\w*|charge\w*|fines?)\b|€/,
  // Free of charge, or a fee the pupil or the family pays.
  free: /\b(maksuton\w*|maksutto\w*|maksullin\w*|ilmai\w*|asiakasmaks\w*|avgiftsfri\w*|kostnadsfri\w*|avgiftsbelag\w*|gratis|free of charge|at no cost|no charge|fees?)\b/,
  form: /\b(lomak\w*|blankett\w*|forms?)\b/,
  appeal: /\b(valitu\w*|valitta\w*|muutoksenha\w*|oikaisu\w*|appeal\w*|overklag\w*|besvar\w*|rattelse\w*)\b/,
};
