import { join } from 'node:path';
import { loadPlan } from '../../src/plan/load';
import { levelsIn, otherLevels, planIsAbout } from '../../src/plan/levels';
import { ROOT } from '../helpers/bot';

/** The level of education a plan is written for, read from its own text: a question about another level is not its topic. */
describe('levels of education', () => {
  const sample = loadPlan(join(ROOT, 'content', 'plan'));

  it('reads the level a question names, in fi, sv and en, as staff write it', () => {
    expect(levelsIn('lukiolaisella paljon poissaoloja')).toEqual(['upperSecondary']);
    expect(levelsIn('vilka mobilregler gäller i gymnasiet och på yrkesskolan?')).toEqual(['upperSecondary', 'vocational']);
    expect(levelsIn('saako amislainen ilmasen ruuan')).toEqual(['vocational']);
    expect(levelsIn('mum wants a daycare place')).toEqual(['earlyChildhood']);
    // The matriculation examination is taken in upper secondary school only.
    expect(levelsIn('Kuinka paljon lisäaikaa lukihäiriöinen saa ylioppilaskirjoituksissa?')).toEqual(['upperSecondary']);
    expect(levelsIn('förlängd skrivtid i studentexamen')).toEqual(['upperSecondary']);
    expect(levelsIn('kuka päättää oppilaan tuesta')).toEqual([]);
  });

  it('finds the sample plan written for basic education, and no other level', () => {
    expect(planIsAbout(sample, 'basic')).toBe(true);
    for (const level of ['upperSecondary', 'vocational', 'earlyChildhood'] as const) expect([level, planIsAbout(sample, level)]).toEqual([level, false]);
    expect(otherLevels('Saako lukiolainen käyttää puhelinta oppitunnilla?', sample)).toEqual(['upperSecondary']);
  });
});
