import { fold } from '../analyze';
import { plainInline } from '../markdown';
import type { Block } from '../model';
import { isPlaceholder } from './unwritten';

/**
 * What kind of answer a question wants, and what kind of text a passage is, read from the words themselves
 * in fi / sv / en (ä, ö, å folded away, so "paattaa" reads as "päättää"): a who-question wants the sentence
 * naming the decider, a how-soon question the rule with its number of days, a what-do-I-do question the
 * steps. Introductions ("this section explains…") and worked examples answer only when asked for.
 */
export type Intent = 'who' | 'when' | 'often' | 'steps' | 'criteria' | 'permission' | 'amount' | 'definition' | 'example' | 'contents';

/** The intents answered by a fact in the text: a time, a decider, a number, the steps. */
export const FACT_INTENTS: ReadonlySet<Intent> = new Set(['when', 'who', 'amount', 'steps']);

/** A plain "mikä on", "what is", "vad är": a definition when nothing else is asked ("what is the deadline" asks for a time). */
const PLAIN_WHAT_IS = /\bmita on\b|\bmika (on|ovat)\b|\bwhat (is|are|does)\b|\bvad ar\b/;
/** A definition asked in so many words. */
const STRONG_DEFINITION = new RegExp(
  [
    // Spoken Finnish drops the "i": "mitä tarkottaa", "mitä sillä tarkotetaan".
    String.raw`\bmita (tarkoittaa|tarkoitetaan|tarkottaa|tarkotetaan)\b|\bmeaning\b|\bvad (betyder|innebar|menas)\b|\bdefin\w*|\bwhat is meant\b`,
    String.raw`\b(keta|keita|ketka|kuka|mita|mika|minka ikai\w*)\b.{0,40}\b(tarkoitetaan|tarkoittaa|tarkotetaan|tarkottaa|pidetaan|katsotaan)\b|\bminka ikai\w*\b`,
    String.raw`\b(what|up to what|from what) age\b|\bhow old\b|\b(who|what) counts as\b|\bvad avses\b|\bvem (avses|raknas)\b|\b(vilken alder|hur gammal)\b`,
    // "Kuka on sosiaalihuoltolain mukaan nuori?", "vem är enligt lagen ett barn", "who is a child under the act": what the law calls so.
    String.raw`\b(kuka|ketka|mika|mitka) (on|ovat)\b.{0,50}\b\w*(lain (mukaan|tarkoittama\w*)|laissa)\b|\b(vem|vad) ar\b.{0,50}\benligt \w*lagen\b|\b(who|what) (is|are)\b.{0,50}\b(under|according to) the ([\w-]+ ){0,3}(act|law)\b`,
  ].join('|'),
);

/**
 * A time limit the question states to have it checked ("pitääkö kuraattorin tavata oppilas 5 päivän sisällä?", "stämmer
 * det att kuratorn måste träffa eleven inom tre dagar?", "must the meeting be within two weeks?"): it asks for the limit.
 */
const TIME_COUNT = String.raw`(\d+|yhden|kahden|kolmen|neljan|viiden|kuuden|seitseman|kahdeksan|yhdeksan|kymmenen|en|ett|tva|tre|fyra|fem|sex|sju|atta|nio|tio|a|one|two|three|four|five|six|seven|eight|nine|ten)`;
const STATED_LIMIT = [
  String.raw`\b${TIME_COUNT} (paivan|viikon|kuukauden|tyopaivan|koulupaivan|arkipaivan|tunnin|vuorokauden) (sisalla|kuluessa)\b`,
  String.raw`\binom ${TIME_COUNT} (dag|dagar|dygn|veckor|vecka|arbetsdagar|skoldagar|timmar|manader|manad)\b`,
  String.raw`\bwithin ${TIME_COUNT} (days?|weeks?|months?|working days?|school days?|hours?)\b`,
].join('|');

