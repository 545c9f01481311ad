import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { tinyPlan } from '../helpers/tinyPlan';

/**
 * Staff write compounds whose first part is the everyday word for a concept of the glossary ("dagisplats",
 * "dagisalternativ") where the law writes "plats inom småbarnspedagogiken". The head brings its concept and the
 * tail is read as the plan's word.
 */
describe('a compound whose head is a glossary term the plan never writes', () => {
  const dir = tinyPlan(
    'heads',
    [
      ['plats', 'Plats inom småbarnspedagogiken', 'Kommunen ska ordna en plats inom småbarnspedagogiken inom två veckor när föräldrarnas arbete börjar plötsligt.'],
      ['skjuts', 'Skolskjuts', 'Eleven har rätt till en plats i skolskjutsen om skolvägen är längre än fem kilometer.'],
    ],
    'sv',
  );
  const glossary = join(dir, 'glossary.yml');
  writeFileSync(
    glossary,
    '- fi: [varhaiskasvatus]\n  sv: [småbarnspedagogik]\n  en: [early childhood education]\n  colloquial: [dagis, päiväkoti]\n- fi: [opettaja]\n  sv: [lärare]\n  en: [teacher]\n  colloquial: [ope]\n',
  );
  const plan = PlanService.load(dir, glossary, 'http://x');

  it('reads the tail as the plan word and the head as its concept', () => {
    expect(plan.index.compoundParts(stem('dagisplats', 'sv'), 'sv')).toContain(stem('plats', 'sv'));
    const a = plan.answer('hur snabbt får vi en dagisplats?', 'sv');
    expect(a.kind === 'answer' && a.best.id).toBe('plats');
  });

  it('keeps a short glossary word from splitting words it only starts (under five letters)', () => {
    // "ope" is a colloquial term (opettaja), too short to be taken for the head of a compound.
    expect(plan.index.compoundParts(stem('opeplats', 'sv'), 'sv')).toEqual([]);
  });
});
