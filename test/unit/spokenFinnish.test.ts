import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { Glossary } from '../../src/plan/glossary';
import { words } from '../../src/plan/analyze';
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
    ['ilmanen', 'ilmainen'],
    ['vastasen', 'vastaisen'],
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

/**
 * A glossary phrase in a question is read in spoken Finnish too, for the sound changes that only restore a letter
 * ("tapaturmailmotus", "kiusaamisen vastasen suunnitelman"); not for a vowel change, which may be another word
 * ("kipeenä" is a teacher's sickness there, not the pupil's sick leave the glossary's "kipeänä" is).
 */
describe('glossary phrases in spoken Finnish', () => {
  const glossary = Glossary.load(GLOSSARY);
  const concepts = (q: string) => glossary.findInQuestion(words(q)).map((h) => h.concept);
  const of = (written: string) => {
    const [c] = concepts(written);
    expect(c).toBeDefined();
    return c;
  };

  it('reads restored letters', () => {
    expect(concepts('tarviiko tapaturmailmotusta tehä')).toContain(of('tapaturmailmoitus'));
    expect(concepts('kuka hyväksyy kiusaamisen vastasen suunnitelman')).toContain(of('kiusaamisen vastainen suunnitelma'));
    expect(concepts('saako ilmasen lounaan')).toContain(of('ilmainen'));
  });

  it('does not read a vowel change', () => {
    expect(writtenForms('kipeenä', true)).toEqual([]);
    expect(concepts('saako ohjaaja antaa numeron kokeesta jos ope on kipeenä')).not.toContain(of('kipeänä'));
  });
});