const QUESTION: Record<Intent, RegExp> = {
  // English "who" after a noun is a relative pronoun ("a pupil who changed schools", "the teacher who monitors"): it
  // asks who only at the start of the question or a clause, after a preposition, or after a verb of asking or deciding.
  who: /\b(kuka|ketka|keita|kenen|kenet|kenelle|keille|kelle|kenelta|keta|vem|vilka|vems)\b|(?:^|[,;:.!?()\u2013\u2014-]\s*|\b(?:and|or|but|so|then|to|by|with|for|from|of|about|know|tell|ask|asks|decide|decides|determines?|check|out|says?|wonder|sure|clear)\s+)(?:who|whom|whose)\b/,
  when: new RegExp(
    [
      String.raw`\b(kuinka|miten) (nopeasti|pian|kauan|pitkaan|usein|aikaisin|myohaan|pitka|pitkaksi|pitkaks|paljon etukateen|paljon ennen|kauan ennen|ajoissa)\b|\b(etukateen|ennakkoon)\b|\bmonta(ko)? (paivaa|viikkoa|kuukautta) ennen\b`,
      String.raw`\b(kauanko|missa ajassa|mennessa|viimeistaan|milloin|missa vaiheessa|maaraaj(?!aksi\b)\w*|aikaraj\w*|kuinka monen (paivan|viikon))\b`,
      String.raw`\bhow (long|soon|quickly|fast|often|early|late|far in advance)\b|\b(in advance|beforehand|maximum length|how many times a)\b`,
      String.raw`\b(deadline|time ?limit|by when|when|within how|at the latest|(by|before) (which|what) (day|date)|what date|(in )?(which|what) (months?|week|time of (the )?year))\b`,
      String.raw`\b(mina|minka) (kuukautena|kuukausina|viikkona|vuodenaikana)\b|\bmissa kuussa\b|\b(vilken|vilka) (manad|manader|vecka)\b`,
      String.raw`\bhur (snabbt|snart|lange|fort|ofta|tidigt|sent|lang tid|lang|langt i forvag|langt innan|langt fore)\b|\bi forvag\b`,
      String.raw`\b(tidsfrist\w*|senast|nar|inom hur|inom vilken tid|vilket datum|vilken dag)\b`,
      STATED_LIMIT,
    ].join('|'),
  ),
  steps: new RegExp(
    [
      String.raw`\bmita (mun|minun|meidan|pitaa|pitais|pitaisi|teen|tehda|tehdaan|teemme|kannattaa|ensin)\b`,
      String.raw`\bmiten (\w+ )?(toimin|toimitaan|toimia|toimii|toimivat|menettelen|menetellaan|edetaan|edetaan|teen|hoidan|hoidetaan|ilmoitan)\b`,
      String.raw`\bmiten\b.*\b(tehdaan|toimitaan|hoidetaan|haetaan|ilmoitetaan|kasitellaan|edetaan)\b`,
      String.raw`\b(toimintaohje\w*|ohjeet|vaiheet|mita tehda)\b`,
      String.raw`\bwhat (do|should|shall|must|can) (i|we)\b|\bwhat now\b|\bhow (do|should|can|shall) (i|we|you)\b|\bwhat to do\b|\b(steps?|procedure)\b`,
      String.raw`\b(vad|hur) (gor|ska|skall|bor|maste) (jag|vi|man)\b|\bvad gora\b|\bsteg\b|\bhur gor\b`,
    ].join('|'),
  ),
  criteria: new RegExp(
    [
      String.raw`\b(milla perusteella|perusteet|perusteella|kriteer\w*|edellytyk\w*|edellyttaa|milloin|missa vaiheessa|kenelle|kynnys\w*)\b`,
      String.raw`\b(criteria|criterion|eligib\w*|conditions?|qualif\w*|entitled|when|threshold)\b`,
      String.raw`\b(kriteri\w*|villkor\w*|forutsattning\w*|pa vilka grunder|nar|ratt till|troskel\w*)\b`,
    ].join('|'),
  ),
  permission: new RegExp(
    [
      String.raw`\b(saako|saanko|saammeko|saavatko|voiko|voinko|voimmeko|voidaanko|onko lupa|onko sallittua|pitaako|tarvitaanko|tarviiko|tarvitseeko|tarvitsenko|onks lupa)\b`,
      String.raw`\b(can|may) (i|we|a|the|teachers?|parents?|pupils?|staff|they|you)\b|\bis it (allowed|ok|okay|legal)\b|\b(am i|are we) allowed\b|\bdo (i|we) need\b`,
      String.raw`\b(far|kan) (jag|vi|man|en|lararen|eleven|skolan)\b|\bar det tillatet\b|\bbehover (jag|vi|man)\b`,
    ].join('|'),
  ),
  amount: new RegExp(
    [
      String.raw`\b(kuinka|miten) (monta|monessa|monella|paljon|suuri|suuria|iso|pitka)\b|\b(paljonko|montako|monenko|monen)\b`,
      String.raw`\bhow (many|much|big|large)\b|\bwhat does\b.*\bcost\b|\bhur (manga|mycket|stor|stora)\b|\bvad kostar\b`,
      String.raw`\b(maximum|minimum|max|largest|highest|smallest) number\b|\bnumber of\b|\benimmaismaar\w*|\b(hogsta|storsta|max|maximala) antal\w*`,
    ].join('|'),
  ),
  definition: new RegExp(`${PLAIN_WHAT_IS.source}|${STRONG_DEFINITION.source}`),
  example: /\b(esimerkki|esimerkkia|esimerkkeja|esimerkit|examples?|exempel)\b/,
  // What a document holds: "Mitä tukea koskevaan päätökseen kirjataan?", "what goes in the plan", "vad ska planen innehålla".
  contents: new RegExp(
    [
      String.raw`\bmita\b.{0,60}\b(kirjataan|kirjata|kirjoitetaan|merkitaan|merkita|sisaltaa|sisaltyy|pitaa sisaltaa|tulee sisaltaa)\b|\bmita (siihen|siina|sihen) (kirjataan|on|pitaa olla|tulee olla)\b`,
      String.raw`\bwhat (goes|should go|must go|is recorded|is written|should be (recorded|written|included)|must be (recorded|written|included))\b|\bwhat (does|should|must) .{0,50}\b(contain|include)\b`,
      String.raw`\bvad (ska|skall|bor|maste) .{0,50}\binnehalla\b|\bvad (skrivs|antecknas|innehaller|ska skrivas|ska antecknas)\b`,
    ].join('|'),
  ),
  // How often: the rule with its frequency ("kerran lukukaudessa"), not another time of the same section ("viikkoa ennen kokousta").
  often: /\b((kuinka|miten) (usein|tiheasti|tiuhaan)|(kuinka )?monta(ko)? kertaa|how (often|frequently)|how many times|hur (ofta|tatt)|hur manga ganger)\b/,
};

