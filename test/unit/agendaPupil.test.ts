import { looksLikeIndividualPupil } from '../../src/meetings/agenda';

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
  ])('is kept: "%s"', (text) => {
    expect(looksLikeIndividualPupil(text)).toBe(false);
  });
});
