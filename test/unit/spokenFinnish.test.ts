import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { writtenForms } from '../../src/plan/spoken';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');

describe('spoken Finnish as staff type it in a chat', () => {
  it.each([
    ['ilmotus', 'ilmoitus'],
    ['alottaa', 'aloittaa'],
    ['tehä', 'tehdä'],
    ['yhen', 'yhden'],
    ['tiiä', 'tiedä'],
    ['nopeesti', 'nopeasti'],
    ['vuodes', 'vuodessa'],
    ['haluu', 'haluaa'],
    ['pyys', 'pyysi'],
    ['ite', 'itse'],
  ])('%s may be %s', (spoken, written) => {
    expect(writtenForms(spoken)).toContain(written);
  });

  it('finds the section that writes the words out', () => {
    const dir = tinyPlan('spoken', [
      ['lastensuojelu', 'Lastensuojeluilmoitus', 'Jokaisen työntekijän on itse tehtävä ilmoitus, kun hän on huolissaan lapsesta. Rehtorille kertominen ei riitä.'],
      ['kokous', 'Kokoukset', 'Ryhmä kokoontuu neljä kertaa vuodessa. Asialista lähetetään viikkoa ennen.'],
      ['aloitus', 'Opintojen aloittaminen', 'Opinnot voi aloittaa syksyllä tai keväällä.'],
      ['kirjaaminen', 'Kirjaaminen', 'Kuraattori kirjoittaa merkinnät kertomukseen.'],
    ]);
    const best = bestSection(PlanService.load(dir, GLOSSARY, 'http://localhost'), 'fi');
    expect(best('pitääks mun ite tehä ilmotus?')).toBe('lastensuojelu');
    expect(best('koska opinnot voi alottaa')).toBe('aloitus');
  });
});