/** A weekday: a question that names one tells a case ("pyysi maanantaina", "i måndags", "on Monday"). */
const WEEKDAY = /\b(maanantai|tiistai|keskiviikko|torstai|perjantai|lauantai|sunnuntai|(man|tis|ons|tors|fre|lor|son)dag|(mon|tues|wednes|thurs|fri|satur|sun)day)\w*/;

/** The question tells a case by its weekday, without asking for an example: the plan's worked example and its rule answer it. */
export function tellsCase(question: string): boolean {
  const q = fold(question.toLowerCase());
  return WEEKDAY.test(q) && !QUESTION.example.test(q);
}

/** Deciding, granting, approving (folded stems). */
const DECIDING = String.raw`paat(a|t|e|o)\w*|decid\w*|decision\w*|beslut\w*|myont\w*|grant\w*|bevilj\w*|hyvaksy\w*|approv\w*|godkan\w*`;

/** Words that ask who decides rather than name a topic: the "Kuka päättää" passage answers them by its kind. */
const DECISION_WORD = new RegExp(`^(${DECIDING})$`);

/**
 * "Kuka päättää…", "who approves…", "vem beviljar…", "kenellä on toimivalta…", "vem bedömer…", "kuka antaa numeron": the
 * question asks for the one who decides (a grade, a warning is given by the one who decides on it).
 */
const ASKS_DECIDER = new RegExp(
  String.raw`\b(kuka|ketka|kenen|kenella|who|whose|vem|vems)\b.{0,40}\b(${DECIDING}|ratkais\w*|toimivalt\w*|arvioi\w*|bedom\w*|assess\w*|behorig\w*|antaa|antavat|gives?|ger)`,
);

export function asksDecider(question: string): boolean {
  return ASKS_DECIDER.test(fold(question.toLowerCase()));
}

/**
 * "Mitä teen ensimmäisinä minuutteina", "mitä teen ekana", "vad gör vi först", "what do we do first": a what-to-do
 * question that asks for the first step. Not a first grade or a first-year pupil ("ensimmäisen luokan", "first grade").
 */
