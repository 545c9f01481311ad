import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { writeWithoutCrutches } from '../../src/eval/plans';
import { LANGS, stem, words } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { quotedText } from '../../src/eval/metrics';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';
import { Glossary } from '../../src/plan/glossary';

/**
 * A region's plan is often in Finnish only, and some staff ask in English. Everyday words of schools and statutes
 * (content/lexicon.yml, beside the glossary) carry an English question word the plan does not write to the plan's
 * own words; a plan that has English text of its own is read as it is.
 */
describe('an English question on a Finnish-only plan', () => {
  const dir = tinyPlan('lexicon', [
    [
      'tarkastus',
      'Oikeus tarkastaa opiskelijan tavarat',
      'Rehtori tai opettaja saa tarkastaa opiskelijan hallussa olevat tavarat, jos on perusteltua syytä epäillä, että opiskelijalla on vaarallisia esineitä.',
    ],
    ['maksut', 'Opiskelijoilta perittävät maksut', 'Opetus on opiskelijalle maksutonta. Valinta- ja soveltuvuuskokeet ovat hakijalle maksuttomia.'],
    ['edut', 'Opintososiaaliset edut', 'Lähiopetukseen osallistuvalle opiskelijalle annetaan jokaisena työpäivänä maksuton ateria.'],
    ['velvollisuudet', 'Opiskelijan velvollisuudet', 'Opiskelijan tulee osallistua opetukseen, jollei hänelle ole myönnetty lupaa poissaoloon.'],
    // The plan has "kuukautta" (stem kuukaus) where the lexicon's base form "kuukausi" stems to kuukau.
    ['haku', 'Hakeminen', 'Hakemus jätetään viimeistään neljä kuukautta ennen kuin paikkaa tarvitaan.'],
  ]);
  const glossaryFile = join(__dirname, '../../content/glossary.yml');
  const plan = PlanService.load(dir, glossaryFile, 'http://x');
  const best = bestSection(plan, 'en');

  it('finds the Finnish section through the everyday words', () => {
    expect(best("can staff inspect a student's things")).toBe('tarkastus');
    expect(best('is teaching free for students')).toBe('maksut');
    expect(best('must a student attend teaching')).toBe('velvollisuudet');
    expect(best('how many months before do we apply')).toBe('haku');
  });

  it('still reads English questions so when a few sections (expert answers) are in English', () => {
    const faq = {
      ...plan.plan.sections.get('maksut')!,
      id: 'faq-1',
      title: { en: 'Where do I find the lunch menu?' },
      lang: 'en' as const,
      body: { en: [{ kind: 'paragraph' as const, text: 'On the school website.' }] },
    };
    const withFaq = plan.withPlan({ ...plan.plan, sections: new Map([...plan.plan.sections, ['faq-1', faq]]) });
    const a = withFaq.answer("can staff inspect a student's things", 'en');
    expect(a.kind === 'answer' && a.best.id).toBe('tarkastus');
  });

  it('reads a word through the lexicon only into languages the plan is written in, and not at all when it has every language', () => {
    const { lexicon } = Glossary.load(glossaryFile);
    expect(lexicon.translations('inspect', ['fi'])).toContain(stem('tarkastaa', 'fi'));
    expect(lexicon.translations('inspect', ['fi'])).not.toContain(stem('granska', 'sv'));
    expect(lexicon.translations('inspect', LANGS)).toEqual([]);
  });

  it('reads a word written as a row writes it in that row only, where the stem is shared by words of other senses', () => {
    // "förbjuda" (to forbid) and "förbjudet" (forbidden) share a Swedish stem; so do "ban" and "banned".
    const { lexicon } = Glossary.load(glossaryFile);
    expect(lexicon.translations('förbjuda', ['fi'])).toEqual([stem('kieltää', 'fi')]);
    expect(lexicon.translations('forbid', ['fi'])).toEqual([stem('kieltää', 'fi')]);
    expect(lexicon.translations('förbjudet', ['fi'])).toEqual([stem('kielletty', 'fi')]);
    expect(lexicon.translations('forbidden', ['fi'])).toEqual([stem('kielletty', 'fi')]);
    // A form no row writes is read by its stem, in every row of it.
    expect(lexicon.translations('förbjuder', ['fi'])).toEqual(expect.arrayContaining([stem('kieltää', 'fi'), stem('kielletty', 'fi')]));
  });
});

