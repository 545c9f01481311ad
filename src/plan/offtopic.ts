import { z } from 'zod';
import { readYamlFile } from '../yamlFile';
import { contentWordMask, fold, isStopword, type Lang, LANGS, stem, stemsAnyLang, words } from './analyze';

/**
 * Topics staff ask a work assistant about that a student welfare plan does not cover (content/offtopic.yml):
 * pay, IT, premises, catering, small talk. A question naming one is declined honestly even when it shares
 * other words with the plan ("avustajan palkka", "Wilma password"). A one-word term counts only when the
 * plan never uses the word itself; a phrase ("annual leave", "lunch menu") always counts.
 */
const localized = z.object({ fi: z.string().min(1), sv: z.string().min(1).optional(), en: z.string().min(1).optional() });
const topic = z.object({
  topic: z.string().min(1),
  where: localized.optional(),
  fi: z.array(z.string()).default([]),
  sv: z.array(z.string()).default([]),
  en: z.array(z.string()).default([]),
});

/** The subject a question is about, and who in the region helps with it (per language, Finnish always). */
export interface OffTopicMatch {
  topic: string;
  where?: z.infer<typeof localized>;
}

interface Phrase {
  subject: OffTopicMatch;
  /** Stems per word, in the term's language. */
  stems: string[];
  /** Per word: an English -ing noun the question must write so ("teachers' meeting" is not "the teacher meets"). */
  ing: boolean[];
  /** Its place in the file: where phrases overlap, the later one names the subject. */
  order: number;
}

/**
 * Where something happened rather than what the question is about: "tappelu ruokalassa", "fight in the
 * canteen", "slagsmål i matsalen", "nuuskaa parkkipaikalla". A Finnish word in the inessive or adessive, or
 * a word after a preposition of place or time of the question's language (an article or possessive between
 * them allowed: the Swedish "i" is not the English "I").
 */
const FI_PLACE_CASE = /(ssa|ssä|lla|llä)$/;
/** A Finnish postposition that makes the word before it a time: "hiihtoloman aikana", "kokouksen jälkeen". */
const FI_TIME_AFTER = new Set(['aikana', 'aikaan', 'jälkeen', 'jalkeen', 'ajaksi', 'ajan']);

/**
 * A pronoun a question puts after its verb, the subject in Swedish word order ("Hur beställer jag läromedel", "Var
 * beställer man läroböcker") or who it is for ("kuka hommaa mulle sijaisen"): it may stand between a phrase's first
 * two words.
 */
const PRONOUN_AFTER_VERB = new Set('jag man vi du ni hen han hon de mig oss i we you me us mä sä mulle minulle meille itselleni itelleni'.split(' '));

/**
 * Words that say when, or whose, and may stand inside a phrase, one or two together, once: "tilaan ensi syksyn
 * oppikirjat" (tilaan oppikirjat), "olen itse huomenna sairaana", "beställa nästa års läromedel".
 */
const WHEN_INSIDE = new Set(
  'huomenna tänään nyt taas ensi ens tämän tän seuraavan syksyn kevään lukuvuoden vuoden itse ite imorgon morgon idag nu nästa års själv tomorrow today next myself'.split(' '),
);

/** Whether a word may stand inside a phrase before its word `k` (WHEN_INSIDE; a pronoun only after the first). */
function inside(w: string | undefined, k: number): boolean {
  return w !== undefined && (WHEN_INSIDE.has(w) || (k === 1 && PRONOUN_AFTER_VERB.has(w)));
}

/**
 * Verbs of forgetting or losing: what one forgot or lost is what the question is about, whatever else it names ("unohdin
 * wilman salasanan enkä pääse kirjaamaan poissaoloja": the password, not the absences).
 */
const LOST = new Set('unohdin unohtui unohtunut unohtanut hukkasin hukannut kadotin kadottanut forgot forgotten lost lose glömde glömt tappade tappat'.split(' '));

/** Whether one of the three words before `i` forgets or loses (LOST): "unohdin taas wilman salasanan". */
function afterLost(ws: string[], i: number): boolean {
  return ws.slice(Math.max(0, i - 3), i).some((w) => LOST.has(w));
}