const FIRST_STEP =
  /\b(ensin|ensimmaise(ksi|na)|ensimmaisina|ensimmaisten|ekana|ekaks|ekaksi|aluksi|forst|forsta (steget|minuterna)|first(?! (grade|graders?|year|years?|class|language|aid))|first few minutes)\b/;

export function asksFirst(question: string): boolean {
  return FIRST_STEP.test(fold(question.toLowerCase()));
}

/** The stage a "missä vaiheessa" asks for: when, not a topic (the plan's "vaiheittainen" return plan). */
const STAGE_WORD = /^vaiheessa$/;

export function isIntentWord(word: string, intents: Set<Intent>): boolean {
  return (intents.has('who') && DECISION_WORD.test(fold(word))) || (intents.has('when') && STAGE_WORD.test(fold(word)));
}

/** The kinds of question this is (none for a question that only names a topic). */
/** "When can a pupil get…", "milloin voidaan myöntää…": a "when" with may/can/grant asks for the conditions, not a date. */
const CONDITIONAL_WHEN = /\b(milloin|when|nar)\b.*\b(voi|voidaan|voiko|saa|saako|saadaan|myonnetaan|myontaa|can|may|is .* entitled|kan|far|beviljas)\b/;
const EXPLICIT_WHEN =
  /\b(kuinka|miten) (nopeasti|pian|kauan|pitkaan|usein)\b|\b(kauanko|missa ajassa|mihin mennessa|viimeistaan|maaraaj(?!aksi\b)\w*)\b|\bhow (long|soon|quickly|fast|often)\b|\b(deadline|by when)\b|\bhur (snabbt|lange|fort|ofta)\b|\b(tidsfrist\w*|senast)\b/;

const DEADLINE = new RegExp(
  String.raw`${STATED_LIMIT}|` +
    /\b(kuinka|miten) (nopeasti|pian|kauan|pitkaan|paljon ennen|paljon etukateen)\b|\bmonta(ko)? (paivaa|viikkoa|kuukautta) (ennen|etukateen)\b|\bhur langt (innan|fore|i forvag)\b|\b(kauanko|missa ajassa|mennessa|viimeistaan|maaraaika(?!i)\w*|maaraajan|maaraajat\w*|maaraajassa)\b|\bhow (long|soon|quickly|fast)\b|\b(deadline|by when|within how|at the latest|(by|before) (which|what) (day|date)|what date)\b|\bhur (snabbt|lange|fort|lang tid)\b|\b(tidsfrist\w*|senast|inom hur|vilket datum|vilken dag)\b|\b(kuinka|miten) (monen|moneksi) (paiv|viiko|kuukau|tyopaiv|arkipaiv|koulupaiv)\w*|\bmonenko (paiv|viiko|kuukau|tyopaiv|arkipaiv)\w*|\b(kuinka|miten) (pitkaksi|pitkaks|pitka) (aikaa|ajaksi|aika)\b|\b(kuinka|miten) pitkassa ajassa\b|\b(kuinka|miten) monessa (paivassa|viikossa|kuukaudessa|vuodessa)\b|\bhow many (days|weeks|months|working days|school days)\b/
      .source,
);

/** "Kuinka monta oppilasta", "how many working days": the words after a counting question word (folded, up to seven), what its number counts. */
const COUNTING =
  /\b(?:(?:kuinka|miten) (?:monta|monen)|montako|monenko|how many|(?:maximum |minimum |max |largest |highest |smallest )?number of|hur manga|(?:hogsta|storsta|max|maximala) antal(?:et)?(?: av)?)\s+([\p{L}\p{N}-]+)(?:\s+([\p{L}\p{N}-]+))?(?:\s+([\p{L}\p{N}-]+))?(?:\s+([\p{L}\p{N}-]+))?(?:\s+([\p{L}\p{N}-]+))?(?:\s+([\p{L}\p{N}-]+))?(?:\s+([\p{L}\p{N}-]+))?/u;
