import { bodyLangOf } from '../model';
import { fold, isStopword, type Lang, stem } from '../analyze';
import { plainInline } from '../markdown';
import type { Passage } from './passage';
import { FACT_INTENTS, type Intent } from './intent';
import { blockTexts, LIST_NUMBER, ORDINAL, withoutLawRefs } from './traits';
import { type Need, NEED_TEXT } from './needs';
import type { Question } from './query';
import type { RankInput, SearchHit } from './rank';
import { type Period, writesBefore, writesPer } from './rate';
import { RANKING } from './tuning';

/**
 * The last word on the order of the ranked sections: what the question asks for (a time, a quantity) against
 * what each section's text can give, and a subsection that answers more precisely than its parent.
 */

/** Whether one of the section's passages, in the language it is quoted in, passes the test. */
function anyPassage(ix: RankInput, h: SearchHit, lang: Lang | undefined, test: (p: Passage) => boolean): boolean {
  const quoted = lang && bodyLangOf(h.section, lang);
  return ix.byId.get(h.section.id)!.passages.some((p) => (!quoted || p.lang === quoted) && test(p));
}

/** Whether one of the section's passages, in the language it is quoted in, serves the intent (gives a time, a number). */
function gives(ix: RankInput, h: SearchHit, intent: Intent, lang?: Lang): boolean {
  return anyPassage(ix, h, lang, (p) => p.traits().body.has(intent) || (intent === 'when' && p.traits().soon));
}

/** Whether the passages it would quote serve the intent, in their text or their heading (a decider: "Kuka päättää"). */
function serves(h: SearchHit, i: Intent): boolean {
  return [h.passageHeaded ? undefined : h.passage, h.companion].some((p) => p && (p.traits().body.has(i) || p.traits().heading.has(i)));
}

/** Whether `h`'s quoted passages give every fact the question asks for that `other`'s give. */
function servesAsWell(h: SearchHit, other: SearchHit, q: Question): boolean {
  return [...FACT_INTENTS].every((i) => !q.intents.has(i) || !serves(other, i) || serves(h, i));
}

/** Per passage and need, whether its text names it (money, free of charge, a form, an appeal); read once. */
const named: Record<Need, WeakMap<Passage, boolean>> = { money: new WeakMap(), free: new WeakMap(), form: new WeakMap(), appeal: new WeakMap() };
function namesNeed(p: Passage, need: Need): boolean {
  let is = named[need].get(p);
  if (is === undefined) named[need].set(p, (is = NEED_TEXT[need].test(fold(plainInline(blockTexts(p.blocks).join(' ')).toLowerCase()))));
  return is;
}

/** Moves a hit to the front, the others keeping their order. */
function putFirst(hits: SearchHit[], h: SearchHit): void {
  hits.unshift(...hits.splice(hits.indexOf(h), 1));
}

