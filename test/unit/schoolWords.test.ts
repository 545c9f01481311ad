import { join } from 'node:path';
import { words } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';
import { Glossary } from '../../src/plan/glossary';

/**
 * Staff write the school day's own words ("välkkä", "kännykkä", "burana", "seiskaluokkalainen") where a region's
 * plan writes "välitunti", "puhelin", "lääke" and "7. luokka", and has no keywords to bridge them: the domain
 * glossary (content/glossary.yml) does.
 */
describe("the school day's everyday words, on a plan without keywords", () => {
  const dir = tinyPlan('school-words', [
    ['siirtyma', 'Siirtyminen yläkouluun', 'Luokanohjaaja kokoaa toukokuussa 6. luokalta 7. luokalle siirtyvien oppilaiden tiedot ja tuen suunnitelmat.'],
    ['erityisluokat', 'Erityisluokat', 'Erityisluokkia on vuosiluokille 7–9 Keskuskoulussa. Paikat jaetaan keväällä.'],
    ['laitteet', 'Mobiililaitteet', 'Oppilas ei saa käyttää puhelinta oppitunnilla eikä välitunnilla ilman opettajan lupaa.'],
    ['laakkeet', 'Lääkehoito koulussa', 'Opettaja voi antaa oppilaalle lääkettä vain, jos hän on saanut perehdytyksen ja huoltajan kirjallisen luvan.'],
    ['kiusaaminen', 'Kiusaaminen', 'Kiusaamisesta ilmoitetaan rehtorille, joka selvittää asian viikon kuluessa.'],
  ]);
  const glossaryFile = join(__dirname, '../../content/glossary.yml');
  const plan = PlanService.load(dir, glossaryFile, 'http://x');
  const best = bestSection(plan, 'fi');

  it('reads break and phone words as the plan writes them', () => {
    expect(best('saako oppilas räplätä kännykkää välkällä')).toBe('laitteet');
  });

  it('reads a painkiller or insulin as medication', () => {
    expect(best('voiko ope antaa lapselle buranaa päänsärkyyn')).toBe('laakkeet');
    expect(best('pitääkö mun pistää oppilaalle insuliinia')).toBe('laakkeet');
  });

  it('reads a bullying "case" as bullying', () => {
    expect(best('kenelle kerron kiusaamisjutusta')).toBe('kiusaaminen');
    expect(best('luokassa nimitellään yhtä poikaa, kenelle ilmoitan')).toBe('kiusaaminen');
  });

  it('reads a colloquial grade as the grade the plan writes in numbers', () => {
    expect(best('mitä tietoja seiskaluokalle siirtyvistä kootaan')).toBe('siirtyma');
  });

  it('does not read a range of grades as its first grade', () => {
    const glossary = Glossary.load(glossaryFile);
    const concepts = (text: string) => glossary.findInQuestion(words(text)).map((h) => h.concept);
    const seventh = concepts('årskurs 7');
    expect(seventh).toHaveLength(1);
    expect(concepts('årskurs 7–9')).not.toContain(seventh[0]);
    expect(concepts('vuosiluokille 7–9 ja 7. luokalle')).toContain(concepts('7. luokka')[0]);
  });
});
