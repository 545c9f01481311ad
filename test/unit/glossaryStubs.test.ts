import { join } from 'node:path';
import { words } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { Glossary } from '../../src/plan/glossary';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

/**
 * The stemmer cuts some one-word terms to a stub other words share: Swedish "ledighet" (leave of absence) to "led",
 * which is also "leder" (leads); Finnish "kännissä" (drunk) to "kan", also "kanna". And a term's stem may start a
 * longer term: "poissaolo" (absence) is the start of "poissaololupa" (leave of absence). Neither is that term.
 */
const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');
const glossary = Glossary.load(GLOSSARY);
const conceptOf = (term: string) => `@${glossary.entries.findIndex((e) => [...e.fi, ...e.sv, ...e.en, ...e.colloquial].includes(term))}`;
const concepts = (q: string) => glossary.findInQuestion(words(q)).map((h) => h.concept);

describe('a one-word term the stemmer cuts to a short stub', () => {
  const leave = conceptOf('ledighet');

  it('is not another word with that stub', () => {
    expect(concepts('Vem leder skolans krisgrupp?')).not.toContain(leave);
    expect(concepts('kuka kantaa vastuun?')).not.toContain(conceptOf('kännissä'));
  });

  it('is not "pois" (away) for "poissa" (absent), which stems alike: taking a knife away is no absence', () => {
    const absence = conceptOf('poissaolo');
    expect(concepts('otin lukiolaiselta puukon pois, kenelle se pitää luovuttaa')).not.toContain(absence);
    expect(concepts('oppilas on ollut paljon poissa, mitä teen?')).toContain(absence);
    expect(concepts('saako olla pois koulusta viikon lomamatkan takia')).toContain(absence);
    // Away for a time, or having been away, in spoken Finnish.
    expect(concepts('ysiluokkalainen ollu yli viikon pois, kenelle tää kuuluu')).toContain(absence);
    expect(concepts('oppilas oli pois kolme päivää')).toContain(absence);
  });

  it('is not a short word the stemmer rewrites the same way: Swedish "hos" (at) is no HOKS, spoken "kaa" (with) no assistant', () => {
    const hoks = conceptOf('hoks');
    expect(concepts('Vem ansvarar hos oss för elevens studieplan?')).not.toContain(hoks);
    expect(concepts('kuka laatii hoksin?')).toContain(hoks);
    expect(concepts('mikä hoks on?')).toContain(hoks);
    expect(concepts('menin sen kaa rehtorille')).not.toContain(conceptOf('kka'));
    expect(concepts('kka tarvitsee taukoja')).toContain(conceptOf('kka'));
  });

  it('is not a longer word that only shares its stem: schools, training, a trip', () => {
    // "koulut" (schools) and "koulutetaan" (is trained) stem as the school taxi did ("koulut"); a trip is no tripping.
    const transport = conceptOf('taksi');
    expect(concepts('milloin koulut hakevat ohjaajaresurssit')).not.toContain(transport);
    expect(concepts('miten henkilöstö koulutetaan ensiapuun')).not.toContain(transport);
    expect(concepts('kuka maksaa oppilaan taksin kouluun')).toContain(transport);
    expect(concepts('who pays for the class trip to the museum')).not.toContain(conceptOf('tripped over'));
    expect(concepts('a pupil tripped over a bag in the corridor')).toContain(conceptOf('tripped over'));
    // Nor is training staff the school taxi of the off-topic list: the plan says the employer trains staff in first aid.
    const plan = PlanService.load(join(__dirname, '..', '..', 'content', 'plan'), GLOSSARY, 'http://x');
    const trained = plan.answer('Kuka kouluttaa henkilöstön ensiapuun?', 'fi');
    expect(trained.kind === 'answer' && trained.best.id).toBe('turvallisuus/laakehoito-ja-tapaturmat');
  });

  it('is still read in its own forms', () => {
    expect(concepts('Vem beviljar ledigheten?')).toContain(leave);
    // Swedish keeps the adjective's -a before the definite noun ("den gemensamma elevhälsan"), which Snowball does not cut.
    expect(concepts('Vem leder den gemensamma elevhälsan i skolan?')).toContain(conceptOf('gemensam elevhälsa'));
    expect(concepts('oppilas tuli kouluun kännissä')).toContain(conceptOf('kännissä'));
  });

  it('leads a Swedish question on a Finnish-only plan to the crisis group, not to leave of absence', () => {
    const dir = tinyPlan('stub-terms', [
      ['kriisiryhma', 'Koulun kriisiryhmä', 'Rehtori johtaa koulun kriisiryhmää. Ryhmään kuuluvat terveydenhoitaja, kuraattori ja opettajia.'],
      ['poissaololupa', 'Lupa poissaoloon', 'Luokanopettaja myöntää luvan poissaoloon enintään kolmeksi koulupäiväksi, rehtori pidemmäksi ajaksi.'],
    ]);
    const best = bestSection(PlanService.load(dir, GLOSSARY, 'http://x'), 'sv');
    expect(best('Vem leder skolans krisgrupp?')).toBe('kriisiryhma');
    expect(best('Vem beviljar ledighet från skolan?')).toBe('poissaololupa');
  });
});

describe("a term's stem that starts a longer term", () => {
  it('is its own term, not the longer one ("poissaolot" is absence, not a leave of absence)', () => {
    expect(concepts('oppilaalla on paljon poissaoloja')).toContain(conceptOf('poissaolo'));
    expect(concepts('oppilaalla on paljon poissaoloja')).not.toContain(conceptOf('poissaololupa'));
    expect(concepts('kuka myöntää poissaololuvan')).toContain(conceptOf('poissaololupa'));
  });
});

describe("a pupil's age under 18", () => {
  const minor = conceptOf('alaikäinen');

  it('reads as a minor, however the question writes it', () => {
    for (const q of [
      'voiko huoltaja kieltää 13v menemästä kuraattorille',
      'Voiko huoltaja kieltää 14-vuotiasta?',
      'kan pappan förbjuda sin 14-åring',
      'Can a parent stop a 15-year-old from seeing the nurse?',
    ])
      expect([q, concepts(q)]).toEqual([q, expect.arrayContaining([minor])]);
    for (const q of ['18-vuotias opiskelija', 'luokalla on 14 oppilasta', 'a 19-year-old student']) expect([q, concepts(q)]).toEqual([q, expect.not.arrayContaining([minor])]);
  });

  it('finds the rule the plan writes for a minor ("alaikäistä")', () => {
    const dir = tinyPlan('minor-age', [
      ['suostumus', 'Suostumus', 'Huoltaja ei voi kieltää alaikäistä oppilasta käyttämästä opiskeluhuollon palveluja, esimerkiksi hakeutumasta kuraattorin vastaanotolle.'],
      ['kerhot', 'Kerhot', 'Koulun kerhot ovat 7–14-vuotiaille. Huoltaja voi kieltää lasta osallistumasta kerhoon ilmoittamalla siitä opettajalle.'],
    ]);
    const best = bestSection(PlanService.load(dir, GLOSSARY, 'http://x'), 'fi');
    expect(best('Voiko huoltaja kieltää 14-vuotiasta käymästä kuraattorilla?')).toBe('suostumus');
  });
});
