import { join } from 'node:path';
import { isStopword, stem, svNeuterBase } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');

describe("a Swedish noun's definite form in -n", () => {
  const same = (...forms: string[]) => new Set(forms.map((w) => stem(w, 'sv'))).size === 1;

  it('reads skolan, veckan and kuratorn as skola, vecka and kurator, with or without the genitive -s', () => {
    expect(same('skola', 'skolan', 'skolans', 'skolor')).toBe(true);
    expect(same('vecka', 'veckan', 'veckor')).toBe(true);
    expect(same('kurator', 'kuratorn', 'kuratorns')).toBe(true);
    expect(same('rektor', 'rektorn')).toBe(true);
  });

  it('leaves a word whose base form ends so as it is', () => {
    expect(same('elevhälsoplan', 'elevhälsoplanen')).toBe(true);
    expect(stem('anmälan', 'sv')).toBe('anmalan');
    expect(stem('ansökan', 'sv')).toBe('ansokan');
    expect(stem('barn', 'sv')).toBe('barn');
  });
});

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

  it('leaves "i stället" (instead) a function word, not the definite form of ställe (place)', () => {
    expect(isStopword('stället')).toBe(true);
    expect(isStopword('istället')).toBe(true);
  });

  it.each(['mitt', 'hans', 'våra', 'sitt', 'varje', 'ingen'])('%s (a possessive, a determiner) is a function word: it names no topic', (word) => {
    expect(isStopword(word)).toBe(true);
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

describe('a Swedish verb whose noun the plan writes ("ansöka" where the statute writes "ansökan")', () => {
  const dir = tinyPlan(
    'sv-ansokan',
    [
      ['ansokan', 'Ansökan', 'En ansökan om plats ska lämnas in senast fyra månader innan barnet behöver platsen.'],
      ['plats', 'Bibehållande av samma plats', 'Barnet har rätt att behålla samma plats under en bestämd tid om familjen är borta.'],
    ],
    'sv',
  );
  const best = bestSection(PlanService.load(dir, GLOSSARY, 'http://localhost'), 'sv');

  it('reads the verb as the noun', () => {
    expect(stem('ansöka', 'sv')).not.toBe(stem('ansökan', 'sv'));
    expect(best('hur långt i förväg ska man ansöka om plats?')).toBe('ansokan');
  });
});
