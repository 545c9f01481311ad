import { words } from './analyze';

/**
 * Messages that signal acute danger get emergency guidance before anything else. Recall matters more
 * than precision here: a false alarm costs one extra line, a miss can cost a child.
 * Patterns are word-prefix matches over lowercased words (so inflections match: itsetuhoinen, itsetuhoisesti).
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
    'satuttaa itse',
    'satuttanut itse',
    'vahingoittaa itse',
    'tappaa itse',
    'haluaa kuolla',
    'halua kuolla',
    'halua elää',
    'halua enää elää',
    'jaksa elää',
    'jaksa enää elää',
    'hirttä',
    'yliannostu',
    'självmord',
    'skadar sig',
    'skada sig',
    'skär sig',
    'vill dö',
    'ta livet',
    'vill inte leva',
    'inte vill leva',
    'orkar inte leva',
    'suicid',
    'self harm',
    'self-harm',
    'selfharm',
    'kill herself',
    'kill himself',
    'kill themselves',
    'kill myself',
    'wants to die',
    'want to live anymore',
    'want to be alive',
    'cutting herself',
    'cutting himself',
    'hurt herself',
    'hurt himself',
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

/**
 * Each pattern as it is looked for in a message's words (lowercased, at the start of a word), filed under its
 * first three letters: a message looks up only the patterns its own words start like.
 */
const BY_START = new Map<string, { danger: Danger; needle: string }[]>();
for (const danger of BY_SERIOUSNESS) {
  for (const p of PATTERNS[danger]) {
    const needle = ` ${p.toLowerCase()}`;
    const list = BY_START.get(needle.slice(1, 4)) ?? [];
    list.push({ danger, needle });
    BY_START.set(needle.slice(1, 4), list);
  }
}

/** Detects the most serious danger signalled by a message, if any. */
export function detectDanger(message: string): Danger | undefined {
  const text = ` ${words(message).join(' ')} `;
  const found = new Set<Danger>();
  // Every space of the text is before a word (or at its end): where a pattern may start.
  for (let i = text.indexOf(' '); i >= 0 && i < text.length - 1; i = text.indexOf(' ', i + 1)) {
    for (const { danger, needle } of BY_START.get(text.slice(i + 1, i + 4)) ?? []) if (text.startsWith(needle, i)) found.add(danger);
  }
  return BY_SERIOUSNESS.find((d) => found.has(d));
}

/** What to search the plan for when a danger is detected: its crisis or child-protection section. */
export const DANGER_QUERY: Record<Danger, string> = {
  selfharm: 'akuutti kriisi itsetuhoisuus hätätilanne 112 ensimmäiset toimet',
  violence: 'akuutti kriisi väkivallan uhka hätätilanne 112 ensimmäiset toimet',
  abuse: 'lastensuojeluilmoitus ilmoitusvelvollisuus viipymättä',
};