/** Reorders the leaders (sorted by score, title matches first) in place. */
export function ordered(leaders: SearchHit[], q: Question, ix: RankInput, lang?: Lang): void {
  // A near tie, where another leader holds far more of the question in one passage: that passage is about the
  // question, the leader's score is its words spread over the section ("Kan en vårdnadshavare förbjuda … kuratorn?": the rule
  // that a guardian cannot forbid it, not the section with "kielletty" in its heading and list). Not for a short
  // question: two or three words meet in one passage of many sections ("who has to file a child protection report"),
  // unless the leader holds at most half of it, and not all of that half in what it is about (its title, headings):
  // "Ska daghemmet samarbeta med barnskyddet och rådgivningen?" is answered by 7 a § on multiprofessional
  // cooperation, which holds every word, not by "Handledning och rådgivning", which holds "rådgivning" and "daghem".
  // A little further behind (coverageTieAbout), only a section whose title or headings hold some of the question:
  // "Mihin ryhmään vien huolen … luokan työrauha" is the groups section's ("Mihin ryhmään asia kuuluu"), while
  // "voinko soittaa sossuun ilman vanhempien lupaa" stays with 35 § on contacting social services, over 10 §, whose
  // one passage holds more of the question's everyday words and whose title none.
  const top = leaders[0];
  const long = q.contentWords >= RANKING.coverageMinWords;
  const weak = q.contentWords >= RANKING.weakLeadMinWords && top && top.coverage <= RANKING.weakLeadCoverage && (top.aboutCoverage ?? 0) < top.coverage;
  if (top && !top.titleMatch && (long || weak)) {
    const held = leaders.find(
      (h) =>
        (h.score >= RANKING.coverageTie * top.score || (h.score >= RANKING.coverageTieAbout * top.score && (h.aboutCoverage ?? 0) > 0)) &&
        (h.passageCoverage ?? 0) >= (top.passageCoverage ?? 0) + RANKING.coverageLead &&
        (long || h.coverage >= top.coverage + RANKING.weakLeadGap),
    );
    if (held) putFirst(leaders, held);
  }
  // A subsection that scores close to its parent answers more precisely, when it gives the time, decider, number or
  // steps asked for wherever the parent's passage does ("by when is the crisis plan updated": not the family-crisis
  // subsection, which gives no time), and the question is not far more what the parent's title and headings name
  // ("kuka päättää oppilaan tuesta": the support section's "Kuka päättää"). The card still shows the parent in its path.
  const first = leaders[0];
  if (first && first.section.childIds.length && !first.titleMatch) {
    const child = leaders.find(
      (h) =>
        h.section.parentId === first.section.id &&
        h.score >= first.score * RANKING.childPreference &&
        servesAsWell(h, first, q) &&
        (h.aboutCoverage ?? 0) >= (first.aboutCoverage ?? 0) - RANKING.childAboutMargin,
    );
    if (child) putFirst(leaders, child);
  }
  // "Missä ajassa…", "how soon": a leader whose quoted text gives no time does not answer, though its title shares the
  // question's words ("Erityistä tukea tarvitsevien henkilöiden hyvinvointi") or another of its paragraphs gives a time
  // for something else (42 § of the upper secondary act: the principal's power over "korkeintaan kolme kuukautta"); a
  // leader near it whose quoted text gives one answers first. "Kuinka paljon ennen kotiopetuksen alkua…": how long before
  // something, which only a time before an event gives ("viimeistään kaksi viikkoa ennen kotiopetuksen alkamista", in the
  // home education section's general part), not the subsection's "seuraavana arkipäivänä": any passage of the section.
  const lead = leaders[0];
  const quotesTime = (h: SearchHit) => (q.leadTime ? anyPassage(ix, h, lang, givesBefore) : serves(h, 'when') || [h.passage, h.companion].some((p) => p?.traits().soon));
  if (q.deadline && lead && !lead.titleMatch && !quotesTime(lead)) {
    const timed = leaders.find((h) => h.passage && h.score >= RANKING.deadlineShare * lead.score && quotesTime(h));
    if (timed) putFirst(leaders, timed);
  }
  // "Kuka tekee päätöksen … määräaikaisesta erottamisesta?": the appeals section lists the decision among others and
  // names no one who makes it; the discipline section, close behind, does. A leader whose quoted text names no decider
  // gives its place to one near it that does.
  const asked = leaders[0];
  if (q.decider && asked?.passage && !asked.titleMatch && !serves(asked, 'who')) {
    const named = leaders.find((h) => h.passage && h.score >= RANKING.deciderShare * asked.score && serves(h, 'who'));
    if (named) putFirst(leaders, named);
  }
}

/**
 * "How long", "by when": a section that gives no time has nothing to say. "How many", "how much": nor has a
 * section with no number in the language it is quoted in, nor one whose numbers count something else, when the
 * question names what it counts ("kuinka monta oppilasta" against "2 tuntia", "kahdesti vuodessa"): in the
 * section's language, or through the lexicon in another ("Hur många elever" against a Finnish text's numbers,
 * `countedOther`). A time counts any time ("how many days before": "a week before"); in Finnish the counted word
 * is the first one in the partitive.
 */
