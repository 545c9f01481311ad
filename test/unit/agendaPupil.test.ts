import { join } from 'node:path';
import { loadSchools } from '../../src/forms/schools';
import { looksLikeIndividualPupil as looksLike, placeWords } from '../../src/meetings/agenda';

const schools = loadSchools(join(__dirname, '..', '..', 'content', 'schools.yml'));
const places = placeWords(['Esimerkkialue', ...schools.flatMap((s) => [s.name, s.id, s.municipality ?? ''])]);
const looksLikeIndividualPupil = (text: string) => looksLike(text, places);

/** A communal group's agenda item is refused when it seems to name a pupil, and kept when it names the region's places or months. */
describe('an agenda item that may name a pupil', () => {
  it.each(['Matti Virtanen ja kiusaaminen', 'oppilas Ville ja poissaolot', 'Kiusaaminen välitunnilla, Ville 5B'])('is flagged: "%s"', (text) => {
    expect(looksLikeIndividualPupil(text)).toBe(true);
  });

  it.each([
    // schools and municipalities of content/schools.yml
    'Koivurinne Vaahterarinne yhteinen teemapäivä',
    'Lehtolan yhtenäiskoulu Naapurikunta yhteistyö',
    'Kanervakumpu Rantala kerhotoiminta',
    // month names in the three languages
    'Toukokuu Kesäkuu kevätjuhlat',
    'Januari Februari friluftsdag',
    'September October wellbeing survey',
    // weekday names, and the region's name given with its places
    'Keskiviikko Torstai vanhempainilta',
    'Esimerkkialue Naapurikunta yhteistyö',
  ])('is kept: "%s"', (text) => {
    expect(looksLikeIndividualPupil(text)).toBe(false);
  });

  it("knows a place only when it is given: the region's names are content, not code", () => {
    expect(looksLike('Esimerkkialue Naapurikunta yhteistyö', new Set())).toBe(true);
  });
});
