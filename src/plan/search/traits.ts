import { fold } from '../analyze';
import { plainInline } from '../markdown';
import type { Block } from '../model';
import type { Intent } from './intent';
import { isPlaceholder } from './unwritten';

/**
 * What kind of text a passage is, read from its headings and words in fi / sv / en (folded): the sentence naming a
 * decider, a rule with its days, steps, criteria; an introduction ("this section explains…") or a worked example,
 * which answer only when asked for. What a question asks for: intent.ts.
 */

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

/** A statement that something is needed or is not (folded). */
const NEED =
  /\b(ei (haeta|tarvita|tarvitse|edellyta|vaadita|tarvi)|tarvitaan|tarvitsee|edellyttaa|edellytetaan|vaaditaan|pakollinen|(not|no|is|are) (needed|required)|needs? no|requires?|does not require|kravs|kravs inte|behovs|behovs inte|behover inte|kraver|kraver inget|obligatorisk)\b/;

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
      // "The principal makes sure the process moves forward", as "Rehtori vastaa siitä, että prosessi etenee".
      String.raw`\b(decides?|makes the decision|grants?|approves?|(is|are) responsible|makes sure|ensures|appoints?|convenes?|leads|chairs)\b`,
      String.raw`\b(beslutar|fattar beslut\w*|beviljar|godkanner|ansvarar|ser till att|utser|kallar|leder)\b`,
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
  /** It says something is needed or is not ("ei haeta lupaa", "varmuutta ei tarvita", "needs no permit", "krävs inte"). */
  need: boolean;
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
    need: NEED.test(text),
    example: heading.has('example') || (texts.length > 0 && examples * 2 >= texts.length),
    placeholder: texts.some(isPlaceholder),
    words: text.split(/\s+/).length,
  };
}