describe('the sample plan in Finnish only, asked in Swedish and English', () => {
  const dir = mkdtempSync(join(tmpdir(), 'opari-fi-only-'));
  writeWithoutCrutches(join(__dirname, '../../content/plan'), dir, true);
  const plan = PlanService.load(dir, join(__dirname, '../../content/glossary.yml'), 'http://x');

  it('quotes the date for "when must schools apply for assistant resources for next school year", from either section that writes it', () => {
    // The criteria ("Koulut hakevat seuraavan lukuvuoden ohjaajaresurssit 15.3. mennessä") and the assistant-need form
    // ("…seuraavan lukuvuoden resurssit 15.3. mennessä") give the date; "läsår" is the plan's "lukuvuoden", and "söka"
    // the plan's "hakevat".
    const a = plan.answer('när ska skolorna senast söka handledarresurser för nästa läsår?', 'sv');
    expect(a.kind === 'answer' && [a.best.id, quotedText(a)]).toEqual([
      expect.stringMatching(/^(avustajakriteerit|lomakkeisto\/avustajatarve)$/),
      expect.stringMatching(/seuraavan lukuvuoden (ohjaaja)?resurssit 15\.3\. mennessä/),
    ]);
  });

  it('quotes how often the welfare group meets, not another time the section gives ("a week before the meeting")', () => {
    for (const q of ['hur ofta ska elevhälsogruppen ha möte', 'Hur ofta ska skolans gemensamma elevhälsogrupp sammanträda?']) {
      const a = plan.answer(q, 'sv');
      expect(a.kind === 'answer' && [a.best.id, quotedText(a)]).toEqual(['opiskeluhuoltoryhmat/yhteisollinen-ryhma', expect.stringMatching(/kerran lukukaudessa/)]);
    }
  });

  it('declines a how-many question whose count the Finnish text gives for nothing it asks about, and answers one it gives', () => {
    // The section on newly arrived pupils counts hours and ages ("vähintään 900 tuntia"), never the pupils of a group.
    const group = plan.answer('Hur många elever får det vara i en grupp för förberedande undervisning?', 'sv');
    expect(group.kind).toBe('none');
    const hours = plan.answer('how many hours of preparatory education does a newly arrived pupil get?', 'en');
    expect(hours.kind === 'answer' && [hours.best.id, quotedText(hours)]).toEqual(['siirtymavaiheet/maahan-muuttanut-oppilas', expect.stringMatching(/900 tuntia/)]);
  });

  it('reads a textbook as the plan writes it (oppikirjoja), not as an order of textbooks, and annual leave as no break', () => {
    // "läroböcker" is one word of the off-topic list, which counts only where the plan never writes it: it writes
    // its translation. "semester" (annual leave) is also "loma", any break, which the plan names without meaning leave.
    const a = plan.answer('Kan en elev i hemundervisning låna läroböcker från skolan?', 'sv');
    expect(a.kind === 'answer' && [a.best.id, quotedText(a)]).toEqual(['kotiopetus/huoltajan-valitsema', expect.stringMatching(/oppikirj/)]);
    const leave = plan.answer('hur mycket semester får en kurator?', 'sv');
    expect(leave.kind === 'none' && leave.offTopic?.topic).toBe('pay and employment');
  });

  it('declines a question about upper secondary students where the basic-education plan names no upper secondary at all', () => {
    // The plan is written for basic education; its section on school meals never names upper secondary school.
    expect(plan.answer('Hur mycket kostar skolmaten för gymnasiestuderande?', 'sv').kind).toBe('none');
    // The transition to upper secondary is the plan's own topic ("toisen asteen"), and is answered.
    const a = plan.answer('when is the joint application for upper secondary?', 'en');
    expect(a.kind === 'answer' && a.best.id).toMatch(/^siirtymavaiheet/);
  });

  it.each([
    ['får eleven återkalla sitt samtycke senare?', 'sv', 'yksilokohtainen-opiskeluhuolto/suostumus'],
    ['can a pupil withdraw the consent later?', 'en', 'yksilokohtainen-opiskeluhuolto/suostumus'],
    ['how can I propose a topic for the welfare group meeting?', 'en', 'lomakkeisto/asialista'],
    ['hur föreslår jag en punkt till mötet?', 'sv', 'lomakkeisto/asialista'],
    ['var finns kuratorns kontaktuppgifter?', 'sv', 'opiskeluhuolto/palvelut'],
    // The school's website is the plan's "verkkosivuilla", where the steering group's memos are published.
    ['var läggs styrgruppens promemorior upp, på skolans hemsida?', 'sv', 'lomakkeisto/muistio'],
    ['får barnet låna läroböcker från närskolan under hemundervisning?', 'sv', 'kotiopetus/huoltajan-valitsema'],
    ['within how many days must bullying be looked into?', 'en', 'turvallisuus/kiusaaminen'],
    // Terms of Finnish schools the glossary reads in every language: the period class, the placement group, S2, omprövning.
    ['hur många veckor får man vara i periodklassen?', 'sv', 'resurssikeskuskoulu'],
    ['vem sitter i placeringsgruppen?', 'sv', 'erityisopetus/erityisluokka'],
    ['får en nyanländ elev läsa finska som andra språk?', 'sv', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
    ['hur gör vårdnadshavaren en omprövningsbegäran?', 'sv', 'muutoksenhaku'],
    // National services and procedures (therapy guarantee, preparatory education, accident report, consultation request).
    ['how soon must short-term therapy start under the therapy guarantee?', 'en', 'kriisit/perheen-kriisi'],
    ['how many hours of preparatory education does a newly arrived pupil get?', 'en', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
    ['måste skolan göra en olycksfallsanmälan om eleven inte behövde läkare?', 'sv', 'turvallisuus/laakehoito-ja-tapaturmat'],
    ['how long does the resource centre take to answer a consultation request?', 'en', 'resurssikeskuskoulu'],
    // The resource centre's team, as staff name it ("resursteamet"): the resource-centre school's consultation.
    ['kan vi fråga resursteamet om råd utan att säga elevens namn?', 'sv', 'resurssikeskuskoulu'],
    ['can we ask the resource team for advice without naming the pupil?', 'en', 'resurssikeskuskoulu'],
    ['by when must the school-specific annex to the welfare plan be updated?', 'en', 'suunnitelmat'],
    // Everyday words: forms, ready, spring, school days.
    // Read as a deadline, the transitions calendar ("Lomakkeet ovat valmiina 15.5. mennessä") answers as the form does.
    ['by what date must the transition forms be ready in spring?', 'en', 'siirtymavaiheet'],
    ['inom hur många skoldagar ska ett mobbningsfall utredas?', 'sv', 'turvallisuus/kiusaaminen'],
    ['är det förbjudet att snusa på skolgården?', 'sv', 'turvallisuus/paihteet'],
    ['får elevens namn stå i rubriken på kallelsen till expertgruppen?', 'sv', 'lomakkeisto/kokous'],
    // Compounds staff write for a bullying case and the school health survey.
    ['hur snabbt ska en mobbningssituation redas ut?', 'sv', 'turvallisuus/kiusaaminen'],
    ['hur ofta görs skolhälsoenkäten?', 'sv', 'yhteisollinen-opiskeluhuolto'],
    // English "term" is a school term (lukukausi), not the plan's "termit" (the concepts section).
    ['a pupil has 60 hours of absence this term, what happens next?', 'en', 'poissaolot'],
    // The assessment of a pupil's support needs, as staff name it.
    ["how long can the assessment of a pupil's need for individual support take?", 'en', 'erityisopetus/tuen-tarpeen-arviointi'],
    ['how many hours of absence per term before the kuraattori is contacted?', 'en', 'poissaolot'],
    // Weekdays: a case told by its day ("i tisdags", "on Tuesday") meets the plan's worked examples.
    ['Eleven bad om ett samtal med kuratorn i tisdags. Senast vilken dag ska samtalet hållas?', 'sv', 'yksilokohtainen-opiskeluhuolto'],
    ['A pupil asked for a talk with the school social worker on Tuesday. By what date must it take place?', 'en', 'yksilokohtainen-opiskeluhuolto'],
    // Hours as staff abbreviate them ("hrs"): the plan's "80 tuntia lukukaudessa".
    ['a pupil has 82 hrs of absence this term, who takes it forward?', 'en', 'poissaolot'],
    // "läkemedelsplan" is the plan's "lääkehoitosuunnitelma"; "finska som andraspråk" its "suomi toisena kielenä" (S2).
    ['vem gör läkemedelsplanen för en elev med epilepsi', 'sv', 'turvallisuus/laakehoito-ja-tapaturmat'],
    ['Vem bestämmer om eleven läser finska som andraspråk?', 'sv', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
    // A pupil who cannot manage to come to school for anxiety is school refusal; the plan to come back is the return plan.
    ['En elev klarar inte av att komma till skolan på grund av ångest. Vem gör upp planen för att hen ska komma tillbaka?', 'sv', 'poissaolot'],
    // A special diet is agreed with the guardian and the school nurse ("Erityisruokavaliot sovitaan…").
    ['vem kommer överens om specialdieterna i skolan?', 'sv', 'yhteisollinen-opiskeluhuolto'],
    ["who do parents agree a pupil's special diet with", 'en', 'yhteisollinen-opiskeluhuolto'],
    // A "level" of absence is the plan's "raja"; a matter "passed" to the principal "siirtyy" there.
    ['At what absence level is the matter passed to the principal?', 'en', 'poissaolot'],
    // The receiving school's start-up meeting is the plan's "aloituspalaveri".
    ['Within what time does the receiving school hold a start meeting with a pupil who changed schools?', 'en', 'siirtymavaiheet/koulun-vaihto'],
    // A Swedish compound the Finnish plan cannot split, read through its parts: integrerings|planen is the plan's
    // "integraatiosuunnitelma", made in April and May.
    ['när ska integreringsplanen för nästa läsår vara klar?', 'sv', 'integraatio'],
    // The school's "elevhälsogrupp", in any form, is the communal group; "hälsouppgifter" the plan's "terveystiedot".
    ['hur ofta träffas skolans gemensamma elevhälsogrupp egentligen', 'sv', 'opiskeluhuoltoryhmat/yhteisollinen-ryhma'],
    ['får man skriva hälsouppgifter i ett wilma-meddelande till kuratorn?', 'sv', 'opiskeluhuolto/palvelut'],
    // "bett om" is the plan's "pyytänyt"; "proof" before a report is the certainty the plan says is not needed.
    ['Hur länge får en elev vänta på ett samtal med kuratorn efter att hen bett om det?', 'sv', 'lomakkeisto/uusi-asia'],
    ['do i need proof before filing a child welfare report?', 'en', 'kriisit/lastensuojeluilmoitus'],
    // The receiving school's first meeting with the family is its start meeting ("aloituspalaveri").
    ['Eleven flyttade hit från en annan kommun i januari – hur snart ska vi som tar emot hen ordna ett första möte med familjen?', 'sv', 'siirtymavaiheet/koulun-vaihto'],
    // Books, a home-educated child, the expert group's meeting as Swedish writes them.
    ['Kan ett barn som får sin utbildning hemma låna böcker från närskolan?', 'sv', 'kotiopetus/huoltajan-valitsema'],
    ['ett hemundervisat barn vill börja i skolan igen mitt i terminen – vem bestämmer vilken årskurs hen hamnar i??', 'sv', 'kotiopetus/huoltajan-valitsema'],
    ['kan vi bjuda in barnskyddet till expertgruppsmötet om mamman säger ok muntligt?', 'sv', 'opiskeluhuoltoryhmat/asiantuntijaryhma'],
    // A severe disability, a subject, a decision still valid: the plan's "vaikea vamma", "oppiaine", "voimassa".
    ['I vilken ålder börjar skolplikten för ett barn som på grund av en grav funktionsnedsättning inte bedöms kunna nå målen på nio år?', 'sv', 'erityisopetus/pidennetty-oppivelvollisuus'],
    ['Who assesses a special-class pupil in a subject they study in a mainstream group?', 'en', 'integraatio'],
    ['new kid moved in from another municipality with a support decision – is it still valid here or what?', 'en', 'siirtymavaiheet/koulun-vaihto'],
    ['9th grader kicked me hard during class. can i go to the police myself?', 'en', 'turvallisuus/hairinta-ja-vakivalta'],
    // An asylum seeker and a municipality of residence are the plan's "turvapaikanhakija" and "kotikunta".
    ['är ett asylsökande barn utan hemkommun läropliktigt?', 'sv', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
    // The integration plan and the Parliamentary Ombudsman are concepts of their own, whatever the Swedish form.
    ['När görs integrationsplanen för nästa läsår?', 'sv', 'integraatio'],
    ['Kan ett barn själv vända sig till riksdagens justitieombudsman?', 'sv', 'muutoksenhaku/kantelu'],
    // Interpreting: "tolka", "interpret" are the plan's "tulkkaus" ("Lapsi ei saa toimia tulkkina").
    ['får lillebror tolka när läraren träffar föräldrarna?', 'sv', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
    ['Can a pupil interpret for their parents at a school meeting?', 'en', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
    // A near tie: the rule that a guardian cannot forbid it holds most of the question in one passage; the section on
    // intoxicants has "kielletty" in its heading and its list.
    ['Kan en vårdnadshavare förbjuda sin 14-åring att gå till kuratorn?', 'sv', 'yksilokohtainen-opiskeluhuolto/suostumus'],
    // Swedish possessives are function words: "mitt" is no Finnish "mitä", "hans" no word of the plan.
    ['Kan jag göra en barnskyddsanmälan utan att uppge mitt namn?', 'sv', 'kriisit/lastensuojeluilmoitus'],
    ['kan pappan förbjuda att hans 13-åring går till kuratorn?', 'sv', 'yksilokohtainen-opiskeluhuolto/suostumus'],
    // Read through translations, a question scores lower than one in the plan's own language: not declined for it.
    ['vem är chef för skolgångshandledarna?', 'sv', 'avustajan-toimenkuva'],
    ['Får klassläraren ge ledigt en vecka för en resa?', 'sv', 'poissaolot'],
    ['hur länge innan resan ska man ansöka om ledighet?', 'sv', 'poissaolot'],
    // School holidays, a line manager, "nowadays": the plan's "kesäloma", "esihenkilö", "nykyisin".
    ['Kan eleven få träffa kurator under sommarlovet om det är bråttom?', 'sv', 'opiskeluhuolto/palvelut'],
    ['Vem är skolgångshandledarens chef och bestämmer hur hen placeras i klasserna?', 'sv', 'avustajan-toimenkuva'],
    ["What is the current title for a 'koulunkäyntiavustaja'?", 'en', 'opiskeluhuolto/kasitteet'],
    ['A police officer phoned asking about one of our pupils. What should I do?', 'en', 'salassapito/tietojen-luovutus'],
    // A pupil "treated in hospital" is hospital teaching, not the accident section.
    ['Who takes care of teaching a pupil who is being treated in hospital?', 'en', 'kotiopetus/terveysperusteinen'],
    // What an old term is called now ("förr kallades … i dag": the concepts section's "aiemmin … nykyisin"); "ed" for
    // education; a pupil who "verkar full" (seems drunk).
    ['Vad motsvarar det som förr kallades HOJKS i dag?', 'sv', 'opiskeluhuolto/kasitteet'],
    ['so extended compulsory ed means the kid stays in school till 19 or something?', 'en', 'erityisopetus/pidennetty-oppivelvollisuus'],
    ['en elev verkar full på lektionen, hur gör vi?', 'sv', 'turvallisuus/paihteet'],
    // The duty to report ("anmälningsplikt") is the child welfare notification's.
    ['Kan jag fullgöra min anmälningsplikt genom att tillsammans med familjen kontakta socialvården?', 'sv', 'kriisit/lastensuojeluilmoitus'],
    // A guardian who forbids (kieltää) is not what the school rules forbid ("Mitä koulussa on kielletty", substances).
    ['can the guardian forbid the pupil to go to the kuraattori', 'en', 'yksilokohtainen-opiskeluhuolto/suostumus'],
  ] as const)('%s', (question, lang, section) => {
    expect(bestSection(plan, lang)(question)).toBe(section);
  });
});

describe('a Swedish word that only looks like a word of the Finnish plan', () => {
  const dir = tinyPlan('lookalike', [
    ['laki', 'Lain soveltaminen', 'Lakia sovelletaan kaikkeen opetukseen. Laissa säädetään myös yksityisestä opetuksesta, ja lain mukaan järjestäjä vastaa opetuksesta.'],
    ['todistus', 'Lääkärintodistus', 'Poissaoloon tarvitaan lääkärin todistus, kun sairaus kestää yli viikon. Todistuksen kirjoittaa lääkäri.'],
  ]);
  const plan = PlanService.load(dir, join(__dirname, '../../content/glossary.yml'), 'http://x');

  it('reads "läkare" (doctor) as lääkäri, not as laki (law), whose stem it shares', () => {
    expect(bestSection(plan, 'sv')('när behövs ett intyg från läkare?')).toBe('todistus');
  });

  it('still reads a word the plan writes itself at full weight in a Swedish question (a Finnish term, a name)', () => {
    expect(bestSection(plan, 'sv')('vad säger lakia om privat undervisning?')).toBe('laki');
  });
});

describe('a glossary term whose concept the text never writes', () => {
  // Swedish "principerna" reads as the glossary's principal (rektor, "principal"); a statute with no principal in it
  // writes "periaatteet", the lexicon's translation, which is read instead.
  const dir = tinyPlan('absent-concept', [
    ['periaatteet', 'Keskeiset periaatteet', 'Sosiaalihuollon asiakasta on kohdeltava ilman syrjintää ja hänen vakaumustaan ja yksityisyyttään kunnioittaen.'],
    ['paatos', 'Päätöksenteko', 'Sosiaalihuollon asiakkaalle annetaan kirjallinen päätös. Päätös pannaan täytäntöön viipymättä.'],
  ]);
  const plan = PlanService.load(dir, join(__dirname, '../../content/glossary.yml'), 'http://x');

  it('reads it through the lexicon: "principerna" on a text of periaatteet and no principal', () => {
    expect(bestSection(plan, 'sv')('Vilka är de centrala principerna för hur klienter ska bemötas inom socialvården?')).toBe('periaatteet');
  });
});

describe('staff words for the school-safety sections of a statute', () => {
  const dir = tinyPlan('safety-words', [
    ['poistaminen', 'Häiritsevän opiskelijan poistaminen', 'Rehtorilla ja opettajalla on oikeus poistaa luokkahuoneesta opiskelija, joka ei noudata poistumismääräystä.'],
    ['epaaminen', 'Opetukseen osallistumisen epääminen', 'Opiskelijan osallistuminen opetukseen voidaan evätä enintään kolmen työpäivän ajaksi, jos toisten turvallisuus kärsii.'],
    [
      'tarkastus',
      'Oikeus tarkastaa opiskelijan tavarat',
      'Opettajalla on oikeus tarkastaa opiskelijan mukana olevat tavarat. Tarkastuksessa on oltava läsnä toinen täysi-ikäinen henkilökuntaan kuuluva.',
    ],
  ]);
  const plan = PlanService.load(dir, join(__dirname, '../../content/glossary.yml'), 'http://x');
  const best = bestSection(plan, 'fi');

  it.each([
    ['saako opettaja heittää ulos luokasta oppilaan joka riehuu', 'poistaminen'],
    ['kauanko oppilaan voi pitää poissa opetuksesta jos se uhkailee', 'epaaminen'],
    ['saako opettaja katsoa läpi oppilaan repun', 'tarkastus'],
    // A student who will not leave, led or carried out: the removal, as staff tell it.
    ['opiskelija ei suostu lähtee luokasta vaikka käskin, saako sitä taluttaa ulos?', 'poistaminen'],
    ['opiskelija ei lähe luokasta vaikka käskin, saanko kantaa sen ulos', 'poistaminen'],
    ['kauanko opiskelijan voi pistää pois tunneilta jos se uhkailee', 'epaaminen'],
  ])('%s', (question, section) => {
    expect(best(question)).toBe(section);
  });
});

describe('a function word on the plan is no glossary term, as it is none in a question', () => {
  // "jälkeen" (after) stems like the colloquial "jälkkä" (detention): read as that concept, every section with
  // "jälkeen" in a heading matched "detention" and "kvarsittning" as well as the discipline section.
  const dir = tinyPlan('function-words', [
    ['kurinpito', 'Kurinpito', 'Oppilaan voi määrätä jälki-istuntoon enintään kahdeksi tunniksi kerrallaan. Rehtori kuulee oppilasta ennen päätöstä.'],
    ['kokous', 'Kokouksen jälkeen', 'Kokouksen jälkeen sihteeri kirjaa muistion ja lähettää sen osallistujille.'],
    ['kriisi', 'Kriisin jälkeen', 'Kriisin jälkeen järjestetään purkukeskustelu henkilökunnalle. Jälkeen päin arvioidaan toiminta.'],
    ['siirto', 'Siirron jälkeen', 'Siirron jälkeen uusi koulu kutsuu koolle aloituspalaverin kahden viikon jälkeen.'],
  ]);
  const plan = PlanService.load(dir, join(__dirname, '../../content/glossary.yml'), 'http://x');

  it('finds only the discipline section for a detention question in English or Swedish', () => {
    for (const [question, lang] of [
      ['How long can a detention last at most?', 'en'],
      ['Hur lång kan en kvarsittning vara?', 'sv'],
    ] as const) {
      expect(plan.index.search(question, 5, lang).hits.map((h) => h.section.id)).toEqual(['kurinpito']);
    }
    expect(bestSection(plan, 'sv')('Hur lång kan en kvarsittning vara?')).toBe('kurinpito');
  });
});

describe('a glossary term is never a name or another everyday word in another language', () => {
  const glossary = Glossary.load(join(__dirname, '../../content/glossary.yml'));
  const concepts = (q: string) => glossary.findInQuestion(words(q)).map((h) => glossary.entries[Number(h.concept.slice(1))].fi[0]);

  it('reads meals, military service and losing the right to study only where the words mean them', () => {
    // "Matti" stems like Swedish "mat" (food), "kostar" (costs) like "kost"; "eron" is a divorce, "Intiasta" India.
    expect(concepts('mitä tehdään kun Matti Meikäläinen tuo käärmeen kouluun')).toEqual([]);
    expect(concepts('Vad kostar en resa?')).not.toContain('kouluruokailu');
    expect(concepts('vanhempien eron jälkeen oppilas on ollut poissa')).not.toContain('eronneeksi katsominen');
    expect(concepts('oppilas muutti Intiasta')).not.toContain('asevelvollisuus');
    // …and reads them where they do.
    expect(concepts('Får barnet mat på dagis?')).toContain('kouluruokailu');
    expect(concepts('Opiskelija lähtee inttiin')).toContain('asevelvollisuus');
    expect(concepts('Voiko hänet katsoa eronneeksi?')).toContain('eronneeksi katsominen');
  });

  it('reads a Finnish phrase written with its verb in another form ("katsoa läpi": "katsomaan läpi", "katsottiin läpi")', () => {
    expect(concepts('jos laukku joudutaan katsomaan läpi')).toContain('tavaroiden tarkastaminen');
    expect(concepts('opiskelijan reppu katsottiin läpi')).toContain('tavaroiden tarkastaminen');
    expect(concepts('voiko oppilaan pitämään pois opetuksesta')).toContain('opetukseen osallistumisen epääminen');
    // …and only as the whole phrase: enrolling a child in school is not telling the school kitchen.
    expect(concepts('milloin lapset ilmoitetaan kouluun')).toContain('kouluun ilmoittautuminen');
    expect(concepts('erityisruokavaliosta pitää ilmoittaa koulun keittiölle')).not.toContain('kouluun ilmoittautuminen');
  });
});

describe('a word a Swedish statute does not write, in Swedish', () => {
  const dir = tinyPlan(
    'same-sense',
    [
      ['ansokan', 'Ansökan', 'Ansökan om en plats ska lämnas in senast fyra månader innan. Om behovet beror på att föräldrarna får arbete, ska platsen ordnas inom två veckor.'],
      ['plats', 'Bibehållande av samma plats', 'Barnet behåller sin plats om vårdnadshavaren är föräldraledig en kortare tid.'],
    ],
    'sv',
  );
  const plan = PlanService.load(dir, join(__dirname, '..', '..', 'content', 'glossary.yml'), 'http://x');

  it('is read as the word of the same sense it writes ("jobb": arbete)', () => {
    expect(bestSection(plan, 'sv')('mamman fick jobb med kort varsel, hur snabbt måste kommunen fixa en plats')).toBe('ansokan');
  });
});

describe('a term of the lexicon of two words', () => {
  it('is found in a question as a phrase, not word by word', () => {
    const lexicon = Glossary.load(join(__dirname, '../../content/glossary.yml')).lexicon;
    expect(lexicon.phrasesIn(words('which lower secondary school'), 'en', ['fi'])).toContainEqual({ start: 1, end: 3, stems: expect.arrayContaining([stem('yläkoulu', 'fi')]) });
    expect(lexicon.translations('lower', ['fi'], ['en'])).toEqual([]);
    expect(lexicon.phrasesIn(words('lower grades of the school'), 'en', ['fi'])).toEqual([]);
  });
});
