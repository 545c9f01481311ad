import { words } from '../../src/plan/analyze';
import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { describesForm, FormNames } from '../../src/plan/search/formNames';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

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

/**
 * A plan's forms chapter repeats what its topical sections say (the deadline, who is contacted): with no weights of
 * its own, a section whose text opens on a form answers a question about the form, not one about the topic.
 */
describe('a section that describes a form', () => {
  const dir = tinyPlan('form-description', [
    [
      'yhteydenotto',
      'Yhteydenotto opiskeluhuoltoon',
      'Oppilaalle järjestetään mahdollisuus keskustella kuraattorin tai psykologin kanssa viimeistään seitsemäntenä työpäivänä siitä, kun oppilas sitä pyysi. Kiireellisessä asiassa keskustelu järjestetään samana tai seuraavana työpäivänä.',
    ],
    [
      'uusi-asia',
      'Uusi asia -lomake',
      'Lomakkeella ohjataan oppilas kuraattorille tai psykologille. Keskustelu kuraattorin tai psykologin kanssa järjestetään viimeistään seitsemäntenä työpäivänä, kiireellisessä asiassa samana tai seuraavana työpäivänä. Lomakkeen täyttää kuka tahansa koulun työntekijä.',
    ],
  ]);
  const best = bestSection(PlanService.load(dir, join(__dirname, '../../content/glossary.yml'), 'http://x'), 'fi');

  it('is not first for a question about the topic, and is for a question about the form', () => {
    expect(describesForm({ fi: [{ kind: 'paragraph', text: 'Lomakkeella ohjataan oppilas kuraattorille.' }] })).toBe(true);
    expect(
      describesForm({
        en: [
          { kind: 'heading', level: 2, text: 'Purpose' },
          { kind: 'paragraph', text: 'The form refers a pupil to the kuraattori.' },
        ],
      }),
    ).toBe(true);
    expect(describesForm({ fi: [{ kind: 'paragraph', text: 'Oppilas ohjataan kuraattorille lomakkeella.' }] })).toBe(false);
    expect(best('missä ajassa oppilaan pitää päästä kuraattorin tai psykologin juttusille kiireellisessä asiassa?')).toBe('yhteydenotto');
    expect(best('millä lomakkeella oppilas ohjataan kuraattorille?')).toBe('uusi-asia');
  });
});