/** "Paljonko … maksetaan", "how much does … cost", "vad kostar": a sum of money, counted in euros. */
const MONEY_ASKED = /\b(paljonko|kuinka paljon|kuinka suuri|how much|how (big|large|high)|hur mycket|hur (stor|hog)\w*|vad kostar)\b/;
const MONEY = /\b(maks\w*|hinta|hinna\w*|kustann\w*|palk\w*|korvau\w*|euro\w*|costs?|pay|paid|price|fees?|kostar|betal\w*|avgift\w*|klientavgift\w*|lon)\b/;
/** What the number a how-many or how-much question asks for counts: the words after "kuinka monta", or euros for a sum of money. */
export function countedWords(question: string): string[] {
  const q = fold(question.toLowerCase());
  if (MONEY_ASKED.test(q) && MONEY.test(q)) return ['euroa'];
  const m = COUNTING.exec(q);
  if (!m) return [];
  // A Finnish question may put the counted word after its attributes ("montako pienryhmässä yli puolet opiskelevaa
  // oppilasta", "montako pienryhmässä suurimman osan tunneista opiskelevaa oppilasta"): seven words, of which
  // answerable.ts keeps those up to the first in the partitive; elsewhere three.
  const finnish = /^(kuinka|miten|montako|monenko)/.test(m[0]);
  return m.slice(1, finnish ? 8 : 4).filter((w): w is string => w !== undefined);
}

export function asksDefinitionStrongly(question: string): boolean {
  return STRONG_DEFINITION.test(fold(question.toLowerCase()));
}

/** The question asks how soon or by when (not how often, not at what time of year): the rule with its days answers. */
export function asksDeadline(question: string): boolean {
  return DEADLINE.test(fold(question.toLowerCase()));
}

export function questionIntents(question: string): Set<Intent> {
  const q = fold(question.toLowerCase());
  const intents = new Set((Object.keys(QUESTION) as Intent[]).filter((i) => QUESTION[i].test(q)));
  if (intents.has('when') && CONDITIONAL_WHEN.test(q) && !EXPLICIT_WHEN.test(q)) intents.delete('when');
  // "Mikä on takaraja", "what is the deadline": a plain "what is" asks for the kind of answer its noun names, not a definition.
  if (intents.size > 1 && intents.has('definition') && !STRONG_DEFINITION.test(q)) intents.delete('definition');
  // Spoken Finnish asks "when" with "koska" ("koska muistio pitää jakaa"), which also means "because": only when nothing else asks.
  if (intents.size === 0 && /\bkoska\b/.test(q)) intents.add('when');
  // A case told with its weekday is worked out as the plan's examples are: they are read as asked for.
  if (WEEKDAY.test(q)) intents.add('example');
  return intents;
}

/**
 * A heading's words say what its passages are for ("Kuka päättää", "Määräajat", "Näin toimit"). A decision
 * heading ("Arviointi ja päätös") announces who makes it; Swedish "beslut" heads more kinds of text ("Beslutet och
 * dess innehåll", "Överklagande av beslut") and moved a Swedish who-question to the appeals section. A group's
 * membership and chair ("Kokoonpano", "Puheenjohtaja ja asettaminen") answer who is in it and who leads it.
 */
const HEADING: Partial<Record<Intent, RegExp>> = {
  who: /\b(kuka|ketka|vastuu\w*|vastaa|paattaa|paatos|paatoksenteko|kokoonpano|jasenet|puheenjohtaja|who|responsib\w*|decides?|decision|composition|members|membership|chair|vem|ansvar\w*|beslutar|beviljar|sammansattning|medlemmar|ordforande)\b/,
  when: /\b(maaraaj\w*|aikataulu\w*|vuosikello|milloin|deadlines?|time ?limits?|timetable|schedule|when|tidsfrist\w*|tidtabell|nar|arshjul)\b/,
  steps:
    /\b(nain (toimit|haetaan|teet|avaat|ilmoitat)|toimintaohje\w*|menettely\w*|vaiheet|eteneminen|tarkistuslista|ilmoitus tehdaan|what to do|steps?|how to|checklist|procedure|sa (gor|har gor) du|steg|checklista|gor sa har)\b/,
  criteria: /\b(kriteer\w*|edellytyk\w*|perusteet|milloin|criteria|conditions|eligibility|when|kriteri\w*|villkor|forutsattning\w*|nar)\b/,
  definition: /\b(tarkoitus|kasitteet|mika .* on|what is|definitions?|purpose|vad ar|syfte|begrepp)\b/,
  example: /\b(esimerkki|esimerkit|esimerkkeja|esimerkkitapaus\w*|tapausesimerk\w*|examples?|exempel)\b/,
  often: /\b(kokoukset|kokoontuminen|meetings|moten|sammantraden)\b/,
  contents: /\b(sisalto|sisallot|mita kirjataan|kirjattavat tiedot|innehall\w*|vad antecknas|vad som antecknas|contents?|what is recorded)\b/,
};

