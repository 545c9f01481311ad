import { fold } from '../analyze';

/**
 * What kind of answer a question wants, read from its words in fi / sv / en (ä, ö, å folded away, so "paattaa"
 * reads as "päättää"): a who-question wants the sentence naming the decider, a how-soon question the rule with its
 * number of days, a what-do-I-do question the steps. What kind of text a passage is: traits.ts.
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
    String.raw`\b(keta|keita|ketka|kuka|mita|mika|minka ikai\w*)\b.{0,40}\b(tarkoitetaan|tarkoittaa|tarkotetaan|tarkottaa|pidetaan|katsotaan|lasketaan)\b|\bminka ikai\w*\b`,
    // Whether two words name the same thing: "onko oppilashuolto sama asia kuin opiskeluhuolto", "är elevvård samma sak som elevhälsa".
    String.raw`\bsama (asia )?kuin\b|\bsamma (sak )?som\b|\bthe same (thing )?as\b`,
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
/** A number as Finnish says it before a time in the partitive ("kolme päivää aikaa"). */
const TIME_COUNT_FI = String.raw`(\d+|yksi|kaksi|kolme|nelja|viisi|kuusi|seitseman|kahdeksan|yhdeksan|kymmenen)`;
const STATED_LIMIT = [
  String.raw`\b${TIME_COUNT} (paivan|viikon|kuukauden|tyopaivan|koulupaivan|arkipaivan|tunnin|vuorokauden) (sisalla|kuluessa)\b`,
  String.raw`\binom ${TIME_COUNT} (dag|dagar|dygn|veckor|vecka|arbetsdagar|skoldagar|timmar|manader|manad)\b`,
  String.raw`\bwithin ${TIME_COUNT} (days?|weeks?|months?|working days?|school days?|hours?)\b`,
  // The time one has: "on viikko aikaa kirjata", "kolme päivää aikaa", "har en vecka på sig", "has two weeks to".
  String.raw`\b(${TIME_COUNT_FI} )?(paiva|paivaa|viikko|viikkoa|kuukausi|kuukautta|tyopaivaa|arkipaivaa|koulupaivaa|vuorokausi|vuorokautta|tuntia) aikaa\b`,
  String.raw`\b${TIME_COUNT} (dag|dagar|veckor|vecka|manad|manader|arbetsdagar|skoldagar) pa sig\b`,
  String.raw`\b(has|have|got|gets|get) ${TIME_COUNT} (days?|weeks?|months?|working days?|school days?) to\b`,
].join('|');

const QUESTION: Record<Intent, RegExp> = {
  // English "who" after a noun is a relative pronoun ("a pupil who changed schools", "the teacher who monitors"): it
  // asks who only at the start of the question or a clause, after a preposition, or after a verb of asking or deciding.
  // "Kuuluuko tämä rehtorille", "onko se rehtorin päätettävissä", "does this go to the principal", "hör det till rektorn":
  // whose it is to do or decide.
  who: /\b(kuka|ketka|keita|kenen|kenet|kenelle|keille|kelle|kenelta|keta|vem|vilka|vems)\b|\bkuuluuko (tama|taa|se|asia|tuo|paatos) \w+(lle|lla)\b|\b\w+n paatettavissa\b|\b(does|should) (this|it|that) (go|fall) to\b|\bis (this|it|that) up to\b|\bhor (det|detta|det har) till\b|(?:^|[,;:.!?()\u2013\u2014-]\s*|\b(?:and|or|but|so|then|to|by|with|for|from|of|about|know|tell|ask|asks|decide|decides|determines?|check|out|says?|wonder|sure|clear)\s+)(?:who|whom|whose)\b/,
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
      String.raw`\bmiten (\w+ )?(toimin|toimitaan|toimia|toimii|toimivat|menettelen|menetellaan|edetaan|etenee|etenemme|teen|hoidan|hoidetaan|ilmoitan)\b`,
      // "Mitä koulussa tehdään", spoken "mitä tehään".
      String.raw`\bmita (\w+ )?(tehdaan|tehaan)\b`,
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

/** "Pitääkö hakea lupa", "tarvitaanko suostumus", "do we need", "behöver man": whether something is needed. */
const ASKS_NEED =
  /\b(pitaako|tarvitaanko|tarviiko|tarvitseeko|tarvitsenko|tarvitaanks|taytyyko|onko pakko|onks pakko|do (i|we|you|they) (need|have to)|is (it|a|an|the) \w+ (needed|required)|behover (jag|vi|man|hen|skolan)|maste (jag|vi|man)|kravs( det)?)\b/;

export function asksNeed(question: string): boolean {
  return ASKS_NEED.test(fold(question.toLowerCase()));
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
