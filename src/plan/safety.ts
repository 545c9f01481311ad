import { words } from './analyze';

/**
 * Messages that signal acute danger get emergency guidance before anything else. Recall matters more
 * than precision here: a false alarm costs one extra line, a miss can cost a child.
 * A pattern is a run of words, each matched as the start of a message word, so inflections and spoken forms
 * match ("itsetuho": itsetuhoinen, itsetuhoisesti; "satut it": satuttaa itseään, satutti ittensä). A pattern
 * ending in a space wants its last word whole ("lyö ": not "lyön").
 */
export type Danger = 'selfharm' | 'violence' | 'abuse';

const PATTERNS: Record<Danger, string[]> = {
  selfharm: [
    'itsetuho',
    'itsemurh',
    'viiltel',
    'viillel',
    'viilto',
    'viiltää',
    'viiltäny',
    'satut it',
    'vahingoit it',
    // The object first: "miettinyt itsensä satuttamista", "puhui itsensä vahingoittamisesta".
    'itse satut',
    'itte satut',
    'itse vahingoit',
    'itte vahingoit',
    'itsensä tapp',
    'tapp it',
    'itsari',
    'halu kuol',
    'en halu elä',
    'ei halu elä',
    'ettei halu elä',
    'etten halu elä',
    'halua enää elää',
    'haluu enää elää',
    'jaksa elää',
    'jaksa enää elää',
    'hirttä',
    'yliannostu',
    'självmord',
    'skadar sig',
    'skada sig',
    'skadat sig',
    'skadade sig',
    'skär sig',
    'skära sig',
    'skurit sig',
    'skar sig',
    'vill dö',
    'ta livet',
    'ta sitt liv',
    'tog sitt liv',
    'vill inte leva',
    'inte vill leva',
    'orkar inte leva',
    'suicid',
    'self harm',
    'self-harm',
    'self injur',
    'selfharm',
    'kill herself',
    'kill himself',
    'kill themselves',
    'kill myself',
    'want to die',
    'want to live anymore',
    'want to be alive',
    'cut herself',
    'cut himself',
    'cut themselves',
    'cutting herself',
    'cutting himself',
    'hurt herself',
    'hurt himself',
    'hurt themselves',
    'hurt myself',
    'harm herself',
    'harm himself',
    'harm themselves',
    'harm myself',
    'end her life',
    'end his life',
    'end their life',
    'end my life',
    'take her own life',
    'take his own life',
    'take their own life',
    'overdose',
  ],
  violence: [
    'uhkaa ampua',
    'ampua',
    'ampumis',
    'aseen',
    'ase koulu',
    'puukko',
    'puukot',
    'veitsi',
    'veitse',
    'uhkaa tappaa',
    'tappouhka',
    'pommi',
    'pommiuhka',
    'hakkaa',
    'hakkas',
    'pahoinpitel',
    'lyö ',
    'kuristi',
    'skjuta',
    'vapen',
    'kniv',
    'hotar att döda',
    'bomb',
    'misshandel',
    'slår',
    'shoot',
    'gun',
    'knife',
    'bomb threat',
    'threatens to kill',
    'threatened to kill',
    'stabbed',
    'beaten',
    'beating',
  ],
  abuse: [
    'hyväksikäyt',
    'käyt hyväksi',
    'käytetään hyväksi',
    'häntä hyväksi',
    'heitä hyväksi',
    'seksuaalinen väkivalta',
    'seksuaalisesti',
    'raiskas',
    'raiskau',
    'insesti',
    'kaltoinkohtel',
    'lyö lasta',
    'lyövät lasta',
    'isä lyö',
    'äiti lyö',
    'kotona lyödään',
    'lasta lyödään',
    'pahoinpidellään kotona',
    'laiminlyö',
    'övergrepp',
    'sexuellt utnyttj',
    'våldtäkt',
    'misshandlas',
    'far slår',
    'mamma slår',
    'pappa slår',
    'abuse',
    'abused',
    'molest',
    'rape',
    'raped',
    'neglect',
    'hits the child',
    'beats the child',
    'dad hits',
    'mum hits',
    'mom hits',
  ],
};

/** Abuse of a child outranks the others. */
const BY_SERIOUSNESS: Danger[] = ['abuse', 'selfharm', 'violence'];

interface Pattern {
  danger: Danger;
  /** Its words, each the start of a message word; the last one the whole word when `whole`. */
  words: string[];
  whole: boolean;
}

/** Each pattern filed under the first two letters of its first word: a message looks up only the patterns its own words start like. */
const BY_START = new Map<string, Pattern[]>();
for (const danger of BY_SERIOUSNESS) {
  for (const p of PATTERNS[danger]) {
    const pattern: Pattern = { danger, words: words(p), whole: p.endsWith(' ') };
    const key = pattern.words[0].slice(0, 2);
    BY_START.set(key, [...(BY_START.get(key) ?? []), pattern]);
  }
}

/**
 * Words that start like a pattern and name something else: "hyväksikäyttökielto" is the ban on misusing what one
 * learned in student welfare work (the expert group's rule), not the abuse of a child.
 */
const NOT_DANGER = ['hyväksikäyttökielt'];

function matchesAt(p: Pattern, ws: string[], i: number): boolean {
  if (i + p.words.length > ws.length) return false;
  if (NOT_DANGER.some((w) => ws[i].startsWith(w))) return false;
  const last = p.words.length - 1;
  return p.words.every((w, k) => (p.whole && k === last ? ws[i + k] === w : ws[i + k].startsWith(w)));
}

/** Detects the most serious danger signalled by a message, if any. */
export function detectDanger(message: string): Danger | undefined {
  const ws = words(message);
  const found = new Set<Danger>();
  ws.forEach((w, i) => {
    for (const p of BY_START.get(w.slice(0, 2)) ?? []) if (!found.has(p.danger) && matchesAt(p, ws, i)) found.add(p.danger);
  });
  return BY_SERIOUSNESS.find((d) => found.has(d));
}

/** What to search the plan for when a danger is detected: its crisis or child-protection section. */
export const DANGER_QUERY: Record<Danger, string> = {
  selfharm: 'akuutti kriisi itsetuhoisuus hätätilanne 112 ensimmäiset toimet',
  violence: 'akuutti kriisi väkivallan uhka hätätilanne 112 ensimmäiset toimet',
  abuse: 'lastensuojeluilmoitus ilmoitusvelvollisuus viipymättä',
};