export function markUnanswerable(hits: SearchHit[], q: Question, ix: RankInput, lang?: Lang, counted = countedAsked(q, lang), countedOther?: (to: Lang) => Counted | undefined): void {
  // "Kuinka kauan asiakirjoja säilytetään", "missä ajassa valitetaan": a section that gives no time at all cannot say
  // how long or by when, though it names what is kept or appealed.
  if (q.deadline) for (const h of hits) if (!h.titleMatch && !gives(ix, h, 'when', lang)) h.noQuantity = true;
  // "Korvaako koulu rikkoutuneet silmälasit", "What is the fine for vaping": a section that never speaks of money
  // (a fee, a price, paying, free of charge, compensation) cannot say who pays or how much, though it names the thing.
  // Nor can one that names no form say which form to use ("Millä lomakkeella lastensuojeluilmoitus tehdään?" on the
  // social welfare act), unless the plan links a form to it.
  for (const need of q.needs)
    for (const h of hits) {
      if (h.titleMatch || (need === 'form' && h.section.forms.length > 0)) continue;
      if (!anyPassage(ix, h, lang, (p) => namesNeed(p, need))) h.noQuantity = true;
    }
  // "Do pupils have to pay for student welfare services?": a section near the leader that says what is free of charge
  // answers, not the leader where the municipality pays for interpreting. (For money alone a section near a leader
  // that names no money answers another question about it: the leader is declined instead.)
  if (q.needs.includes('free')) giveWay(hits, RANKING.freeShare);
  if (!q.intents.has('amount')) return;
  // "Montako tuntia viikossa": only a number per the same period answers (rate.ts). How often is asked per a period
  // too ("kuinka monta kertaa vuodessa"), and "kerran lukukaudessa" answers it.
  const per = q.intents.has('often') ? undefined : q.per;
  // "Paljonko oppilas itse maksaa, jos hän loukkaantuu koulumatkalla?": nothing, and a section that says the care is
  // free of charge answers how much with no number, when the pupil or the family would pay (not "Paljonko kouluruoka
  // maksaa opettajalle?", where a meal free for pupils says nothing).
  const money = q.counted.length === 1 && q.counted[0] === 'euroa' && PAYER.test(q.words.join(' '));
  for (const h of hits) {
    if (money && anyPassage(ix, h, lang, (p) => namesNeed(p, 'free'))) continue;
    if (!gives(ix, h, 'amount', lang)) h.noQuantity = true;
    else if (counted || per) {
      // What it counts, in the language the section is quoted in; per the period asked, with the same number.
      let there: Counted | undefined;
      if (counted) {
        const to = bodyLangOf(h.section, lang!);
        there = to === lang ? counted : countedOther?.(to);
      }
      if (there && !anyPassage(ix, h, lang, (p) => counts(p, there))) h.noQuantity = true;
      else if (per && !anyPassage(ix, h, lang, (p) => givesPer(p, per, there))) h.noQuantity = true;
    }
  }
  // A leader with nothing to count gives its place to a section near it that has ("Kuinka monessa vuodessa…":
  // the right to instruction scores first, the right to study with its "neljässä vuodessa" close behind). Not for a
  // question about money alone: a section near a leader that names no money answers another question about it.
  giveWay(hits, RANKING.quantityShare);
}

/** Who pays, when a how-much question asks what the pupil, the student or the family pays (as its words are read). */
const PAYER =
  /\b(oppilas|oppilaat|opiskelija|opiskelijat|perhe|huoltaja|huoltajat|vanhemmat|lapsi|pupils?|students?|parents?|famil(y|ies)|guardians?|eleven|elever|eleverna|familjen|föräldrar\w*|vårdnadshavar\w*)\b/;

/** A leader that cannot answer (`noQuantity`, not a title match) gives its place to the first hit within `share` of its score that can. */
function giveWay(hits: SearchHit[], share: number): void {
  const lead = hits[0];
  if (!lead?.noQuantity || lead.titleMatch) return;
  const able = hits.find((h) => !h.noQuantity && h.score >= share * lead.score);
  if (able) putFirst(hits, able);
}

/** What a how-many question counts, as the asked language writes it after a number: stem starts and units written apart. */
export interface Counted {
  roots: string[];
  units: string[];
}

/** What the question counts, in the asked language; undefined when it names nothing to count. */
export function countedAsked(q: Question, lang?: Lang): Counted | undefined {
  if (!lang || !q.intents.has('amount') || q.counted.length === 0) return undefined;
  const counted = countedForms(q.counted, lang);
  return counted.roots.length > 0 ? counted : undefined;
}

/**
 * What the question counts, as a text in `to` writes it: the counted words' translations in the lexicon ("Hur många
 * elever": oppilas). Undefined when one of them has none: the text may count it in words the lexicon does not know.
 */