const DEFINITIONS_TITLE = /\b(maaritelm\w*|kasitteet|definitions?|definitioner|begrepp|terms used)\b/;

/** A title that asks what its topic is ("Mitä opiskeluhuolto on", "Vad är elevhälsa", "What student welfare is"). */
const WHAT_IS_TITLE = /^(mita|mika|mitka) .+ (on|ovat|tarkoittaa)\??$|^vad (ar|innebar|betyder) .+|^what (is|are) .+|^what .+ (is|are|means)\??$/;

export function isWhatIsTitle(title: string): boolean {
  return WHAT_IS_TITLE.test(fold(plainInline(title).toLowerCase()).trim());
}

/** A section whose title says it defines the terms ("3 § Määritelmät", "Definitioner"). */
export function isDefinitionsTitle(title: string): boolean {
  return DEFINITIONS_TITLE.test(fold(plainInline(title).toLowerCase()));
}

/**
 * What the passage's own text does: names a decider or who leads ("Rektor leder krisgruppen"), gives a time, a
 * number, a rule on what is allowed. Finnish "vastaa" names who is responsible with what it is for, in the elative
 * ("vastaa siitä, että", "arvioinnista vastaa opettaja"); without one it corresponds or answers ("Ne vastaavat
 * nykyisiä näin").
 */
