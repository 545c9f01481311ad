import { fold, type Lang, LANGS, stem, words } from './analyze';
import type { GlossaryEntry } from './glossary';

/**
 * Which language a typed text is in (fi, sv or en), or undefined when it cannot be told ("ping",
 * "OH-2026-0042", a name). Evidence: function and command words that belong to one language only, the
 * domain glossary's terms (a word that is a term in one language only, inflected or not), Finnish case
 * endings, and the Swedish å. A text is told only when one language clearly leads.
 */
const FUNCTION_WORDS: Record<Lang, string> = {
  fi: `ja tai sekä mutta kun jos että kuin myös vain jo ei emme ette eivät ole olen olet olemme olette ovat oli olivat ollut olla olisi onko onks
    mikä mitkä mitä mihin missä mistä miksi millä milloin miten miltä mille minkä minne kuka ketkä kenen kenelle keneltä kenet kuinka
    paljonko kauanko montako voi voiko voinko saako saanko pitääkö täytyykö tarvitseeko pitää täytyy tarvitsee saa saada voida
    minä sinä hän me te he mä sä se ne tämä tuo nämä nuo sen siitä siihen sitä niitä tätä tästä tähän tässä siinä jossa joka jotka
    kanssa ilman ennen jälkeen aikana mukaan kautta vai eli noin niin nyt sitten taas vielä kiitos haluan tietää hyvä kerro
    oon ollaan pitäis pitäisi tarviiko ihan tosi vaan niinku sit siis just vähän paljon aina koskaan tänään huomenna eilen
    jotain joku jokin kaikki mitään kukaan toinen yksi takia vuoksi lisäksi löytyy löytyykö mut nää tää`,
  sv: `och eller men att som om när hur vad vem vilka vilken vilket varför vart varifrån är vara blir bli har hade kan kunna ska skall måste får få
    jag du han hon vi ni de den det detta dessa min din vår deras sig mig dig oss ett på av för till med från hos efter före utan
    inte ej nu då sedan också bara redan någon något några alla mycket tack snälla vill veta finns hittar kanske alltid aldrig ofta idag imorgon igår nästa förra sådan`,
  en: `the and or but if when how what which who whom whose why where is are was were be been being am do does did done have has had
    can could shall should will would may might must you he she we they it its this that these those my your our their me him her us them
    of in at by for to from with about into over under after before without than then so not yes there here please thanks
    tell know want need get good any some anything something really just also very often always never today tomorrow yesterday next last`,
};

/** The bot's command words (see the handlers' patterns): "apua" alone says Finnish. */
const COMMAND_WORDS: Record<Lang, string> = {
  fi: `apua ohje ohjeet lomakkeet lomake uusi perusta ryhmä tulevat kokoukset seuraava kokous edellinen muistio omat kieli roolit tietopyyntö poista
    opiskeluhuoltokanava asiantuntijakanava hei moi moikka heippa moro terve huomenta päivää iltaa hyvää suomi ruotsi englanti
    kiitti kiitoksia selvä okei jees hienoa kiva osaat nähdään kuuluu auttaa asiat asiani mun näytä`,
  sv: `hjälp blanketter blankett nytt ärende bilda grupp kommande möten möte föregående minnesanteckningar mina språk roller radera
    elevhälsokanal expertkanal expertkanalen hej hejsan tjena morgon dag kväll svenska finska engelska tackar tusen okej bra hejdå ses mår läget hjälpa visa blanketterna`,
  en: `help forms form new case create group upcoming meetings meeting previous memo language roles delete request channel expert welfare
    hello hi hey morning afternoon evening english finnish swedish thank thx cheers great nice got bye goodbye`,
};

/** Finnish case, clitic and derivation endings: a long word ending so is very likely Finnish. */
const FINNISH_ENDING = /(ssa|ssä|sta|stä|lla|llä|lle|lta|ltä|ksi|tta|ttä|kin|ko|kö|aan|ään|iin|isen|iseen|uksen|ujen|iden|itten|minen|nen|jan|jän|ista|istä)$/;
/** Long vowels and diphthongs that Swedish and English words hardly have. */
const FINNISH_VOWELS = /(aa|ää|uu|yy|öö|yö|äy|öy)/;
const MIN_CUE_WORD = 6;

export class LanguageDetector {
  /** Words (and their folded spellings) that occur in one language's lists only. */
  private readonly exact: Map<string, Lang>;
  /** Stems of glossary terms per language, for inflected words (oppilaan → oppil). */
  private readonly stems: Record<Lang, Set<string>>;

  constructor(glossary: GlossaryEntry[] = []) {
    const seen = new Map<string, Set<Lang>>();
    const add = (w: string, l: Lang) => {
      for (const v of new Set([w, fold(w)])) (seen.get(v) ?? seen.set(v, new Set()).get(v)!).add(l);
    };
    for (const l of LANGS) for (const w of `${FUNCTION_WORDS[l]} ${COMMAND_WORDS[l]}`.split(/\s+/).filter(Boolean)) add(w, l);
    const termStems: Record<Lang, Map<string, Set<Lang>>> = { fi: new Map(), sv: new Map(), en: new Map() };
    for (const e of glossary) {
      for (const l of LANGS) {
        for (const w of e[l].flatMap(words)) {
          if (w.length < 4) continue;
          add(w, l);
          for (const l2 of LANGS) {
            const s = stem(w, l2);
            (termStems[l2].get(s) ?? termStems[l2].set(s, new Set()).get(s)!).add(l);
          }
        }
      }
    }
    this.exact = new Map([...seen].filter(([, ls]) => ls.size === 1).map(([w, ls]) => [w, [...ls][0]]));
    // A stem counts for a language when, stemmed that language's way, it comes from that language's terms only.
    this.stems = { fi: new Set(), sv: new Set(), en: new Set() };
    for (const l of LANGS) for (const [s, ls] of termStems[l]) if (ls.size === 1 && ls.has(l) && s.length >= 4) this.stems[l].add(s);
  }

  /** Evidence per language, one vote per word at most. */
  scores(text: string): Record<Lang, number> {
    const score: Record<Lang, number> = { fi: 0, sv: 0, en: 0 };
    if (/[åÅ]/.test(text)) score.sv += 1;
    for (const w of words(text)) {
      if (/^\d/.test(w)) continue;
      const known = this.exact.get(w);
      if (known) {
        score[known] += 1;
        continue;
      }
      const byStem = LANGS.filter((l) => this.stems[l].has(stem(w, l)));
      if (byStem.length === 1) {
        score[byStem[0]] += 1;
        continue;
      }
      if (w.length >= MIN_CUE_WORD && (FINNISH_ENDING.test(w) || FINNISH_VOWELS.test(w))) score.fi += 0.5;
    }
    return score;
  }

  /** The language of `text`, when one language has at least one word of evidence and twice any other's. */
  detect(text: string): Lang | undefined {
    const score = this.scores(text);
    const [first, second] = [...LANGS].sort((a, b) => score[b] - score[a]);
    if (score[first] < 1 || score[first] < 2 * score[second]) return undefined;
    return first;
  }
}