export function countedTranslated(q: Question, to: Lang, translate: (word: string, to: Lang) => readonly string[]): Counted | undefined {
  if (!q.intents.has('amount') || q.counted.length === 0) return undefined;
  const named = q.counted.filter(namesSomething);
  if (named.length === 0) return undefined;
  const roots: string[] = [];
  for (const w of named) {
    const stems = translate(w, to);
    if (stems.length === 0) return undefined;
    roots.push(...stems.map((s) => fold(s).slice(0, 5)));
  }
  return withUnits(roots);
}

/** A word after the counting word that can name what is counted: a word of time, or any word but a function word. */
function namesSomething(w: string): boolean {
  return MEASURE.test(w) || !isStopword(w);
}

/** The last word of a Finnish compound that names people (pienryhmä|oppilasta), as it is counted: a compound of time (lomapäivä) is a kind of its own. */
const FI_HEAD = /.(oppil|opiskelij|lapse|lasta|henkil|aikuis)/g;

/** Units written apart from the word a question counts with ("päivää": "vrk", "vuorokautta"; "tuntia": "h"). */
const UNIT_FORMS: [RegExp, string[]][] = [
  [/^paiv/, ['vuorokau', 'vrk']],
  [/^(tun|hou|tim)/, ['h']],
  [/^hrs/, ['hou', 'h']],
  [/^yrs?$/, ['yr']],
  [/^(kilom)/, ['km']],
  [/^(prosen|procen|percen)/, ['%']],
  [/^(eur)/, ['€', 'e']],
  [/^dag/, ['dygn']],
];
/**
 * Finnish attributes before the counted word: participles ("opiskelevaa", "saavaa", "jääneitä"; not "päivää"), "eri", "omaa",
 * "sellaista", words in a place case ("pienryhmässä", "opetuksesta") and plurals in the elative ("suurimman osan tunneista").
 */
const FI_ATTRIBUTE =
  /(aa|[eouy])vaa$|(nutta|neita|ssa|lla|lta|[eo]ista|esta)$|^(eri|omaa|uutta|kokonaista|perakkaista|ylimaaraista|sellaista|tallaista|sita|tata|naita|niita|yli|alle|puolet|puolta|enemman|vahemman|noin)$/;
/** Words of time that the stopword list holds ("päivää", "days"), though they are what a question counts. */
const MEASURE = /^(paiv|viik|kuuka|vuo[dst]|tun|minuut|kert|days?$|weeks?$|months?$|years?$|hours?$|dag|veck|manad|timm)/;
const NUMBER_WORD =
  /^(yksi|yhden|yhta|kaksi|kahde\w*|kahta|kolm\w*|nelj\w*|viisi|viide\w*|viitt\w*|kuusi|kuude\w*|kuutt\w*|seitsem\w*|kahdeksa\w*|yhdeksa\w*|kymmen\w*|sata|sada\w*|tuhat|tuhan\w*|puoli|kerran|ensimmai\w*|en|ett|tva|tre|tredje|fyra|fjarde|fem|femte|sex|sjatte|sju|sjunde|atta|nio|tio|tionde|tolv|femton|tjugo|hundra|one|two|three|third|four|fourth|five|fifth|six|seven|seventh|eight|nine|ten|tenth|twelve|fifteen|twenty|thirty|hundred|once|twice)$/;

/** Words that open the period a quantity is per: "a week", "per vecka", "i veckan", "om dagen". */
const PER = /^(a|an|per|each|i|om)$/;

/** Swedish "en", "ett": the indefinite article, or "one". */
const ARTICLE = /^(en|ett)$/;

const TIME_ROOT = /^(paiv|viik|kuuka|vuo[dst]|day|week|month|year|yrs?$|dag|veck|manad)/;
const TIME_ROOTS = ['paiv', 'viik', 'viiko', 'kuuka', 'vuod', 'vuot', 'vuos', 'day', 'week', 'month', 'year', 'dag', 'veck', 'manad', 'dygn'];