const BODY: Partial<Record<Intent, RegExp>> = {
  who: new RegExp(
    [
      String.raw`\b(paattaa|paattavat|paatoksen tekee|tekee\b.{0,40}\bpaatoksen|myontaa|myontavat|hyvaksyy|hyvaksyvat|nimeaa|kutsuu|johtaa)\b|(?<=\b(\w+sta|siita)\b.{0,40})\bvastaa(vat)?\b|\bvastaa(vat)?\b(?=.{0,40}\b(\w+sta|siita)\b)`,
      String.raw`\b(decides?|makes the decision|grants?|approves?|(is|are) responsible|appoints?|convenes?|leads|chairs)\b`,
      String.raw`\b(beslutar|fattar beslut\w*|beviljar|godkanner|ansvarar|utser|kallar|leder)\b`,
    ].join('|'),
  ),
  when: new RegExp(
    [
      String.raw`\d+\s*[–-]?\s*\d*\s*(arki|tyo|koulu|kalenteri)?(paiv|viiko|viikk|kuukau|tunni|tunti|vuode|minuut)`,
      String.raw`\b(yksi|yhden|yhdeksi|kaksi|kahde\w*|kahta|kolm\w*|nelj\w*|viisi|viide\w*|viitt\w*|kuusi|kuude\w*|kuutt\w*|seitsem\w*|kymmen\w*|viikon|kuukauden)\b.{0,25}(paiv|viiko|viikk|kuukau|tyopaiv|tunni|tunti|vuode|vuotta)`,
      // How long as the end of something: "jatkuu työsuhteen päätyttyä", "continues after employment ends".
      String.raw`\b\w*(paatyttya|paattymisen jalkeen)\b|\bafter \w+ (ends|has ended)\b|\befter att \w+ (upphort|avslutats)\b`,
      String.raw`\b(tammi|helmi|maalis|huhti|touko|kesa|heina|elo|syys|loka|marras|joulu)kuu\w*`,
      String.raw`\b(toistaiseksi|(keston|voimassaolon) aja(n|ksi|lle))\b|\bfor (a fixed (term|period)|the duration of)\b|\b(until further notice|indefinitely|for viss tid|tills vidare)\b`,
      String.raw`\b(viimeistaan|kuluessa|mennessa|samana paivana|vuosittain)\b|\b(kerran|kahdesti|\w+ kertaa) (luku)?(vuodessa|kaudessa|kuukaudessa|viikossa)\b|\d+\.\d+\.`,
      String.raw`\b(\d+|one|two|three|four|five|six|seven|ten|fourteen|thirty)\s*(working |school )?(days?|weeks?|months?|hours?|years?)\b|\bby the end of\b|\b(by|in|before|end of|during) (january|february|march|april|may|june|july|august|september|october|november|december)\b|\b(within|no later than|at the latest|annually|seventh|every year)\b|\b(once|twice|\w+ times) (a|per) (year|term|month|week)\b`,
      String.raw`\b(\d+|en|ett|tva|tre|fyra|fem|sex|sju|tio|fjorton)\s*(dag|dagar|vecka|veckor|manad|manader|timm\w*|ar|arbetsdag\w*|skoldag\w*)\b|\bi slutet av\b|\b(januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december)\b|\b(senast|arligen|sjunde|varje ar)\b|\binom (\d+|en|ett|tva|tre|fyra|fem|sex|sju|tio|fjorton|skalig tid)\b|\b(en gang|tva ganger|\w+ ganger) (per|om|i) (aret|ar|manaden|terminen|lasaret|veckan)\b|\ben gang per\b`,
    ].join('|'),
  ),
  often: new RegExp(
    [
      String.raw`\b(kerran|kahdesti|\w+ kertaa|vuosittain|viikoittain|kuukausittain|joka (vuosi|viikko|kuukausi|lukuvuosi|lukukausi|syksy|kevat))\b`,
      String.raw`\b(once|twice|\w+ times (a|per|each|every)|annually|weekly|monthly|every (year|week|month|term|school year|autumn|spring))\b`,
      String.raw`\b(en gang|tva ganger|\w+ ganger|arligen|varje (ar|vecka|manad|termin|lasar|host|var))\b`,
    ].join('|'),
  ),
  amount: new RegExp(
    [
      String.raw`\d|\b(prosent\w*|procent\w*|percent\w*|euro\w*|enintaan|vahintaan|korkeintaan|at most|at least|maximum|minimum|hogst|minst)\b`,
      String.raw`\b(kaksi|kahde\w*|kahta|kolm\w*|nelj\w*|viisi|viide\w*|viitt\w*|kuusi|kuude\w*|kuutt\w*|seitsem\w*|kahdeksa\w*|yhdeksa\w*|kymmen\w*|sata|sada\w*|tuhat|tuhan\w*|puoli\w*)\b`,
      String.raw`\b(tva|tre|fyra|fem|sex|sju|atta|nio|tio|elva|tolv|femton|tjugo|hundra|tusen|halv\w*)\b`,
      String.raw`\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|hundred|thousand|half)\b`,
    ].join('|'),
  ),
  permission: new RegExp(
    [
      String.raw`\b(saa|saavat|ei saa|voi|voidaan|ei voi|ei voida|oikeus|oikeutta|lupa|lupaa|luvan|luvatta|kielletty|sallittu|suostumu\w*|tarvitaan|ei tarvita|ei kerrota)\b`,
      String.raw`\b(may|may not|must not|cannot|allowed|permitted|prohibited|consent|not needed|is not shared)\b`,
      String.raw`\b(far|far inte|tillat\w*|forbjud\w*|samtycke|behovs)\b`,
    ].join('|'),
  ),
};

/**
 * "Viipymättä", "without delay", "utan dröjsmål": a time, but not one a how-soon question can act on. Where the same
 * section counts the days ("viimeistään seuraavana oppilaitoksen työpäivänä"), that passage answers.
 */
const SOON = /\b(viivytyksetta|viipymatta|aiheetonta viivytysta|without (undue )?delay|utan (onodigt )?drojsmal)\b/;

const LAW_REF = /\b\d+\/\d{4}\b|\b\d+\s*[a-z]?((\s*(,|–|-)\s*|\s+(ja|och|and|tai|eller|or)\s+)\d+\s*[a-z]?)*\s*(§|\b(mom|kap|luvu|kohd|punkt|stycke|section|chapter|subsection|paragraph)\w*|luku\b)/g;
/** A list item's own number at its start ("1)", "(2)", "3."): it counts nothing. */
export const LIST_NUMBER = /^\s*\(?\d{1,2}[).]\s/;
/** …or written inline, where an import kept the list in a paragraph ("…jos: 1) opiskelijalla"). */
const INLINE_LIST_NUMBER = /(?<=[\s:;,])\(?\d{1,2}\)\s/g;

