import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { words } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { loadPlan, parsePlan } from '../../src/plan/load';
import { OffTopic } from '../../src/plan/offtopic';
import { PlanIndex } from '../../src/plan/search';
import { messages } from '../../src/i18n';
import { answerCard } from '../../src/ui/answerCard';
import { bestSection } from '../helpers/tinyPlan';
import { quotedText } from '../../src/eval/metrics';
import { writeWithoutCrutches } from '../../src/eval/plans';
import { ROOT } from '../helpers/bot';

/**
 * How the plan's search reads what users actually type: questions as a user would see them answered
 * (the section the answer card shows first, or an honest "not covered").
 */
describe('plan search', () => {
  const plan = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  const best = (q: string, lang: 'fi' | 'sv' | 'en' = 'fi') => {
    const a = plan.answer(q, lang);
    return a.kind === 'answer' ? a.best.id : '(none)';
  };

  it('answers a question that is just a section title, in any language, from that section', () => {
    expect(best('where do I find the forms', 'en')).toBe('lomakkeisto');
    expect(best('var hittar jag blanketterna', 'sv')).toBe('lomakkeisto');
    expect(best('lomakkeisto')).toBe('lomakkeisto');
  });

  it('answers a near tie from the section whose passage holds the question, not the one whose words are spread over it', () => {
    // A class's lost working peace is the communal group's matter: the groups section's "Mihin ryhmään asia kuuluu"
    // ("Luokan työrauha…"), within 15 % of the individual support section, which holds the question's words apart;
    // its headings hold "ryhmään", as the question asks.
    const a = plan.answer('Mihin ryhmään vien huolen siitä, että koko luokan työrauha on ihan kadoksissa?', 'fi');
    expect(a.kind === 'answer' && a.best.id).toBe('opiskeluhuoltoryhmat');
    expect(quotedText(a)).toMatch(/Luokan työrauha/);
  });

  it('answers whether two words name the same thing from the section that says what each means', () => {
    // "Is X the same thing as Y" asks what the words mean: the concepts section's old and new terms, not the deadlines
    // that name the services.
    expect(best("Is 'oppilashuolto' the same thing as 'opiskeluhuolto'?", 'en')).toBe('opiskeluhuolto/kasitteet');
    expect(best('Är elevvård samma sak som elevhälsa?', 'sv')).toBe('opiskeluhuolto/kasitteet');
  });

  it('quotes what to do with a nude image that spreads from the section that says it, its keywords and all', () => {
    // The sample plan's keywords for nude images were the harassment section's; its guidance is in the digital bullying steps.
    const a = plan.answer('Oppilaat jakavat ryhmächatissa luokkakaverin alastonkuvia. Tallennanko kuvat ensin todisteeksi ennen kuin kerron kenellekään?', 'fi');
    expect(quotedText(a)).toMatch(/Älä välitä, lataa tai tallenna/);
  });

  it('does not read a function word as a glossary concept ("var" is Swedish for "where")', () => {
    const a = plan.answer('var hittar jag blanketterna', 'sv');
    expect(a.kind === 'answer' && a.ranked.map((r) => r.id)).not.toContain('opiskeluhuoltoryhmat/yhteisollinen-ryhma');
  });

  it('shows the form description when the question asks for a form, and the topic otherwise', () => {
    expect(best('kotiopetuslomake')).toBe('lomakkeisto/kotiopetus');
    expect(best('kaavake kotiopetuksesta ilmoittamiseen')).toBe('lomakkeisto/kotiopetus');
    expect(best('avustajalomake')).toBe('lomakkeisto/avustajatarve');
    expect(best('kotiopetuksen kriteerit')).toMatch(/^kotiopetus/);
    expect(best('millä perusteella oppilas saa avustajan?')).toBe('avustajakriteerit');
  });

  it('reads Finnish typed without ä and ö', () => {
    expect(best('mita kaikkea tukipaatokseen pitaa kirjata')).toMatch(/^erityisopetus/);
    expect(best('tyossajaksaminen')).toBe('tyossajaksaminen');
    expect(best('kuka kuuluu alueelliseen yhteistyoryhmaan')).toBe('yhteistyoryhma');
  });

  it('splits Swedish compounds as well as Finnish ones', () => {
    const index = plan.index;
    expect(index.compoundParts('frånvarotimm', 'sv')).toEqual(expect.arrayContaining(['frånvaro']));
    expect(index.compoundParts('kotiopetusilmoitus', 'fi')).toEqual(expect.arrayContaining(['kotiopetus', 'ilmoitus']));
    expect(index.compoundParts('password', 'en')).toEqual([]);
  });

  it('does not take "how long" for something long, nor contractions for words', () => {
    expect(best('speical needs assessment how long does it take', 'en')).not.toMatch(/^kotiopetus/);
    expect(words("the pupil won't come to school, it's the pupil's choice")).toEqual(['the', 'pupil', 'come', 'to', 'school', 'it', 'the', 'pupil', 'choice']);
  });

  it('counts a word said twice once', () => {
    const once = plan.index.search('school health survey results', 3).hits[0];
    const twice = plan.index.search('school health survey results at school', 3).hits[0];
    expect(twice.section.id).toBe(once.section.id);
    expect(twice.score).toBeCloseTo(once.score, 5);
  });

  it('declines questions that only share a word in passing with the plan', () => {
    for (const q of ['when is the staff christmas party', 'who won the hockey game yesterday', 'kopiokone on jumissa', 'när är lönedagen']) {
      expect([q, plan.answer(q, 'en').kind]).toEqual([q, 'none']);
    }
  });

  it('declines pay, IT and booking questions plainly and says where such questions belong', () => {
    for (const [q, lang] of [
      ['mikä on wilman salasana', 'fi'],
      // What one forgot is what one asks about, though the rest says why it matters (recording absences).
      ['unohdin taas wilman salasanan enkä pääse kirjaamaan poissaoloja, mistä saan uuden?', 'fi'],
      ['I forgot my Wilma password and cannot record absences, who resets it?', 'en'],
      // A teacher's own sick leave, and the size of a class: the words that ask for a size ("kuinka suuri … enintään")
      // are not what the rest of the question is about.
      ['saako opettaja pitää etätunteja oman sairauslomansa aikana?', 'fi'],
      ['Kuinka suuri alakoulun luokkakoko saa enintään olla?', 'fi'],
      ['Hur stor får en klass i lågstadiet vara?', 'sv'],
      // The staff's own lunch and pay for evening duty: catering, payroll.
      ['vad kostar skolmaten för personalen?', 'sv'],
      ['Hur stor är kuratorns ersättning för kvällsjour?', 'sv'],
      // How long the way to school must be for free transport: the school transport office's rules.
      ['What is the distance limit for free school transport?', 'en'],
      ['Hur lång måste skolvägen vara för att en elev i lågstadiet ska få gratis skolskjuts?', 'sv'],
      ['paljonko koulunkäynninohjaajan palkka on', 'fi'],
      // The pay day as a payslip names it (tilipäivä).
      ['Onko avustajien tilipäivä tässä kuussa 15. päivä vai kuun viimeinen?', 'fi'],
      ['how do I book a meeting room', 'en'],
      ['when is the staff christmas party', 'en'],
      ['när är lönedagen', 'sv'],
      ['Montako vuosilomapäivää opettajalla on kesällä?', 'fi'],
      ['Saako henkilökunta pysäköidä koulun pihalle?', 'fi'],
      ['When do pupils get their HPV vaccinations?', 'en'],
      // Where a welfare question may happen, asked as the subject ("I" is not the Swedish "i").
      ['Mitä kouluruokalassa on ensi viikolla ruokana?', 'fi'],
      ['how do I order textbooks for next year', 'en'],
      // Textbook orders in one word, a compound of "oppikirja" with "tilaus", which the plan never writes.
      ['Mihin mennessä ensi syksyn oppikirjatilaukset pitää tehdä ja kenelle?', 'fi'],
      ['När ska läromedelsbeställningarna vara klara?', 'sv'],
      // One's own sick days, told by "myself" or "itse": a pupil's are the plan's (below).
      ['Kuinka monta päivää voin olla itse sairaana ilman lääkärintodistusta?', 'fi'],
      ['How many days can I be off sick myself without a doctor certificate?', 'en'],
      ['where can staff park at the school', 'en'],
      // Supplies, devices, halls and keys, substitutes, staff perks, dress code: the school's running, not welfare.
      ['mistä saan uusia taulutusseja luokkaan', 'fi'],
      ['can I get a new key card, mine is lost', 'en'],
      ['who do I call for a substitute teacher for tomorrow', 'en'],
      ['finns det en klädkod för lärare', 'sv'],
      ['saako opettaja liikuntaseteleitä työnantajalta', 'fi'],
      // School events, the building's ventilation and swimming lessons: the office, the caretaker, the curriculum.
      ['kuka järjestää penkkarit tänä vuonna', 'fi'],
      ['vem fixar ventilationen i klassrummet', 'sv'],
      ['when do the third graders start swimming lessons', 'en'],
      ['vem betalar liftkorten på skidresan', 'sv'],
      ['what grade average do you need for upper secondary', 'en'],
      // Payslips, study leave, the school's own social media, smart boards, minibuses, concerts, training days, pets at work.
      ['mistä näen palkkalaskelmani', 'fi'],
      ['var hittar jag min lönespecifikation', 'sv'],
      ['how do I apply for study leave', 'en'],
      ['kuka päivittää koulun instagramia', 'fi'],
      ['who fixes the broken smartboard', 'en'],
      ['hur bokar jag skolans minibuss', 'sv'],
      ['kuka tekee kevätkonsertin käsiohjelman', 'fi'],
      ['when is the school photographer coming', 'en'],
      ['milloin on seuraava vesopäivä', 'fi'],
      ['får jag ta med hunden till jobbet', 'sv'],
      ['milloin nuorten kesätyösetelit haetaan', 'fi'],
      ['milloin kevään arviointiviikko alkaa', 'fi'],
      // Staff qualifications and leave for one's own sick child, Kela's care allowances, school taxis, grading criteria.
      ['mitkä ovat koulupsykologin kelpoisuusvaatimukset', 'fi'],
      ['montako päivää saan olla kotona kun oma lapsi sairastuu', 'fi'],
      ['how much is the home care allowance', 'en'],
      ['vem beställer skoltaxi åt en elev som flyttat', 'sv'],
      ['mitkä on kriteerit numerolle 9 kuvaamataidossa', 'fi'],
      // The asker's own sick leave and substitute, holiday dates (the plan names the breaks only to count working days).
      ['herään kipeenä aamulla, miten tilaan itelleni sijaisen?', 'fi'],
      ['montako päivää saan olla sairauslomalla omalla ilmoituksella?', 'fi'],
      ['vad får en vikarie betalt per timme', 'sv'],
      ["how many sick days can a teacher take without a doctor's note?", 'en'],
      // One's holiday days and the qualifications a job requires.
      ['How many holiday days does a teacher get per year?', 'en'],
      ['Vilken utbildning krävs för att få jobba som skolgångshandledare?', 'sv'],
      ['Mikä koulutus vaaditaan erityisopettajaksi?', 'fi'],
      ['milloin tän vuoden syysloma alkaa meidän koulussa', 'fi'],
      ['När börjar höstlovet nästa läsår?', 'sv'],
      ['when is the autumn break this year?', 'en'],
      // The size of a class: the plan counts only the pupils of small groups placed in an ordinary one.
      ['Mikä on perusopetuksen opetusryhmän suurin sallittu oppilasmäärä?', 'fi'],
      ['Hur många elever får det högst vara i en klass i grundskolan?', 'sv'],
      ['What is the maximum class size in lower secondary school?', 'en'],
      // The same asked as a count of the pupils of a class, which the list of topics cannot name word for word.
      ['Montako oppilasta tokaluokalla saa enintään olla?', 'fi'],
      ['montako oppilasta yläkoulun luokassa voi max olla', 'fi'],
      ['Hur många elever får det max vara i klassen i årskurs 5?', 'sv'],
      ['How many pupils can there be in a class at most?', 'en'],
      ['Montako oppilasta yhdelle ekaluokalle saa enimmillään ottaa, kun luokat muodostetaan keväällä?', 'fi'],
      // Grades, report cards, textbooks and how to do things in Wilma.
      ['miten ysin arvosanan korotus järjestetään ennen päättötodistusta', 'fi'],
      ['Hur beställer jag läromedel för nästa läsår?', 'sv'],
      // With the subject after the verb, as Swedish puts it ("beställer man läroböcker"), and ordering as a Finnish verb.
      ['Var beställer man läroböcker för nästa läsår?', 'sv'],
      ['Miten tilaan oppikirjat ensi syksyn seiskaluokille?', 'fi'],
      // A substitute for oneself ("hommaa mulle sijaisen", "get a sub"), one's own sick days, in-service training.
      ['kuka hommaa mulle sijaisen kun oon huomenna kipeenä?', 'fi'],
      ["how do I get a sub when I'm off sick tomorrow?", 'en'],
      ['Hur många dagar får jag vara sjukledig med egen anmälan innan jag behöver läkarintyg?', 'sv'],
      ['Miten haen täydennyskoulutukseen ja maksaako työnantaja kurssimaksun?', 'fi'],
      ["When is the deadline for ordering next year's textbooks?", 'en'],
      ['miten wilmaan lisätään uusi huoltaja kun vanhemmat eroaa', 'fi'],
      // One's own parental leave: the sample plan never names a student's (an upper secondary statute does: planImportReal).
      ['jään vanhempainvapaalle keväällä, kuka hoitaa sijaisen?', 'fi'],
      ['When does my parental leave start if the baby is due in May?', 'en'],
      // The distance that gives free school transport: the municipality's transport rules, not the plan.
      ['mikä on koulukuljetuksen kilometriraja ekaluokkalaiselle?', 'fi'],
      ['kuinka pitkä koulumatkan pitää olla, että saa kyydin?', 'fi'],
      // When pre-primary starts, matriculation exams, staff qualifications, Kela's benefits. (When the joint application
      // is, the plan says: "kevään yhteishaussa helmi–maaliskuussa".)
      ['När börjar förskoleundervisningen på hösten?', 'sv'],
      ['Miten lukiolainen ilmoittautuu ylioppilaskokeisiin?', 'fi'],
      ['Vilken behörighet krävs för att jobba som barnskötare?', 'sv'],
      ['miten perustoimeentulotukea haetaan kelasta', 'fi'],
      // AI tools, lesson hours, final grades, one's own sick days, the break dates asked as people say it.
      ['Saako opettaja käyttää tekoälyä esseiden arviointiin?', 'fi'],
      ['Monta tuntia matematiikkaa seiskaluokalla on viikossa?', 'fi'],
      ['Hur räknas slutbetyget i årskurs 9?', 'sv'],
      ['how many sick days can i take without a doctors note', 'en'],
      ['millon on ens vuoden syysloma', 'fi'],
      // The school year's breaks named by the year, or asked by their week.
      ['Mihin aikaan ensi lukuvuoden syysloma on?', 'fi'],
      ['Minkä viikon aikana syysloma on tänä lukuvuonna?', 'fi'],
      ['when are the autumn holidays this year?', 'en'],
      ['Vilken vecka är höstlovet?', 'sv'],
      // How long records are kept (the registrar's records-management plan; no statute gives a period for the welfare
      // record), one's own union and resignation, Kela's disability allowance, a guardian's Wilma account.
      ['Kuinka kauan opiskeluhuoltokertomuksia säilytetään?', 'fi'],
      ['Hur länge sparas elevhälsojournaler?', 'sv'],
      ['which union should i join as a new school kuraattori?', 'en'],
      ['whats the notice period if a school nurse wants to quit', 'en'],
      ['Miten autan perhettä hakemaan Kelan vammaistukea alle 16-vuotiaalle?', 'fi'],
      ['How do I create a Wilma account for a new guardian?', 'en'],
      // Words saying when or whose inside a phrase ("tilaan ensi lukuvuoden oppikirjat", "olen itse huomenna kipeänä"),
      // and the extra pay for a duty.
      ['Miten tilaan ensi lukuvuoden oppikirjat kasiluokille?', 'fi'],
      ['mistä saan sijaisen kun olen itse huomenna kipeänä', 'fi'],
      ['Maksetaanko opettajalle lisäkorvausta iltapäivän valvonnasta?', 'fi'],
      ['Hur länge får jag själv vara sjuk utan intyg?', 'sv'],
      // Sick leave as it is said, without the "u" of "sairausloma".
      ['kauanko voin olla sairaslomalla ilman lääkärintodistusta?', 'fi'],
      ['How much extra pay does a teacher get for the parents evening?', 'en'],
      // Driving pupils in one's own car, as the mileage it is paid by.
      ['Saako opettaja kuljettaa oppilaita omalla autollaan retkelle ja mistä haen kilometrikorvaukset?', 'fi'],
      ['Får jag skjutsa en elev i egen bil?', 'sv'],
      // How many pupils one kuraattori or psychologist may have: the wellbeing services county's staffing.
      ['Kuinka monta oppilasta yhdellä kuraattorilla saa enintään olla (mitoitus)?', 'fi'],
      ['Hur många elever per kurator får det högst vara?', 'sv'],
      ['How many pupils per psychologist is the maximum?', 'en'],
    ] as const) {
      const a = plan.answer(q, lang);
      expect([q, a.kind, a.kind === 'none' && a.offTopic?.topic]).toEqual([q, 'none', expect.any(String)]);
      const card = JSON.stringify(answerCard(a, plan.plan, messages(lang)));
      expect(card).toContain(messages(lang).plan.offTopicText.slice(0, 20));
    }
  });

  it("answers a pupil's sick days, a pupil's need during a school break and the small-group pupils of a class, absences in Wilma: only the asker's own leave, the dates and the size of a class are off topic", () => {
    for (const [q, lang, id] of [
      ['Do sick days count towards the absence limits?', 'en', 'poissaolot'],
      ['lasketaanko oppilaan sairauspäivät poissaolotunteihin', 'fi', 'poissaolot'],
      // "Missä vaiheessa" asks when, like "milloin": the stage is no topic word (the return plan's "vaiheittainen").
      ['Missä vaiheessa oppilaan poissaolot viedään rehtorille?', 'fi', 'poissaolot'],
      ['oppilas tarvitsee kuraattoria kiireesti syysloman aikana, kuka auttaa?', 'fi', 'yksilokohtainen-opiskeluhuolto'],
      ['Kuinka monta pienryhmässä opiskelevaa oppilasta tavallisessa opetusryhmässä saa enintään olla?', 'fi', 'erityisopetus/erityisluokka'],
      // A year class that only says which pupil ("a grade 8 kid", "en elev i årskurs 7") is no question about moving up.
      ['a grade 8 kid has 60 hours of absences, what now?', 'en', 'poissaolot'],
      ['en elev i årskurs 7 har 55 timmar frånvaro, vad gör jag?', 'sv', 'poissaolot'],
      ['a pupil smells of booze after the lunch break, what do I do?', 'en', 'turvallisuus/paihteet'],
    ] as const) {
      expect([q, bestSection(plan, lang)(q)]).toEqual([q, id]);
    }
    // The plan does not say where absences are recorded: the question is answered, not declined for "Wilma", and the
    // absence section is among those shown (the services section, whose keywords name Wilma, may come first).
    const wilma = plan.answer('pitääkö oppilaan poissaolot merkitä wilmaan?', 'fi');
    expect(wilma.kind === 'answer' && wilma.ranked.map((r) => r.id)).toContain('poissaolot');
  });

  it('declines a question about money where the section it finds never speaks of money, and answers one where it does', () => {
    // Compensation for a pupil's broken glasses or a confiscated phone, a fine, a price: the sections these questions
    // find (safety, phones, substances) name no fee, price, payment or compensation.
    for (const [q, lang] of [
      ['oppilaan silmälasit hajosivat välitunnilla, korvaako koulu uudet?', 'fi'],
      ['Does the school pay for a phone that broke while it was confiscated?', 'en'],
      ['What is the fine for a pupil caught vaping at school?', 'en'],
      ['Vad kostar en privat psykologisk undersökning för familjen?', 'sv'],
    ] as const) {
      expect([q, plan.answer(q, lang).kind]).toEqual([q, 'none']);
    }
    // The plan says who pays the interpreter, and that accident care is free for the pupil.
    for (const [q, lang, id] of [
      ['Vem betalar tolken när skolan träffar vårdnadshavaren?', 'sv', 'siirtymavaiheet/maahan-muuttanut-oppilas'],
      ['maksaako oppilas itse tapaturman hoidon, jos se sattui koulumatkalla?', 'fi', 'turvallisuus/laakehoito-ja-tapaturmat'],
    ] as const)
      expect([q, best(q, lang)]).toEqual([q, id]);
  });

  it('answers which form to use from a section that names or links a form', () => {
    // The child protection section names the county's electronic notification form; the forms section links them.
    for (const [q, lang, id] of [
      ['Millä lomakkeella lastensuojeluilmoitus tehdään?', 'fi', 'kriisit/lastensuojeluilmoitus'],
      ['Which form do I use to start a new individual student welfare case?', 'en', 'lomakkeisto/uusi-asia'],
    ] as const)
      expect([q, best(q, lang)]).toEqual([q, id]);
  });

  it('knows an off-topic term inside a compound the plan does not use, first part or last', () => {
    const off = new OffTopic([
      { topic: 'pay and employment', fi: ['vuosiloma', 'palkka'], sv: [], en: [] },
      { topic: 'catering', fi: ['ruokala'], sv: [], en: [] },
    ]);
    const known = (s: string) => plan.index.knows(s);
    expect(off.match('Montako vuosilomapäivää opettajalla on?', known)?.words).toEqual(['vuosilomapäivää']);
    expect(off.match('mitä kouluruokalassa on tänään', known)?.subject.topic).toBe('catering');
    expect(off.match('paljonko on ohjaajanpalkka', known)?.subject.topic).toBe('pay and employment');
    // The rest of a compound must be a word: "vuosilomaxyzqw" is not a compound of the plan's words.
    expect(off.match('vuosilomaxyzqw', known)).toBeUndefined();
    expect(off.match('kuka päättää oppilaan tukiopetuksesta', known)).toBeUndefined();
    // Letters that only spell a term are no compound of it: "tarvitsisi" (would need) holds "vitsi" (a joke) after "tar".
    const jokes = new OffTopic([{ topic: 'small talk', fi: ['vitsi'], sv: [], en: [] }]);
    expect(jokes.match('Syyslomalla oppilas tarvitsisi kiireellisesti kuraattorin', known)).toBeUndefined();
    expect(jokes.match('kerro hyvä kouluvitsi', known)?.subject.topic).toBe('small talk');
  });

  it("tells an English -ing noun of an off-topic phrase from its verb, and paying for a service from one's pay", () => {
    expect(plan.answer('How many times a year does the examining teacher meet a home-educated child?', 'en').kind).toBe('answer');
    expect(plan.answer('when is the next teachers meeting?', 'en').kind).toBe('none');
    // Paying for a service asks whether it is free of charge ("Opiskeluhuolto on oppilaalle maksutonta").
    const paying = plan.answer('Do pupils have to pay anything for seeing the school psychologist?', 'en');
    expect(paying.kind === 'answer' && paying.best.id).toMatch(/^opiskeluhuolto/);
    for (const q of ["What's the pay scale for school assistants?", 'when is pay day?']) expect([q, plan.answer(q, 'en').kind]).toEqual([q, 'none']);
    // Swedish: charging for a service ("ta betalt") is not being paid ("få betalt per timme").
    const charging = plan.answer('Får skolan ta betalt när eleven träffar kuratorn?', 'sv');
    expect(charging.kind === 'answer' && charging.best.id).toMatch(/^opiskeluhuolto/);
    expect(plan.answer('vad får en vikarie betalt per timme', 'sv').kind).toBe('none');
  });

  it('answers a welfare question whose off-topic words only say where it happened', () => {
    for (const [q, lang, section] of [
      ['tappelu koulun ruokalassa, mitä teen?', 'fi', /^turvallisuus/],
      ['oppilas jäi kiinni nuuskasta parkkipaikalla', 'fi', /^turvallisuus\/paihteet/],
      ['fight in the canteen, what do I do?', 'en', /^turvallisuus/],
      ['a student was vaping in the car park', 'en', /^turvallisuus\/paihteet/],
      ['slagsmål i matsalen, vad gör jag?', 'sv', /^turvallisuus/],
      ['elev berättade på lägerskolan att pappa slår henne', 'sv', /^kriisit|^turvallisuus/],
      // Social media and pets are where welfare happens too: only the school's own account or a dog at work is off topic.
      ['oppilasta kiusataan Instagramissa, mitä teen?', 'fi', /^turvallisuus\/kiusaaminen/],
      ['Instagram-kiusaaminen, miten toimitaan?', 'fi', /^turvallisuus\/kiusaaminen/],
      ['a pupil is being bullied on Instagram, what do I do?', 'en', /^turvallisuus\/kiusaaminen/],
      ["a pupil's dog died and she is very sad, what support is there?", 'en', /^kriisit/],
      // A time as a Finnish postposition says it ("hiihtoloman aikana", during the ski holiday).
      ['kuka auttaa jos oppilaalle sattuu kriisi hiihtoloman aikana?', 'fi', /^kriisit/],
      // Two words the plan writes ("syysloman päivät") that also spell an off-topic term (lomapäivät, one's days off).
      ['7 pv aikaraja kuraattorille, lasketaanko syyslomapäivät mukaan?', 'fi', /^yksilokohtainen-opiskeluhuolto/],
      ['elevens pappa dog, hur mycket får lärarna veta', 'sv', /^kriisit|^salassapito/],
    ] as const) {
      const a = plan.answer(q, lang);
      expect([q, a.kind === 'answer' && a.best.id]).toEqual([q, expect.stringMatching(section)]);
    }
    // The same words as the subject are declined with the pointer: see the pay, IT and booking test.
    for (const q of ['Milloin hiihtoloma alkaa?', 'Montako vuosilomapäivää opettajalla on?']) expect([q, plan.answer(q, 'fi').kind]).toEqual([q, 'none']);
  });

  it('reads content/offtopic.yml strictly and names the file and field when it is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opari-offtopic-'));
    const file = join(dir, 'offtopic.yml');
    writeFileSync(file, '- topic: pay\n  fi: palkka\n');
    expect(() => OffTopic.load(file)).toThrow(/offtopic\.yml: 0\.fi/);
    writeFileSync(file, '- topic: pay\n  where: { sv: löneförvaltningen }\n  fi: [palkka]\n');
    expect(() => OffTopic.load(file)).toThrow(/0\.where\.fi/);
    expect(OffTopic.load(join(dir, 'missing.yml')).match('palkka', () => false)).toBeUndefined();
  });

  it('does not read a function word as an off-topic term with the same stem (Swedish "fast", although, is not "fastighet")', () => {
    const off = OffTopic.load(join(ROOT, 'content', 'offtopic.yml'));
    expect(off.match('Måste kommunen ordna en plats fast ansökan kommer så sent?', () => false, 'sv')).toBeUndefined();
    expect(off.match('fastigheten läcker, vem ringer jag?', () => false, 'sv')?.subject.topic).toBe('facilities and booking');
    expect(off.match('vem har nyckeln till gymnastiksalen', () => false, 'sv')?.subject.topic).toBe('facilities and booking');
  });

  it('reads a one-word term by its stem in its own language only (English "date" is not the Swedish "dator", computer)', () => {
    const off = OffTopic.load(join(ROOT, 'content', 'offtopic.yml'));
    expect(off.match('What date should the transition forms be ready by in spring?', () => false, 'en')).toBeUndefined();
    expect(off.match('Which dates are the transition meetings?', () => false, 'en')).toBeUndefined();
    expect(off.match('min dator startar inte', () => false, 'sv')?.subject.topic).toBe('IT and accounts');
    // A term is read in its own language whatever the question's: "password" in a Finnish question.
    expect(off.match('password ei toimi', () => false, 'fi')?.subject.topic).toBe('IT and accounts');
  });

  it('answers a role named alone with the services or the overview, not a section that only mentions it (complaints about the kuraattori)', () => {
    for (const [q, lang] of [
      ['kuraattori', 'fi'],
      ['psykologi', 'fi'],
      ['terveydenhoitaja', 'fi'],
      ['kurator', 'sv'],
      ['school nurse', 'en'],
    ] as const)
      expect([q, best(q, lang)]).toEqual([q, expect.stringMatching(/^opiskeluhuolto(\/palvelut)?$/)]);
  });

  it('reads a guardian being present at a hearing as discipline, not as when the kuraattori is at school (the services\' keywords say "koululla")', () => {
    expect(best('saako huoltaja olla paikalla kun oppilasta kuullaan kurinpitojutussa?')).toBe('turvallisuus/kurinpito');
    expect(best('milloin kuraattori on koululla?')).toBe('opiskeluhuolto/palvelut');
  });

  it('reads taking back a permission ("vetää luvan takaisin") as withdrawing consent', () => {
    expect(best('Voiko perhe jälkikäteen vetää takaisin antamansa luvan asiantuntijaryhmälle?')).toBe('yksilokohtainen-opiskeluhuolto/suostumus');
  });

  it("does not let a section's keywords outweigh the text that answers (keywords weigh half a title)", () => {
    // The support decision's keywords hold "tukisuunnitelma"; the transitions section writes what goes with the pupil.
    expect(best('Siirtyvätkö terveydenhoitajan tiedot uuteen kouluun tukisuunnitelman mukana?')).toBe('siirtymavaiheet');
    // The family-crisis keywords hold "isä"; the consent section writes that a guardian cannot forbid it.
    expect(best('isä kieltää tyttöä käymästä kuraattorilla, voiko se niin tehdä?')).toBe('yksilokohtainen-opiskeluhuolto/suostumus');
    expect(best('kuka kutsuu koolle sen 6lk->7lk tiedonsiirtopalaverin')).toBe('siirtymavaiheet/alakoulu-ylakoulu');
  });

  it('puts first, of two sections scoring nearly the same, the one whose passage holds much more of a longer question', () => {
    // The agenda form's passage holds who decides the final agenda of the communal group.
    expect(best('Kuka päättää yhteisöllisen opiskeluhuoltoryhmän lopullisesta asialistasta?')).toBe('lomakkeisto/asialista');
    // Not a short question, whose few words meet in one passage of many sections.
    expect(best('who has to file a child protection report', 'en')).toBe('kriisit/lastensuojeluilmoitus');
  });

  it('weighs a compound the plan does not write whole by its rarest part: "koulukiusaaminen" is about bullying, not school', () => {
    expect(best('koulukiusaaminen netissä')).toMatch(/^turvallisuus/);
    expect(best('koulukiusaaminen somessa, mitä teen')).toMatch(/^turvallisuus/);
    // Online bullying as staff name it in each language.
    expect(best('näthat', 'sv')).toMatch(/^turvallisuus/);
    expect(best('online harassment between pupils', 'en')).toMatch(/^turvallisuus/);
  });

  it('answers whether a bag may be searched for a knife from the rules on searching, with the emergency guidance', () => {
    // The crisis section names knives as a threat; the rules on searching a pupil's things say what may be done.
    for (const q of ['Epäilen, että oppilaan repussa on puukko, eikä hän suostu antamaan sitä. Saanko tarkastaa repun?', 'saako oppilaan repun tarkastaa jos epäilen et siel on puukko?']) {
      const a = plan.answer(q, 'fi');
      expect([q, a.kind === 'answer' && a.best.id, a.kind === 'answer' && a.danger]).toEqual([q, 'turvallisuus/kurinpito', 'violence']);
    }
  });

  it('still answers welfare questions that share a word with an off-topic subject', () => {
    expect(best('lasketaanko syysloma mukaan seitsemän työpäivän määräaikaan')).toBe('yksilokohtainen-opiskeluhuolto');
    expect(best('pitkä sairausloma, voiko oppilas opiskella kotona')).toMatch(/^kotiopetus/);
    // A pupil off sick, not oneself.
    expect(best('A pupil is often off sick. When does the teacher contact the school nurse?', 'en')).toBe('poissaolot');
    // The off-topic word is there, but the question is clearly about a crisis.
    expect(best('vuosiloman aikana tapahtunut kriisi, kuka hoitaa')).toMatch(/^kriisit/);
    expect(best('uusi oppilas tulee toisesta kunnasta, miten tiedot siirtyvät')).toMatch(/^siirtymavaiheet|^salassapito/);
    // The plan's own school transport and final assessment: not the transport office's or the curriculum's.
    expect(best('does a home-schooled child get school transport', 'en')).toMatch(/^kotiopetus/);
    expect(best('saako kotiopetuksessa oleva lapsi koulukuljetuksen?')).toMatch(/^kotiopetus/);
    expect(best('miten yksilöllistetty oppimäärä vaikuttaa päättöarvioinnin kriteereihin')).toMatch(/^erityisopetus/);
  });

  it('does not read a plain word as the start of a compound term ("koulussa" is not "koulukura")', () => {
    const concepts = plan.index.glossary.findInQuestion(words('oppilas ei käy koulussa'));
    const kuraattori = plan.index.glossary.findInQuestion(words('kuraattori'))[0].concept;
    expect(concepts.map((c) => c.concept)).not.toContain(kuraattori);
    expect(plan.answer('hyvää huomenta', 'fi').kind).toBe('none');
  });

  it('answers on the sample plan, and on larger plans, with the bars as tuned', () => {
    expect(plan.index.scale).toBe(1);
    const sections = [...plan.plan.sections.values()].flatMap((s) => [s, { ...s, id: `${s.id}-copy`, parentId: s.parentId && `${s.parentId}-copy`, childIds: s.childIds.map((c) => `${c}-copy`) }]);
    const larger = new PlanIndex({ ...plan.plan, sections: new Map(sections.map((s) => [s.id, s])) }, plan.index.glossary);
    expect(larger.size).toBe(2 * plan.index.size);
    expect(larger.scale).toBe(1);
  });

  it('declines a how-many question when the numbers of the section it reaches count something else', () => {
    // The mobile-phone rules have numbers (lessons, days) but none of English lessons a week in grade 8.
    expect(best('Montako oppituntia englantia kasiluokalla on viikossa?')).toBe('(none)');
    // What is counted may be the second or third word, or a kind of pupil ("pienryhmäläinen": the plan counts pupils).
    expect(best('Montako pienryhmäläistä voi olla yleisopetuksen ryhmässä?')).toBe('integraatio');
    expect(best('Kuinka monta pienryhmässä opiskelevaa oppilasta saa olla tavallisessa opetusryhmässä?')).not.toBe('(none)');
    for (const [q, lang] of [
      ['Kuinka monta tuntia poissaoloja saa kertyä ennen kuin otetaan yhteyttä kuraattoriin?', 'fi'],
      ['How many hours of absence before the kuraattori is contacted?', 'en'],
      ['Hur många timmar frånvaro innan kuratorn kontaktas?', 'sv'],
    ] as const)
      expect({ q, best: best(q, lang) }).toEqual({ q, best: 'poissaolot' });
  });

  it('reads who leads a group as naming who is responsible for it', () => {
    // "Rektor leder krisgruppen", "krisgruppen … leder verksamheten": the crisis section names who leads. The meeting
    // form's list of the groups it convenes names the crisis group too, but no one who convenes it.
    const a = plan.answer('vem kallar krisgruppen samman', 'sv');
    expect(a.kind === 'answer' && a.best.id).toBe('kriisit');
    expect(quotedText(a)).toMatch(/\bRektor\b/);
  });

  it('declines a quantity asked per a period the section gives it per no number of', () => {
    // The absence section gives hours per term and checks "kerran viikossa" (once a week): neither is hours a week.
    expect(best('montako tuntia viikossa meiän kuraattori on meillä koululla?')).toBe('(none)');
    expect(best('How many hours a week is the kuraattori at our school?', 'en')).toBe('(none)');
    // Asked per the period the plan gives them per, the same hours are answered.
    for (const [q, lang] of [
      ['Montako tuntia poissaoloja lukukaudessa saa kertyä ennen kuin otetaan yhteyttä kuraattoriin?', 'fi'],
      ['How many hours of absence per term before the kuraattori is contacted?', 'en'],
    ] as const)
      expect({ q, best: best(q, lang) }).toEqual({ q, best: 'poissaolot' });
    // How often is asked per a period too, and a frequency per another answers it ("kerran lukukaudessa").
    expect(best('Kuinka monta kertaa vuodessa yhteisöllinen opiskeluhuoltoryhmä kokoontuu?')).not.toBe('(none)');
  });

  it('answers how much something costs only from a sum of money, on a plan that gives one', () => {
    const section = (id: string, title: string, body: string) => ({ path: `${id}.md`, text: `---\nid: ${id}\ntitle:\n  fi: ${title}\n---\n${body}\n` });
    const small = parsePlan(
      [
        section('ruokailu', 'Kouluruokailu', 'Oppilaan kouluateria on maksuton. Henkilökunnan ateria maksaa 3,80 euroa.'),
        section('tulkkaus', 'Tulkkaus', 'Tulkki varataan huoltajan tapaamiseen kaksi viikkoa ennen. Tulkkauksen maksaa opetustoimi.'),
      ],
      'test',
    );
    const s = new PlanService(small, new PlanIndex(small, plan.index.glossary), 'http://x');
    const answered = s.answer('Paljonko henkilökunnan ateria maksaa?', 'fi');
    expect(answered.kind === 'answer' && answered.best.id).toBe('ruokailu');
    // The interpreting section has numbers ("kaksi viikkoa") and says who pays, but no sum.
    expect(s.answer('Paljonko tulkkaus maksaa tunnilta?', 'fi').kind).toBe('none');
  });

  it('on a plan with no keywords, reads where to appeal a decision as an appeal, "riittääkö" as how the question asks, a colleague asking why a pupil sees the kuraattori, and what student welfare is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opari-plain-'));
    writeWithoutCrutches(join(ROOT, 'content', 'plan'), dir);
    const plain = PlanService.load(dir, join(ROOT, 'content', 'glossary.yml'), 'http://x');
    const first = (q: string) => {
      const a = plain.answer(q, 'fi');
      return [q, a.kind === 'answer' ? a.best.id : '(none)', quotedText(a)];
    };
    // The school-change section writes "tukipäätöksestä" too, and was first.
    expect(first('vanhemmat on vihasia tukipäätöksestä, mihin ne voi valittaa?')).toEqual([expect.any(String), 'muutoksenhaku', expect.stringMatching(/muutoksenhakuohje/)]);
    // "riittääkö" found the home-schooling section's "riittämätöntä" before the duty to report, which "ei riitä" to the principal.
    expect(first('Riittääkö, että kerron lastensuojeluhuolesta rehtorille?')).toEqual([expect.any(String), 'kriisit/lastensuojeluilmoitus', expect.stringMatching(/henkilökohtai/)]);
    // A colleague asking why a pupil sees the kuraattori: what may be told (the disclosure checklist's own case).
    expect(first('luokanvalvoja kyselee miks oppilas käy kuraattorilla, mitä mä voin sanoa').slice(0, 2)).toEqual([expect.any(String), 'salassapito/tietojen-luovutus']);
    // "lsi", as staff shorten the child welfare report.
    expect(first('miten lsi tehdään illalla').slice(0, 2)).toEqual([expect.any(String), 'kriisit/lastensuojeluilmoitus']);
    // Talking about a pupil with colleagues in the staff room: confidentiality (the plan: "älä käsittele … opettajainhuoneessa").
    expect(first('Voiko opettajien huoneessa jutella oppilaan kuraattoriasioista kollegoiden kanssa?').slice(0, 2)).toEqual([expect.any(String), 'salassapito']);
    // What student welfare is: the section whose title asks it ("Mitä opiskeluhuolto on"), though every section names it.
    expect(first('Mitä opiskeluhuolto oikeastaan tarkoittaa ja keitä se koskee?').slice(0, 2)).toEqual([expect.any(String), 'opiskeluhuolto']);
  });

  it('on a Finnish-only plan, reads the words Swedish and English staff use where the plan writes its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'opari-finnish-'));
    writeWithoutCrutches(join(ROOT, 'content', 'plan'), dir, true);
    const finnish = PlanService.load(dir, join(ROOT, 'content', 'glossary.yml'), 'http://x');
    for (const [q, lang, id] of [
      // What may be disclosed ("may I tell a teacher what…", "får läraren veta…").
      ['may I tell a teacher what a pupil said to the school social worker', 'en', expect.stringMatching(/^salassapito/)],
      ['får läraren veta vad eleven pratat om med kuratorn', 'sv', expect.stringMatching(/^salassapito/)],
      // School refusal and sickness said as staff say them ("vägrar komma till skolan", "off sick").
      ['vad gör jag om en elev vägrar komma till skolan', 'sv', 'poissaolot'],
      ['pupil is off sick again and again, what should the teacher do', 'en', 'poissaolot'],
      // A word nothing reads in a question asked in another language weighs less: a gap of the lexicon ("kontorstid",
      // "client notes") more often than a topic the plan lacks.
      ['barnskyddsanmälan på kvällen utanför kontorstid', 'sv', 'kriisit/lastensuojeluilmoitus'],
      ["Which register do the kuraattori's own client notes go into?", 'en', 'yksilokohtainen-opiskeluhuolto/kirjaaminen'],
      // A term of the lexicon of two words, read as a phrase ("lower secondary": yläkoulu).
      ["when are the 6th graders told which lower secondary school they're going to", 'en', 'siirtymavaiheet/alakoulu-ylakoulu'],
    ] as const) {
      expect([q, bestSection(finnish, lang)(q)]).toEqual([q, id]);
    }
    // Everyday words of the lexicon: anonymously (nimettömänä), to consult (konsultoida).
    for (const [q, lang, fact] of [
      ['can I make a child welfare report anonymously as a teacher??', 'en', /nimettömänä/],
      ['kan vi konsultera resursteamet anonymt utan elevens namn?', 'sv', /Nimetön konsultaatio/],
    ] as const) {
      expect([q, quotedText(finnish.answer(q, lang))]).toEqual([q, expect.stringMatching(fact)]);
    }
  });

  it('quotes who decides for a who-decides question, not the criteria passage that writes its words and names no one', () => {
    for (const q of ['Kuka päättää oppilaskohtaisista tukitoimista?', 'kuka päättää oppilaan tuesta']) {
      const a = plan.answer(q, 'fi');
      expect([q, a.kind === 'answer' && a.best.id, a.kind === 'answer' && a.best.passages.map((p) => p.headings.at(-1))]).toEqual([q, 'erityisopetus', expect.arrayContaining(['Kuka päättää'])]);
      expect(quotedText(a)).toMatch(/rehtori/);
    }
  });

  it('answers how much the pupil pays from a section that says it is free of charge, not how much a teacher pays', () => {
    const a = plan.answer('Paljonko oppilas joutuu maksamaan itse, jos hän kaatuu koulumatkalla ja tarvitsee lääkäriä?', 'fi');
    expect(a.kind === 'answer' && [a.best.id, quotedText(a)]).toEqual(['turvallisuus/laakehoito-ja-tapaturmat', expect.stringMatching(/maksuton/)]);
    expect(plan.answer('Paljonko kouluruoka maksaa opettajalle?', 'fi').kind).toBe('none');
  });

  it('quotes what the school does after the paragraph that says what school refusal is, for a what-to-do question', () => {
    const a = plan.answer('Oppilas ei ahdistuksen vuoksi pysty tulemaan kouluun, vaikka huoltajat yrittävät. Miten koulu toimii?', 'fi');
    expect(a.kind === 'answer' && [a.best.id, quotedText(a)]).toEqual(['poissaolot', expect.stringMatching(/paluusuunnitelma/)]);
  });

  it('quotes what a record holds for a question asking what goes in it, not who writes it', () => {
    for (const [q, lang, fact] of [
      ['Mitä opiskeluhuoltokertomukseen pitää kirjata?', 'fi', /vireillepanija/],
      ['Vad ska journalen över elevhälsan innehålla?', 'sv', /inledde ärendet/],
    ] as const) {
      const a = plan.answer(q, lang);
      expect([q, a.kind === 'answer' && a.best.id, quotedText(a)]).toEqual([q, 'yksilokohtainen-opiskeluhuolto/kirjaaminen', expect.stringMatching(fact)]);
    }
  });

  it('quotes that home education needs no permission, written "lupaa", for a question whether it needs one', () => {
    const a = plan.answer('perhe aikoo kotikouluttaa lapsen, tarvitaanko siihen lupa joltain?', 'fi');
    expect(a.kind === 'answer' && [a.best.id, quotedText(a)]).toEqual(['kotiopetus/huoltajan-valitsema', expect.stringMatching(/ei haeta lupaa/)]);
  });

  it('validates weightWhen in the front matter', () => {
    const sections = loadPlan(join(ROOT, 'content', 'plan')).sections;
    expect(sections.get('lomakkeisto/kotiopetus')?.weightWhen).toEqual({ lomake: expect.any(Number) });
    expect(sections.get('kotiopetus')?.weightWhen).toBeUndefined();
  });
});