/** An English noun in -ing, which its stem shares with the verb (meeting, meet). */
const ING = /ings?$/;
const PLACE_PREPOSITIONS: Record<Lang, Set<string>> = {
  fi: new Set(),
  en: new Set(['in', 'on', 'at', 'during', 'inside', 'outside', 'near']),
  sv: new Set(['i', 'på', 'under', 'vid', 'utanför', 'inne']),
};
const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'my', 'his', 'her', 'their', 'its', 'this', 'that', 'vår', 'vårt', 'min', 'mitt', 'hans', 'hennes', 'deras', 'den', 'det', 'en', 'ett']);

function afterPlacePreposition(ws: string[], i: number, lang: Lang): boolean {
  let k = i - 1;
  if (k >= 0 && DETERMINERS.has(ws[k])) k--;
  return k >= 0 && PLACE_PREPOSITIONS[lang].has(ws[k]);
}

/** Whether the plan writes a word: a stem of it in some language, of four letters at least (three say little: "sal"). */
function plans(word: string, known: (stem: string) => boolean): boolean {
  return stemsAnyLang(word).some((s) => s.length >= 4 && known(s));
}

/** Whether a word is two words the plan writes, of six and five letters at least ("sala-sana", a password, is not). */
function plansTwoWords(word: string, known: (stem: string) => boolean): boolean {
  for (let at = 6; at <= word.length - 5; at++) if (plans(word.slice(0, at), known) && plans(word.slice(at), known)) return true;
  return false;
}

function beforeTimePostposition(ws: string[], i: number, lang: Lang): boolean {
  return lang === 'fi' && i + 1 < ws.length && FI_TIME_AFTER.has(ws[i + 1]);
}

/** How many, at most: a question that counts (folded). */
const COUNTING_WORDS = /\b(montako|monta|moniko|hur manga|how many|max|maximum|enintaan|enimmillaan|korkeintaan|hogst)\b/;
/** Pupils counted, as a question writes them: not "oppilaalle" (to a pupil). */
const PUPILS = /^(oppilasta|oppilaita|oppilaat|lasta|lapsia|elever|eleverna|pupils|students|children)$/;
/**
 * Pupils who get support, whom a plan does count ("at most five pupils of a small group in one mainstream class"):
 * small groups, special classes, integration, special support.
 */
const SUPPORT = /pienryhm|erityis|integr|\btu(en|kea|ki)\b|small group|special|mainstream|smagrupp|specialklass|sarskil/;
/** A class, a teaching group or a grade's class, in any case the question puts it (ekaluokalla, ekaluokalle, luokassa, klassen). */
const CLASS = /luok(ka|assa|alla|alle|an|aan|issa|illa|ille)$|^klass(en|er|erna)?$|^class(es)?$/;

/** A form of a one-word term is at most this many letters shorter than the term (varata → varaan, nyckel → nycklar). */
const MAX_SHORTER = 3;

export class OffTopic {
  /**
   * One-word terms by their language and stem (`sv:dat`), with the shortest word a form of one may be (see `match`).
   * A question word is looked up by its stem in the question's language: English "date" is not the Swedish "dator".
   */
  private readonly single = new Map<string, { subject: OffTopicMatch; minLength: number }>();
  /** The subject of class size (the list's "luokkakoko"), for a question that counts the pupils of a class; read once. */
  private readonly classSizeSubject: OffTopicMatch | undefined;
  /** One-word terms of 5+ letters as written: an inflected form starts with them (salasana-n) where the stemmer disagrees. */
  private readonly prefixes: [string, OffTopicMatch][] = [];
  /** Phrases by the stem of their first word: a question looks up its own words' stems. */
  private readonly phrases = new Map<string, Phrase[]>();
  /** The prefixes by their first and by their last three letters (their places in `prefixes`): a word looks up only those it may hold. */
  private readonly prefixStarts = new Map<string, number[]>();
  private readonly prefixEnds = new Map<string, number[]>();

