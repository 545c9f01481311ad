import { words } from '../../src/plan/analyze';
import { FormNames } from '../../src/plan/search/formNames';

/** A form named in a question, found by the name its section's title leads with (src/plan/search/formNames.ts). */
describe('forms named in a question', () => {
  const forms = new FormNames([
    { fi: 'Tuen tarve: oppilaskohtaisen tuen tarpeen arviointi', sv: 'Stödbehov: bedömning av behovet av elevspecifikt stöd', en: 'Support need: assessment of the need for support' },
    { fi: 'Nivelvaihe: nivelvaiheen tiedonsiirto' },
    // An appendix's letter and a function word are labels, not names: "a form", "se lomake" name nothing.
    { fi: 'A: Ilmoitus kotiopetuksesta', en: 'A: Notification of home education' },
    { fi: 'Se: jokin otsikko' },
    { fi: 'Kotiopetus' },
  ]);
  const named = (q: string) => forms.named(words(q));

  it('names a section by its name next to a word for a form, before or after it, in any of its languages', () => {
    expect(named('mitä kirjoitetaan tuen tarve -lomakkeeseen?')).toEqual([0]);
    expect(named('vem fyller i blanketten Stödbehov?')).toEqual([0]);
    expect(named('who fills in the support need form?')).toEqual([0]);
    expect(named('Who fills in the tuen tarve form?')).toEqual([0]);
  });

  it('names it by the first part of a compound that ends in a word for a form', () => {
    expect(named('voiko muistiinpanot liittää nivelvaihelomakkeeseen?')).toEqual([1]);
  });

  it('does not name a section by its name alone, nor by a letter or a function word before the colon, nor a title without one', () => {
    expect(named('miten oppilaan tuen tarve arvioidaan?')).toEqual([]);
    expect(named('can I fill in a form online?')).toEqual([]);
    expect(named('voiko se lomake olla paperilla?')).toEqual([]);
    expect(named('kotiopetus lomake')).toEqual([]);
  });
});