/** A number with a period before a word: an ordinal ("8.–9. luokkien oppilaille": eighth and ninth grade) or a date ("15.3. mennessä"), no count. */
export const ORDINAL = /\b\d{1,2}\.(?=\s*[–-]?\s*(\d{1,2}\.\s*)?\p{L})/gu;

/** Text without its law references ("1 mom.", "(1224/2004)", "46 §"): their numbers count nothing. */
export function withoutLawRefs(text: string): string {
  return text.replace(LAW_REF, ' ');
}
const CRITERIA_INTRO = /\b(kun|jos|edellyt\w*|kriteer\w*|peruste\w*|harkitaan|myonnetaan|when|if|criteria|conditions?|eligible|nar|om|villkor|forutsatt\w*)\b/;
const INTRO = new RegExp(
  [
    String.raw`\b(tama|tassa|seuraava) (osio|luku|kohta|ohje|jakso|liite|suunnitelma)\w*\b.{0,60}\b(kertoo|kuvaa|kasittelee|kerrotaan|kuvataan|kasitellaan|esitellaan)\b`,
    String.raw`\b(osio|luku|kohta) (kertoo|kuvaa|kasittelee)\b`,
    String.raw`\bthis (section|chapter|part|guide|page)\b.{0,40}\b(explains|describes|covers|sets out|tells|shows)\b|\bin this (section|chapter)\b`,
    String.raw`\b(detta|det har) (avsnitt|kapitel)\w*\b.{0,40}\b(beskriver|handlar|berattar|forklarar|tar upp)\b|\bi (detta|det har) (avsnitt|kapitel)\b`,
  ].join('|'),
);
const EXAMPLE_START = /^(\*\*)?(esimerkki|esim\.|tapausesimerkki|example|for example|exempel)\b/;

/** The paragraphs and list items of blocks, as written (headings and other blocks left out). */
export function blockTexts(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => (b.kind === 'list' ? b.items : b.kind === 'paragraph' ? [b.text] : []));
}

/** What a passage is, from its headings and text; computed once per passage, when first needed. */
export interface PassageTraits {
  /** Intents its headings announce. */
  heading: Set<Intent>;
  /** Intents its own text serves. */
  body: Set<Intent>;
  /** Gives a time only as "without delay" ("viipymättä"), with no day or date: half an answer to how soon. */
  soon: boolean;
  /** "This section explains…": an introduction, not the rule. */
  intro: boolean;
  /** A worked example, not the rule. */
  example: boolean;
  /** Some of it is left for the region to write ("Esimerkkialue täydentää tähän"): unwritten.ts. */
  placeholder: boolean;
  words: number;
}

export function passageTraits(headings: string[], blocks: readonly Block[], first: boolean): PassageTraits {
  const head = fold(headings.map(plainInline).join(' · ').toLowerCase());
  const texts = blockTexts(blocks).map((t) => fold(plainInline(t).toLowerCase()));
  const text = texts.join(' ');
  const heading = new Set((Object.keys(HEADING) as Intent[]).filter((i) => HEADING[i]!.test(head)));
  // A law reference ("1 mom.", "(1224/2004)", "46 §") is no quantity, nor a list item's own number ("1)", "2.").
  const quantities = withoutLawRefs(texts.map((t) => t.replace(LIST_NUMBER, ' ')).join(' '))
    .replace(INLINE_LIST_NUMBER, ' ')
    .replace(ORDINAL, ' ');
  const body = new Set((Object.keys(BODY) as Intent[]).filter((i) => BODY[i]!.test(i === 'amount' ? quantities : text)));
  const list = blocks.find((b) => b.kind === 'list');
  if (list?.kind === 'list' && list.ordered) body.add('steps');
  const intro = blocks[0]?.kind === 'paragraph' && list ? fold(blocks[0].text.toLowerCase()) : '';
  if (intro && CRITERIA_INTRO.test(intro)) body.add('criteria');
  const examples = texts.filter((t) => EXAMPLE_START.test(t)).length;
  return {
    heading,
    body,
    soon: !body.has('when') && SOON.test(text),
    intro: first && INTRO.test(text),
    example: heading.has('example') || (texts.length > 0 && examples * 2 >= texts.length),
    placeholder: texts.some(isPlaceholder),
    words: text.split(/\s+/).length,
  };
}
