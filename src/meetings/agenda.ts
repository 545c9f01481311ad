import { randomUUID } from 'node:crypto';
import { format, type Lang, messages } from '../i18n';
import { calendarNames } from '../time/format';
import type { AgendaItem, GroupType } from './model';

/**
 * Standard items from the plan's group guidance (content/plan/opiskeluhuoltoryhmat*), by group type, in the
 * group's language (the catalogues' agendaItems): an agenda card never mixes languages.
 */
export function standardItems(type: GroupType, lang: Lang = 'fi'): AgendaItem[] {
  return messages(lang).agendaItems[type].map((title) => ({ id: randomUUID().slice(0, 8), title, proposedBy: 'opari', status: 'accepted', standard: true }));
}

/** A development workshop on a survey's results: results, discussion, chosen actions, owner, follow-up date. */
export function workshopItems(results: string, lang: Lang = 'fi'): AgendaItem[] {
  return messages(lang).agendaItems.workshop.map((title) => ({ id: randomUUID().slice(0, 8), title: format(title, { results }), proposedBy: 'opari', status: 'accepted', standard: true }));
}

/** "Muut asiat" and "Seuraava kokous" (in any of the languages) close an agenda: proposals go before them. */
const CLOSING_FI = new Set(['Muut asiat', 'Seuraava kokous', 'Seuraava tapaaminen']);
const CLOSING = new Set(
  (['fi', 'sv', 'en'] as Lang[]).flatMap((l) =>
    (Object.keys(messages('fi').agendaItems) as (keyof ReturnType<typeof messages>['agendaItems'])[]).flatMap((t) =>
      messages(l).agendaItems[t].filter((_, i) => CLOSING_FI.has(messages('fi').agendaItems[t][i])),
    ),
  ),
);

function isClosingItem(item: AgendaItem): boolean {
  return item.standard && CLOSING.has(item.title);
}

/** Puts an item after the others but before the closing standard items ("Muut asiat", "Seuraava kokous"). */
export function insertBeforeClosing(agenda: AgendaItem[], item: AgendaItem): AgendaItem[] {
  const tail = agenda.findIndex(isClosingItem);
  const out = [...agenda];
  out.splice(tail >= 0 ? tail : out.length, 0, item);
  return out;
}

/** Words that start a sentence or name a role, season or subject: capitalised but not a person. */
const NOT_NAMES = new Set(
  `Koulu Koulun Kouluterveyskysely Kiva KiVa Wilma Teams Opari Rehtori Kuraattori Psykologi Terveydenhoitaja Opettaja Erityisopettaja Oppilas Oppilaat Oppilaskunta Huoltaja Huoltajat
   Syksy Kevät Joulu Pääsiäinen
   Matematiikka Liikunta Musiikki Englanti Ruotsi Suomi MOVE SotkaNet THL OPH Karvi`.split(/\s+/),
);

const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** Month and weekday names in the three languages ("Tammikuu", "Onsdag", "January"). */
const CALENDAR_WORDS = new Set((['fi', 'sv', 'en'] as const).flatMap((l) => calendarNames(l).map(capitalised)));

/**
 * The words of the region's place names (its name, its schools' names and ids, their municipalities),
 * capitalised: "Koivurinne Vaahterarinne" names two schools, not a person. The composition root gives
 * them from the region's content.
 */
export function placeWords(names: string[]): ReadonlySet<string> {
  return new Set(names.flatMap((text) => text.match(/[\p{L}]+/gu) ?? []).map(capitalised));
}

/**
 * A communal group's agenda never concerns an individual pupil (the plan's group guidance). This flags
 * text that looks like it does: a class code with a name (5B), "oppilas X", or two capitalised words in a
 * row that are not known terms (a first and a last name); `places` from `placeWords`.
 */
export function looksLikeIndividualPupil(text: string, places: ReadonlySet<string>): boolean {
  const knownTerm = (word: string) => NOT_NAMES.has(word) || CALENDAR_WORDS.has(word) || places.has(word);
  if (/\b(oppilas|oppilaan|oppilaasta|oppilaalle|pupil|elev(en)?)\s+[A-ZÅÄÖ][a-zåäö]+/u.test(text)) return true;
  // A class code (5B) with a capitalised word inside the text that is not a known term: "kiusaaminen, Ville 5B".
  const classCode = /\b[1-9][A-Fa-f]\b/.test(text);
  const first = /^\s*([A-ZÅÄÖ][a-zåäö]+)\s+[1-9][A-Fa-f]\b/u.exec(text)?.[1];
  if (first && !/^(Luokka|Luokan|Luokalla|Luokassa|Luokkien|Koko|Ryhmä|Ryhmän)$/.test(first) && !knownTerm(first)) return true;
  const inner = (text.match(/[\p{L}-]+/gu) ?? []).slice(1); // the first word is capitalised anyway
  if (classCode && inner.some((w) => /^[A-ZÅÄÖ][a-zåäö]{2,}$/u.test(w) && !knownTerm(w))) return true;
  // Two capitalised words in a row that are not known terms: a first and a last name.
  const words = text.match(/[\p{L}-]+/gu) ?? [];
  const name = (w: string) => /^[A-ZÅÄÖ][a-zåäö]+(-[A-ZÅÄÖ][a-zåäö]+)?$/u.test(w) && !knownTerm(w);
  for (let i = 1; i < words.length; i++) if (name(words[i - 1]) && name(words[i])) return true;
  return false;
}
