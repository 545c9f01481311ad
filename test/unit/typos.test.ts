import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');

/**
 * A word the plan does not write is read as a typo of one it does, within one or two edits, but never by changing
 * its first letter: people mistype inside a word. "Maksamaan" (to pay) is a word of its own, not "jaksamaan".
 */
describe('typos', () => {
  const dir = tinyPlan('typos', [
    ['jaksaminen', 'Työssä jaksaminen', 'Työntekijän jaksaminen on esihenkilön vastuulla. Jaksamisen tukena on työnohjaus.'],
    ['kuraattori', 'Kuraattorin tapaaminen', 'Kuraattori tapaa oppilaan viikon kuluessa.'],
  ]);
  const plan = PlanService.load(dir, GLOSSARY, 'http://x');
  const best = bestSection(plan, 'fi');

  it('reads a typo inside a word', () => {
    expect(best('jaksamnen työssä')).toBe('jaksaminen');
    expect(best('kuraattri tapaa')).toBe('kuraattori');
  });

  it('does not read another first letter as a typo, but for a loan word’s c or k', () => {
    expect(best('joutuuko perhe maksamaan')).toBeUndefined();
    expect(best('curaattori tapaa')).toBe('kuraattori');
  });
});