  constructor(topics: z.infer<typeof topic>[]) {
    let order = 0;
    for (const t of topics) {
      const subject: OffTopicMatch = { topic: t.topic, ...(t.where ? { where: t.where } : {}) };
      for (const lang of LANGS) {
        for (const term of t[lang as Lang]) {
          const ws = words(term);
          if (ws.length === 1) {
            const s = `${lang}:${stem(ws[0], lang)}`;
            const had = this.single.get(s);
            this.single.set(s, { subject: had?.subject ?? subject, minLength: Math.min(had?.minLength ?? Infinity, ws[0].length - MAX_SHORTER) });
            if (ws[0].length >= 5) this.prefixes.push([ws[0], subject]);
          } else if (ws.length > 1) {
            const stems = ws.map((w) => stem(w, lang));
            const list = this.phrases.get(stems[0]) ?? [];
            list.push({ subject, stems, ing: ws.map((w) => lang === 'en' && ING.test(w)), order: order++ });
            this.phrases.set(stems[0], list);
          }
        }
      }
    }
    this.classSizeSubject = this.single.get(`fi:${stem('luokkakoko', 'fi')}`)?.subject;
    this.prefixes.forEach(([p], k) => {
      for (const [map, key] of [
        [this.prefixStarts, p.slice(0, 3)],
        [this.prefixEnds, p.slice(-3)],
      ] as const) {
        const list = map.get(key) ?? [];
        list.push(k);
        map.set(key, list);
      }
    });
  }

  static load(file: string): OffTopic {
    return new OffTopic(readYamlFile(file, z.array(topic), []));
  }

  /**
   * The off-topic subject the question names, if any, and the question's words that name it (every such
   * word, in question order); `setting` when every one of them only says where or when (see FI_PLACE_CASE); `lost` when
   * one of them is what the asker forgot or lost (LOST).
   * `known` tells whether the plan uses a stem itself; `lang` is the question's language; `knownInTranslation`, for
   * a plan not written in it, whether the plan uses a word's translation ("läroböcker" in a Finnish plan's "oppikirjoja").
   */
  match(
    question: string,
    known: (stem: string) => boolean,
    lang: Lang = 'fi',
    knownInTranslation: (word: string) => boolean = () => false,
  ): { subject: OffTopicMatch; words: string[]; setting: boolean; lost: boolean } | undefined {
    const ws = words(question);
    const content = contentWordMask(ws);
    const stems = ws.map((w) => stemsAnyLang(w));
    const found = new Map<number, OffTopicMatch>();
    const matches: { p: Phrase; at: number[] }[] = [];
    for (let i = 0; i < ws.length; i++) {
      for (const first of stems[i]) {
        for (const p of this.phrases.get(first) ?? []) {
          const same = (k: number, at: number) => at < ws.length && stems[at].includes(p.stems[k]) && (!p.ing[k] || ING.test(ws[at]));
          // The phrase's words in question order, with one pronoun allowed after its verb ("beställer jag läromedel")
          // or one or two words saying when inside it, once (WHEN_INSIDE).
          const at = [i];
          for (let k = 1, gap = false; k < p.stems.length && at.length === k; k++) {
            const next = at[k - 1] + 1;
            if (same(k, next)) at.push(next);
            else if (!gap) {
              const skip = !inside(ws[next], k) ? 0 : same(k, next + 1) ? 1 : inside(ws[next + 1], k) && same(k, next + 2) ? 2 : 0;
              if (skip) {
                gap = true;
                at.push(next + skip);
              }
            }
          }
          if (at.length === p.stems.length && same(0, i)) matches.push({ p, at });
        }
      }
    }
    matches.sort((a, b) => a.p.order - b.p.order || a.at[0] - b.at[0]);
    const settings = new Set<number>();
    for (const { p, at } of matches) {
      for (const k of at) found.set(k, p.subject);
      if (afterPlacePreposition(ws, at[0], lang) || beforeTimePostposition(ws, at[at.length - 1], lang)) for (const k of at) settings.add(k);
    }
    for (let i = 0; i < ws.length; i++) {
      // Stems of three letters say little ("salasana" stems to "sal", which the plan has from other words).
      if (found.has(i) || !content[i] || stems[i].some((s) => s.length >= 4 && known(s)) || knownInTranslation(ws[i])) continue;
      // A word much shorter than the term is another word with the same stem: Swedish "fast" (although) is not "fastighet".
      // A term of another language than the question's counts when the word reads the same in both ("password" in
      // a Finnish question), not when only that language's stemmer makes it the term (English "dates" as Swedish "dat").
      const own = stem(ws[i], lang);
      const single = LANGS.map((l) => ({ l, s: stem(ws[i], l) }))
        .filter(({ l, s }) => l === lang || s === own)
        .map(({ l, s }) => this.single.get(`${l}:${s}`))
        .find((t) => t && ws[i].length >= t.minLength);
      const subject = single?.subject ?? this.compound(ws[i], known);
      if (!subject) continue;
      found.set(i, subject);
      if ((lang === 'fi' && FI_PLACE_CASE.test(ws[i])) || afterPlacePreposition(ws, i, lang) || beforeTimePostposition(ws, i, lang)) settings.add(i);
      // A compound the plan writes as two of its own words ("syysloma-päivät": "syysloman päivät") may be the plan's
      // as well as the term its letters spell (loma-päivät, one's days off): it counts only as much as a setting, declined
      // when nothing else in the question is the plan's, not when the rest is ("7 pv aikaraja kuraattorille, lasketaanko
      // syyslomapäivät mukaan?").
      else if (!single && plansTwoWords(ws[i], known)) settings.add(i);
    }
    // "Montako oppilasta ekaluokalla saa enintään olla?", "Hur många elever får det vara i en klass?": how many pupils a
    // class holds is its size, which the list names (luokkakoko, class size) and a question seldom writes so.
    if (found.size === 0) {
      const size = this.classSize(ws);
      if (size) for (const i of size.at) found.set(i, size.subject);
    }
    if (found.size === 0) return undefined;
    const at = [...found.keys()].sort((a, b) => a - b);
    return { subject: found.get(at[0])!, words: at.map((i) => ws[i]), setting: at.every((i) => settings.has(i)), lost: at.some((i) => afterLost(ws, i)) };
  }