/** How the counted words may be written after their number: the start of each word's stem (enough to meet its other forms), and units written apart. */
function countedForms(words: string[], lang: Lang): Counted {
  // What is counted is one of the words after "how many", after its attributes ("monta pienryhmässä opiskelevaa
  // oppilasta", "monta omaa sairauspäivää", "how many working days"), and before the period it is per ("hours a
  // week", "timmar i veckan": the week is not counted).
  const per = words.findIndex((w, i) => (PER.test(w) && MEASURE.test(words[i + 1] ?? '')) || /^(weekly|monthly|daily|yearly|annually)$/.test(w));
  if (per >= 0) words = words.slice(0, per);
  let named = words.filter((w) => namesSomething(w) && !(lang === 'fi' && FI_ATTRIBUTE.test(w)));
  // In Finnish what is counted ends at the first word in the partitive: "montako opintopistettä lukion oppimäärään"
  // counts credits, and the words after say what they belong to.
  if (lang === 'fi') {
    const end = named.findIndex((w) => /a$/.test(w));
    if (end >= 0) named = named.slice(0, end + 1);
  }
  const roots = named.map((w) => {
    const s = fold(stem(w, lang));
    return s.slice(0, Math.max(3, Math.min(5, s.length - 1)));
  });
  // "Montako pienryhmäläistä", "ekaluokkalaista": people of a kind, counted in the plan as pupils or persons.
  if (lang === 'fi' && named.some((w) => /laista$|laisia$|lainen$/.test(w))) roots.push('oppil', 'opiskelij', 'henkil', 'lapse', 'lasta');
  // A compound counts what its last word names: "montako pienryhmäoppilasta" counts pupils ("viisi oppilasta").
  if (lang === 'fi') for (const w of named) roots.push(...[...fold(w).matchAll(FI_HEAD)].map((m) => m[1]));
  return withUnits(roots);
}

/** The roots with every time's roots when one is a time ("a week before" answers "how many days"), and the units written apart. */
function withUnits(roots: string[]): Counted {
  if (roots.some((r) => TIME_ROOT.test(r))) roots.push(...TIME_ROOTS);
  return { roots, units: UNIT_FORMS.filter(([re]) => roots.some((r) => re.test(r))).flatMap(([, u]) => u) };
}

/**
 * Per passage, what follows its numbers, read once: the three words after each (what it counts), and the five after
 * each joined (what it is per: "20 timmar småbarnspedagogik i veckan").
 */
const afterNumbers = new WeakMap<Passage, { words: string[]; spans: string[][] }>();
function wordsAfterNumbers(p: Passage): { words: string[]; spans: string[][] } {
  let after = afterNumbers.get(p);
  if (after) return after;
  // A list item's own number ("1)", "2.") counts nothing.
  const texts = blockTexts(p.blocks).map((t) => t.replace(LIST_NUMBER, ' '));
  const tokens =
    withoutLawRefs(fold(plainInline(texts.join(' ')).toLowerCase()))
      .replace(ORDINAL, ' ')
      .match(/[\p{L}\p{N}]+|[%€]/gu) ?? [];
  after = { words: [], spans: [] };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Swedish "en", "ett" are mostly the article ("En elev placeras inte…"): one only before a time ("inom en vecka").
    if (ARTICLE.test(t) ? MEASURE.test(tokens[i + 1] ?? '') : /\d/.test(t) || NUMBER_WORD.test(t)) {
      after.words.push(...tokens.slice(i + 1, i + 4));
      after.spans.push(tokens.slice(i + 1, i + 6));
    }
  }
  afterNumbers.set(p, after);
  return after;
}

/** Whether one of the passage's numbers is a time before something ("kaksi viikkoa ennen"). */
export function givesBefore(p: Passage): boolean {
  return wordsAfterNumbers(p).spans.some(writesBefore);
}

/**
 * Whether one of the passage's numbers is given per the period ("50 tuntia lukukaudessa" per term), and counts what
 * the question counts when it names it: "kerran viikossa" does not give hours a week.
 */
function givesPer(p: Passage, period: Period, counted?: Counted): boolean {
  return wordsAfterNumbers(p).spans.some((s) => writesPer(s.join(' '), period) && (!counted || s.slice(0, 3).some((t) => isCounted(t, counted))));
}

/** Whether the passage writes a number followed, within three words, by one of the counted forms ("kolmen työpäivän", "30 tuntia"). */
export function counts(p: Passage, counted: Counted): boolean {
  return wordsAfterNumbers(p).words.some((t) => isCounted(t, counted));
}

/** Whether a word after a number is one of the counted forms. */
function isCounted(t: string, counted: Counted): boolean {
  return counted.units.some((u) => (u.length > 2 ? t.startsWith(u) : t === u)) || counted.roots.some((r) => t.includes(r));
}
