import { fold } from './analyze';
import type { Block, Plan, PlanSection } from './model';
import { textPieces } from './search/unwritten';

/**
 * Levels of education a question may name (upper secondary, vocational, early childhood, higher education). A plan
 * written for one level (basic education) answers a question about another only from a section whose text names
 * that level (answer.ts): the section on school meals of a basic-education plan does not say what upper secondary
 * students pay. A section that names the level in passing still answers; one that names it only where the region is
 * still to write ("Lukion … säännöt Esimerkkialue täydentää tähän erikseen") says the plan does not answer yet.
 */
export type Level = 'basic' | 'upperSecondary' | 'vocational' | 'earlyChildhood' | 'higher';

const LEVELS: readonly [Level, RegExp][] = [
  ['basic', /\b(perusopetu\w*|peruskoulu\w*|grundlaggande utbildning\w*|grundskol\w*|basic education|comprehensive school)/],
  ['upperSecondary', /\b(lukio\w*|lukiolai\w*|gymnasi\w*|upper secondary|high school\w*|sixth form|ylioppila\w*|studentexam\w*|studentskrivning\w*|matriculation)/],
  ['vocational', /\b(ammatilli\w*|ammattikoulu\w*|ammattiopisto\w*|amis\w*|yrkesskol\w*|yrkesutbildning\w*|yrkesinstitut\w*|yrkesinriktad\w*|vocational)/],
  ['earlyChildhood', /\b(varhaiskasvatu\w*|paivakod\w*|paivakoti\w*|dagis\w*|daghem\w*|smabarnspedagogi\w*|daycare|day care|nursery|early childhood)/],
  ['higher', /\b(yliopist\w*|korkeakoulu\w*|universitet\w*|hogskol\w*|universit(y|ies)|polytechnic)/],
];

/** "Toinen aste", "upper secondary", "andra stadiet": both general upper secondary and vocational education. */
const SECONDARY = /\b(toi\w* aste\w*|upper secondary|andra stadi\w*)/;

/** Whether a text (folded, lower case) names the level. */
function names(t: string, level: Level): boolean {
  return LEVELS.find(([l]) => l === level)![1].test(t) || ((level === 'upperSecondary' || level === 'vocational') && SECONDARY.test(t));
}

/** The levels a question names; "upper secondary" alone is general upper secondary, as staff use it. */
export function levelsIn(text: string): Level[] {
  const t = fold(text.toLowerCase());
  return LEVELS.filter(([, re]) => re.test(t)).map(([l]) => l);
}

/**
 * Whether the section's text, in any language, names the level. What it leaves for the region to write does not
 * count: "Lukion … säännöt Esimerkkialue täydentää tähän erikseen" says the plan has no rules for upper secondary yet
 * (`leftToWrite`: whether that is where it names it).
 */
export function sectionNames(section: PlanSection, level: Level): boolean {
  return Object.values(section.title).some((t) => !!t && textNames(t, level)) || Object.values(section.body).some((blocks) => !!blocks && textPieces(blocks, false).some((t) => textNames(t, level)));
}

export function leftToWrite(blocks: readonly Block[], level: Level): boolean {
  return textPieces(blocks, true).some((t) => textNames(t, level));
}

function textNames(text: string, level: Level): boolean {
  return names(fold(text.toLowerCase()), level);
}

/** A plan is about a level when its title names it or at least this share of its sections do. */
const ABOUT_SHARE = 0.3;

/** Per plan, the levels it is about. */
const aboutCache = new WeakMap<Plan, Map<Level, boolean>>();

export function planIsAbout(plan: Plan, level: Level): boolean {
  let byLevel = aboutCache.get(plan);
  if (!byLevel) aboutCache.set(plan, (byLevel = new Map()));
  let about = byLevel.get(level);
  if (about === undefined) {
    const sections = [...plan.sections.values()];
    const titled = Object.values(plan.meta.title).some((t) => !!t && names(fold(t.toLowerCase()), level));
    about = titled || sections.filter((s) => sectionNames(s, level)).length >= ABOUT_SHARE * sections.length;
    byLevel.set(level, about);
  }
  return about;
}

/** The levels a question names that the plan is not about, when it is about another one (basic education). */
export function otherLevels(question: string, plan: Plan): Level[] {
  const asked = levelsIn(question).filter((l) => l !== 'basic' && !planIsAbout(plan, l));
  return asked.length > 0 && LEVELS.some(([o]) => o !== 'higher' && !asked.includes(o) && planIsAbout(plan, o)) ? asked : [];
}