  /**
   * A question that counts the pupils of a class, not pupils who get support: its pupil word's and class word's places,
   * and the class size's subject.
   */
  private classSize(ws: readonly string[]): { at: number[]; subject: OffTopicMatch } | undefined {
    const subject = this.classSizeSubject;
    if (!subject) return undefined;
    const folded = ws.map(fold);
    const text = folded.join(' ');
    if (!COUNTING_WORDS.test(text) || SUPPORT.test(text)) return undefined;
    const pupil = folded.findIndex((w) => PUPILS.test(w));
    const klass = folded.findIndex((w) => CLASS.test(w));
    return pupil >= 0 && klass >= 0 ? { at: [pupil, klass], subject } : undefined;
  }

  /**
   * A word the plan does not know that is an off-topic term inflected (salasana-ni) or a compound with one:
   * its first part (vuosiloma-päivää, when the rest is a word the plan knows) or its last (koulu-ruokala-ssa).
   */
  private compound(word: string, known: (stem: string) => boolean): OffTopicMatch | undefined {
    // Only a prefix the word starts with, or one ending at most four letters before its end, can match.
    const candidates = [...(this.prefixStarts.get(word.slice(0, 3)) ?? [])];
    for (let end = word.length; end >= Math.max(3, word.length - 4); end--) candidates.push(...(this.prefixEnds.get(word.slice(end - 3, end)) ?? []));
    candidates.sort((a, b) => a - b);
    for (const k of candidates) {
      const [p, subject] = this.prefixes[k];
      if (word.startsWith(p)) {
        const rest = word.slice(p.length);
        if (rest.length <= 4 || (p.length >= 6 && plans(rest, known))) return subject;
      }
      // The last part of a compound whose first part the plan knows: not letters that only spell it ("tar-vitsi-si",
      // a form of "tarvita", holds "vitsi"), nor a function word before them ("ensi-sijainen" is primary, no substitute).
      const at = word.lastIndexOf(p);
      if (at >= 4 && word.length - at - p.length <= 4 && !isStopword(word.slice(0, at)) && stemsAnyLang(word.slice(0, at)).some(known)) return subject;
    }
    return undefined;
  }
}
