import { fold } from '../analyze';

/**
 * Quantities measured against something: a period, or an event they come before.
 *
 * A quantity per period: "montako tuntia viikossa", "hur många timmar i veckan", "how many hours a week". Only a
 * number given per the same period answers it ("20 timmar småbarnspedagogik i veckan", "50 tuntia lukukaudessa"):
 * "30 tuntia lukukaudessa" does not say how many hours a week a kuraattori is at school.
 */
export type Period = 'day' | 'week' | 'month' | 'term' | 'year';

/**
 * The period a question asks its quantity per (folded, lower case). Not "kuinka monessa vuodessa" (in how many
 * years: the years are what it counts), and not a month or day asked for ("missä kuussa").
 */
const ASKED: [Period, RegExp][] = [
  ['day', /\b(paivassa|paivittain|vuorokaudessa|om dagen|per (dag|dygn)|(a|per|each) day|daily)\b/],
  ['week', /\b(viikossa|viikoittain|i veckan|per vecka|(a|per|each) week|weekly)\b/],
  ['month', /\b(kuukaudessa|kuukausittain|i manaden|per manad|(a|per|each) month|monthly)\b/],
  ['term', /\b(lukukaudessa|per termin|(a|per|each) (term|semester))\b/],
  ['year', /\b(vuodessa|vuosittain|lukuvuodessa|om aret|per (ar|lasar)|(a|per|each) (school )?year|yearly|annually)\b/],
];
const IN_HOW_MANY = /\b(monessa|monena|moneen|monta|montako|many|manga) $/;

export function askedPeriod(question: string): Period | undefined {
  const q = fold(question.toLowerCase());
  for (const [period, re] of ASKED) {
    const m = re.exec(q);
    if (m && !IN_HOW_MANY.test(q.slice(0, m.index))) return period;
  }
  return undefined;
}

/** The same periods as a text writes them after a number (folded): "i veckan", "per dygn", "lukukaudessa". */
const WRITTEN: Record<Period, RegExp> = {
  day: /\b(paivassa|paivittain|vuorokaudessa|dagen|per (dag|dygn)|(a|per|each) day|daily)\b/,
  week: /\b(viikossa|viikoittain|veckan|per vecka|veckovis|(a|per|each) week|weekly)\b/,
  month: /\b(kuukaudessa|kuukausittain|manaden|per manad|manatlig\w*|(a|per|each) month|monthly)\b/,
  term: /\b(lukukaudessa|lukukausittain|terminen|per termin|(a|per|each) (term|semester))\b/,
  year: /\b(vuodessa|vuosittain|lukuvuodessa|aret|per (ar|lasar)|arlig\w*|(a|per|each) (school )?year|yearly|annual\w*)\b/,
};

/** Whether the words after one of a text's numbers (folded, a few of them joined) say per which period it is. */
export function writesPer(after: string, period: Period): boolean {
  return WRITTEN[period].test(after);
}

/**
 * A lead time: how long before something ("kuinka paljon ennen", "montako päivää etukäteen", "how far in advance",
 * "hur långt innan"). Folded, lower case.
 */
const LEAD_TIME =
  /\b(kuinka|miten) (paljon|kauan|pitkaan|monta \w+) (ennen|etukateen)\b|\bmonta(ko)? \w+ (ennen|etukateen)\b|\b(etukateen|ennakkoon)\b|\bhow (long|far|many \w+) (before|ahead|in advance)\b|\bin advance\b|\bhur (langt|lang tid|manga \w+) (innan|fore|i forvag)\b|\bi forvag\b/;

export function asksLeadTime(question: string): boolean {
  return LEAD_TIME.test(fold(question.toLowerCase()));
}

/** A time before an event, as a text writes it after a number: "kaksi viikkoa ennen", "two weeks before", "två veckor innan". */
const WRITTEN_BEFORE = /^\S+ (ennen|etukateen|before|prior|in advance|innan|fore|i forvag)\b/;
const TIME_UNIT = /^(paiv|viik|kuuka|tunti|tuntia|arki|tyopaiv|days?|weeks?|months?|hours?|working|school|dag|veck|manad|timm)/;

/** Whether the words after one of a text's numbers give a time before something. */
export function writesBefore(after: string[]): boolean {
  return TIME_UNIT.test(after[0] ?? '') && WRITTEN_BEFORE.test(after.slice(0, 4).join(' '));
}
