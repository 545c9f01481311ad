import { join } from 'node:path';
import { stem, svNeuterBase } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');

describe("a Swedish noun's definite neuter form", () => {
  it.each([
    ['mötet', 'möte'],
    ['beslutet', 'beslut'],
    ['protokollet', 'protokoll'],
    ['ansvaret', 'ansvar'],
    ['barnets', 'barn'],
  ])('%s is read as %s', (form, base) => {
    expect(svNeuterBase(form)).toBe(stem(base, 'sv'));
  });

  it.each(['möte', 'elev', 'det', 'vet', 'gruppen'])('%s is no such form', (word) => {
    expect(svNeuterBase(word)).toBeUndefined();
  });

  it('reads the glossary term in it on a plan in another language ("mötet" is a meeting, kokous)', () => {
    const dir = tinyPlan('fi-meeting', [
      ['kokous', 'Kokouskäytännöt', 'Kokouksen esityslista lähetetään osallistujille viikkoa ennen kokousta.'],
      ['tuki', 'Tuen tarve', 'Oppilaan tuen tarve arvioidaan yhdessä huoltajan kanssa.'],
    ]);
    expect(bestSection(PlanService.load(dir, GLOSSARY, 'http://localhost'), 'sv')('när skickas en påminnelse om mötet?')).toBe('kokous');
  });
});
