import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');

/**
 * A question word is read for typos and near forms only up to a word's length: a long compound with a typo is
 * still found, a pasted token of hundreds of letters is not read so (its two-letter deletions alone would be a
 * second of CPU for 500 letters, for everyone the bot serves).
 */
describe('long words and pasted tokens', () => {
  const long = 'a'.repeat(3) + 'bcdefghijklmnopqrstuvwxyz'.repeat(2) + 'loppu'; // 58 letters, as no one types
  const dir = tinyPlan('long', [
    ['velvollisuus', 'Ilmoitusvelvollisuus', 'Lastensuojeluilmoitusvelvollisuus koskee jokaista koulun työntekijää.'],
    ['token', 'Tunniste', `Järjestelmän tunniste on ${long}.`],
  ]);
  const plan = PlanService.load(dir, GLOSSARY, 'http://x');
  const best = bestSection(plan, 'fi');

  it('reads a typo in a long compound', () => {
    expect(best('lastensuojeluilmoitusvelvolisuus')).toBe('velvollisuus');
  });

  it('does not read a token of more than 40 letters for typos', () => {
    expect(best(long)).toBe('token');
    expect(best(long.replace('loppu', 'loppo'))).toBeUndefined();
  });

  it('declines a question of one pasted 500-letter token', () => {
    expect(plan.answer('x'.repeat(250) + 'y'.repeat(250), 'fi').kind).toBe('none');
  });
});
