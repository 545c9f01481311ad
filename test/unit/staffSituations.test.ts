import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { withoutCrutches } from '../../src/eval/plans';
import { quotedText } from '../../src/eval/metrics';
import { PlanIndex } from '../../src/plan/search';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';
import { ROOT } from '../helpers/bot';
import { Glossary } from '../../src/plan/glossary';
import { isStopword, words } from '../../src/plan/analyze';

/**
 * Situations as staff tell them, in words the plan does not use for them: the police on the phone asking about a
 * pupil is a request for information; a special-class pupil in a mainstream lesson is integration; using what one
 * heard in an expert group is the ban on misuse of information. Read through the domain glossary and the lexicon
 * (content/), on the sample plan with its keywords and weights removed, as on a region's imported plan.
 */
describe('situations staff describe, on the sample plan without keywords', () => {
  const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  const plan = withoutCrutches(sample.plan);
  const service = new PlanService(plan, new PlanIndex(plan, sample.index.glossary), 'http://x');

  it.each([
    // A pupil named by the grade is who the question is about: intoxication, an injury on a work-experience placement,
    // not the move to upper secondary, which "9. luokan oppilaan kanssa" in its text made first.
    ['yks ysiluokkalainen tuli kännissä kouluun, mitä teen', 'fi', 'turvallisuus/paihteet'],
    ['ysiluokkalainen tarttis erityisluokan, missä koulussa niitä on yläluokille?', 'fi', 'erityisopetus/erityisluokka'],
    // Sleep problems: the referral guidance sends "uni" to the school nurse.
    ['oppilas valittaa koko ajan univaikeuksia ja on väsyny, kenelle ohjaan?', 'fi', 'yksilokohtainen-opiskeluhuolto/yhteydenotto'],
    // An injury at work experience (TET): the school's accident section says how it is compensated.
    ['Korvataanko ysiluokkalaisen TET-jaksolla sattunut vamma?', 'fi', 'turvallisuus/laakehoito-ja-tapaturmat'],
    // A fall or a sprain that needed no doctor: the accident report is made all the same.
    ['oppilas kaatu välkällä ja nilkka turpos mut ei tarvinnu lääkäriä, tehdäänkö silti ilmotus?', 'fi', 'turvallisuus/laakehoito-ja-tapaturmat'],
    ['oppilas nyrjäytti nilkan liikkatunnilla mut ei tarvinnu lääkäriä, tehdäänkö silti joku ilmotus?', 'fi', 'turvallisuus/laakehoito-ja-tapaturmat'],
    // A father forbidding his girl: a guardian forbidding a pupil ("Huoltaja ei voi kieltää alaikäistä oppilasta…").
    ['isä kieltää tyttöä käymästä kuraattorilla, voiko se niin tehdä?', 'fi', 'yksilokohtainen-opiskeluhuolto/suostumus'],
    // A pupil who came from another municipality has changed school: the support decision's fate is that section's.
    ['uusi oppilas tuli toisesta kunnasta, onko vanha tukipäätös yhä voimassa?', 'fi', 'siirtymavaiheet/koulun-vaihto'],
    ['new pupil moved here from another municipality, how do we get their support plan', 'en', 'siirtymavaiheet/koulun-vaihto'],
    // Consent refused is what the consent section's "Jos suostumusta ei anneta" tells, not how the expert group is formed.
    ['Mitä tapahtuu, jos huoltaja kieltäytyy antamasta lupaa asiantuntijaryhmän kokoamiseen?', 'fi', 'yksilokohtainen-opiskeluhuolto/suostumus'],
    // The disclosure checklist: "Viranomainen (esimerkiksi poliisi) pyytää tietoja: pyydä kirjallinen pyyntö…"; not
    // the child-welfare notification, whose title names the police, nor the family crisis, whose text has the phone.
    ['Poliisi soitti ja kysyy oppilaan kuraattorikäynneistä. Mitä teen?', 'fi', 'salassapito/tietojen-luovutus'],
    ['poliisi soitti ja kyseli oppilaan kuraattorikäynneistä, mitä mä vastaan', 'fi', 'salassapito/tietojen-luovutus'],
    ['Polisen ringde och ville ha uppgifter om en elev. Vad gör jag?', 'sv', 'salassapito/tietojen-luovutus'],
    ['The police phoned asking about one of our pupils. How should I respond?', 'en', 'salassapito/tietojen-luovutus'],
    // Integration says who assesses a special-class pupil in the subjects taken with a mainstream group.
    ['Erityisluokan oppilas käy kuvistunneilla yleisopetuksen luokassa. Kuka antaa hänelle kuvataiteen arvosanan?', 'fi', 'integraatio'],
    ['Kuka antaa arvosanan erityisluokan oppilaalle siinä aineessa, jota hän käy yleisopetuksen ryhmässä?', 'fi', 'integraatio'],
    ['Kuka arvioi erityisluokan oppilaan, joka käy historian tunneilla yleisopetuksen luokassa?', 'fi', 'integraatio'],
    // The expert group's own rule for a principal who later decides on discipline.
    ['Rehtori istui oppilaan asiantuntijaryhmässä. Saako hän käyttää siellä kuulemaansa, kun hän päättää saman oppilaan kurinpidosta?', 'fi', 'opiskeluhuoltoryhmat/asiantuntijaryhma'],
    ['Can the principal use what was said in a multidisciplinary expert group when deciding on detention for the same pupil?', 'en', 'opiskeluhuoltoryhmat/asiantuntijaryhma'],
    // The anti-bullying plan as staff say it ("kiusaamisen vastanen suunnitelma"), which the safety section approves.
    ['kuka hyväksyy meidän koulun kiusaamisen vastasen suunnitelman?', 'fi', 'turvallisuus'],
    // The school's learning support team is a pedagogical team, which the support-needs assessment says is no welfare group.
    ['Onko koulun oppimisen tuen ryhmä opiskeluhuoltoryhmä?', 'fi', 'erityisopetus/tuen-tarpeen-arviointi'],
    ['ketä kuuluu siihen koulun oppimisen tuen ryhmään, onks se sama ku ohr', 'fi', 'erityisopetus/tuen-tarpeen-arviointi'],
    ['erityisruokavaliosta sopiminen, kenen kanssa?', 'fi', 'yhteisollinen-opiskeluhuolto'],
    // Work counselling (työnohjaus) as Finnish staff translate it, not the break supervision of the safety section.
    ['Who decides whether a teacher gets work supervision?', 'en', 'tyossajaksaminen'],
    // The anti-bullying plan by the start of its legal name ("suunnitelma oppilaiden suojaamiseksi …"), not the school's
    // own student welfare plan that "koulun suunnitelma" names; asking for the rectification as "oikaisun pyytäminen".
    ['Kuka hyväksyy koulun suunnitelman oppilaiden suojaamiseksi kiusaamiselta?', 'fi', 'turvallisuus'],
    ['Maksaako päätöksen oikaisun pyytäminen perheelle jotain?', 'fi', 'muutoksenhaku'],
    // A special-class pupil in "the big group" is integration, the plan's "yleisopetuksen ryhmässä".
    ['Kuka antaa arvosanan erityisluokan oppilaalle, kun hän käy musiikit isossa ryhmässä?', 'fi', 'integraatio'],
    ['Mistä aineista pienluokan oppilaan osallistuminen isompaan ryhmään yleensä aloitetaan?', 'fi', 'integraatio'],
    // "Saako kertoa" (may one disclose) with the one told between its words: the disclosure checklist, not absences.
    ['Saako opettajalle kertoa oppilaan epilepsiasta ilman huoltajan lupaa?', 'fi', 'salassapito/tietojen-luovutus'],
    // …asked in the first person ("saanko", "voinko"), with "voiko", in Swedish and English: not the notification
    // section, whose "Rehtorille kertominen ei riitä" shares the words.
    ['saanko kertoa rehtorille mitä oppilas kertoi', 'fi', 'salassapito/tietojen-luovutus'],
    ['voinko kertoa opettajalle oppilaan diabeteksesta', 'fi', 'salassapito/tietojen-luovutus'],
    ['får jag berätta för läraren vad eleven sagt till kuratorn', 'sv', 'salassapito/tietojen-luovutus'],
    ['can I share student welfare information with a subject teacher without consent?', 'en', 'salassapito/tietojen-luovutus'],
    ['Vad ska antecknas när man lämnar ut uppgifter om en elev?', 'sv', 'salassapito/tietojen-luovutus'],
    // "laitetaan" (is put) is no "laite" (device): not the mobile devices section.
    ['mitä tietoja uusi asia -lomakkeeseen laitetaan', 'fi', 'lomakkeisto/uusi-asia'],
    // A teacher who "uupuu" (is burning out); a pupil who "ei herää" after a fall is an emergency, and "ekana" (first)
    // is no first-grader.
    ['mitä tehdä jos opettaja uupuu', 'fi', 'tyossajaksaminen'],
    ['oppilas putos kiipeilytelineestä eikä herää, mitä teen ekana', 'fi', 'kriisit/akuutti-tilanne'],
    // Whether the pupil pays: the section that says student welfare is free of charge, not the one where the
    // municipality pays for interpreting.
    ['Do pupils have to pay for student welfare services?', 'en', 'opiskeluhuolto/palvelut'],
    ['Joutuuko oppilas maksamaan, jos hän käy koulupsykologilla?', 'fi', 'opiskeluhuolto'],
    // "teillä" (you have) is a pronoun, not a word of the question's topic: the forms section, not a decline.
    ['onks teillä lomakkeita', 'fi', 'lomakkeisto'],
    // A worn-out teacher ("ihan loppu") is the staff well-being section; "neka … att delta" is denying teaching.
    ['oon ihan loppu tän syksyn kans, kelle kerron ja pitääks se tehä kirjallisesti?', 'fi', 'tyossajaksaminen'],
    ['hur länge får man neka en elev att delta i undervisningen?', 'sv', 'turvallisuus/kurinpito'],
    // "e-cigs" is the plan's "sähkösavuke"; "yrs" its years ("yhden tai kaksi vuotta" of pre-primary education).
    ['r e-cigs allowed in the school yard?', 'en', 'turvallisuus/paihteet'],
    ['extended compulsory ed - how many yrs of preschool can these kids get?', 'en', 'erityisopetus/pidennetty-oppivelvollisuus'],
    // A form named by the name its section's title leads with ("Tuen tarve: …"), next to a word for a form, as a
    // compound's first part or in another language than the question's; the name alone is the need for support.
    ['mitä kirjotetaan tuen tarve -lomakkeeseen?', 'fi', 'lomakkeisto/tuen-tarve'],
    ['kuka täyttää nivelvaihelomakkeen?', 'fi', 'lomakkeisto/nivelvaihe'],
    ['Who fills in the new case form?', 'en', 'lomakkeisto/uusi-asia'],
    ['vem fyller i blanketten Nytt ärende?', 'sv', 'lomakkeisto/uusi-asia'],
    ['Who fills in the kotiopetus form with the parents?', 'en', 'lomakkeisto/kotiopetus'],
    ['miten oppilaan tuen tarve arvioidaan?', 'fi', 'erityisopetus/tuen-tarpeen-arviointi'],
  ] as const)('%s', (question, lang, section) => {
    const a = service.answer(question, lang);
    expect(a.kind === 'answer' ? a.best.id : 'declined').toBe(section);
  });

  it.each([
    // "meds" is medication: staff give it only with their own consent.
    ['parent dropped off meds and wants me to give them at lunch, do i have to?', 'en', 'turvallisuus/laakehoito-ja-tapaturmat', /only with their own consent/],
    // A kuraattori who does not answer the phone cannot be reached: the substitute arrangement, not the pupils' phones.
    ["the kuraattori doesn't answer the phone, who do I contact?", 'en', 'opiskeluhuolto/palvelut', /cannot be reached, contact the county's student welfare substitute/],
    // "80h": the number glued to its unit is the plan's "80 tuntia", which only the absence model's rule writes (not
    // the list of who grants leave, which a who-question would quote alone).
    ['80h poissaoloja kasassa, kenelle asia menee', 'fi', 'poissaolot', /80 tuntia lukukaudessa/],
    ['oppilaalla kertyny jo 80h poissaoloja tällä lukukaudella, kenelle asia kuuluu nyt', 'fi', 'poissaolot', /80 tuntia lukukaudessa/],
    // Who sits in a group the question names by the section's own title: the passage headed "Kokoonpano" (members),
    // which does not repeat the title, not the section's opening that does.
    ['Ketkä istuvat koulun yhteisöllisessä opiskeluhuoltoryhmässä?', 'fi', 'opiskeluhuoltoryhmat/yhteisollinen-ryhma', /oppilaskunnan edustaja/],
    ['Who sits in the communal student welfare group?', 'en', 'opiskeluhuoltoryhmat/yhteisollinen-ryhma', /pupil council/],
    // How often a group meets: the passage headed "Kokoukset" / "Meetings" / "Möten", with its number of meetings.
    ['how often does the regional coop group for student welfare meet?', 'en', 'yhteistyoryhma', /four times a year/],
    ['hur ofta ska den gemensamma elevhälsogruppen egentligen träffas?', 'sv', 'opiskeluhuoltoryhmat/yhteisollinen-ryhma', /fyra möten per läsår/],
    // How many pupils of a kind: the compound's pupils ("pienryhmäoppilasta") and the pupil counted after its
    // attributes ("suurimman osan tunneista opiskelevaa oppilasta") are the plan's "enintään viisi oppilasta".
    ['montako pienryhmäoppilasta saa olla integroituna tavallisessa opetusryhmässä?', 'fi', 'integraatio', /enintään viisi oppilasta/],
    ['Montako pienryhmässä suurimman osan tunneista opiskelevaa oppilasta tavalliseen luokkaan saa sijoittaa?', 'fi', 'erityisopetus/erityisluokka', /enintään viisi oppilasta/],
  ] as const)('%s', (question, lang, section, fact) => {
    const a = service.answer(question, lang);
    expect(a.kind === 'answer' ? a.best.id : 'declined').toBe(section);
    expect(quotedText(a)).toMatch(fact);
  });

  it('reads parents who will teach their child themselves as home education, on the plan with its keywords too', () => {
    const q = 'Vanhemmat aikovat opettaa lapsen itse ensi syksystä. Kuinka paljon etukäteen heidän pitäisi ilmoittaa siitä?';
    for (const s of [sample, service]) {
      const a = s.answer(q, 'fi');
      expect(a.kind === 'answer' ? a.best.id : 'declined').toBe('kotiopetus');
    }
  });
});

describe('a free school lunch as staff write it, on a statute', () => {
  const dir = tinyPlan('free-meal', [
    ['ateria', 'Oikeus maksuttomaan ruokailuun', 'Opiskelijalla on oikeus maksuttomaan ateriaan niinä työpäivinä, joina opetussuunnitelma edellyttää läsnäoloa.'],
    ['tavarat', 'Oikeus tarkastaa opiskelijan tavarat', 'Opettajalla on oikeus tarkastaa opiskelijan mukana olevat tavarat, jos on ilmeistä, että opiskelijalla on hallussaan kielletty esine.'],
    ['peruuttaminen', 'Opiskeluoikeuden peruuttaminen', 'Koulutuksen järjestäjä voi peruuttaa opiskeluoikeuden, jos opiskelija ei enää täytä oppilaitoksen edellytyksiä.'],
  ]);
  const plan = PlanService.load(dir, join(ROOT, 'content', 'glossary.yml'), 'http://x');
  const best = bestSection(plan, 'fi');

  it('reads "ilmanen lounas" as the free meal the statute writes', () => {
    expect(best('saako opiskelija ilmasen lounaan?')).toBe('ateria');
    expect(best('onko lounas ilmanen kaikille opiskelijoille')).toBe('ateria');
  });
});

describe('taking part, as a statute obliges it', () => {
  const dir = tinyPlan('take-part', [
    [
      'yhteistyo',
      'Monialainen yhteistyö',
      'Jos tarpeiden arviointi edellyttää muiden viranomaisten palveluja, on näiden tahojen osallistuttava työntekijän pyynnöstä palvelutarpeen arvioinnin tekemiseen.',
    ],
    ['arviointi', 'Palvelutarpeen arviointi', 'Palvelutarpeen arviointi on aloitettava viimeistään seitsemäntenä arkipäivänä yhteydenotosta, ja sen on valmistuttava kolmen kuukauden kuluessa.'],
    ['sisalto', 'Palvelutarpeen arvioinnin sisältö', 'Arvioinnissa selvitetään asiakkaan tilanne, tuen tarve ja asiakkaan oma näkemys.'],
  ]);
  const plan = PlanService.load(dir, join(ROOT, 'content', 'glossary.yml'), 'http://x');

  it('reads "osallistua" as the statute\'s "osallistuttava"', () => {
    const { hits } = plan.index.search('Pitääkö koulun osallistua palvelutarpeen arviointiin, jos sosiaalitoimi pyytää?', 3, 'fi');
    expect(hits[0]?.section.id).toBe('yhteistyo');
  });
});

describe('studies done at another school, as staff ask about them', () => {
  const glossary = Glossary.load(join(ROOT, 'content', 'glossary.yml'));
  const concepts = (q: string) => glossary.findInQuestion(words(q)).map((h) => h.concept);

  it('reads "accepting the studies done there" as the recognition of prior learning', () => {
    const [recognition] = concepts('osaamisen tunnustaminen');
    expect(recognition).toBeDefined();
    expect(concepts('Onko meidän pakko hyväksyä hänen siellä suorittamansa opinnot?')).toContain(recognition);
    expect(concepts('pitääkö meidän hyväksyä kurssit toisesta lukiosta')).toContain(recognition);
  });
});

describe('telling another authority what was done, on a statute', () => {
  // Two sections alike but for their verb; a tie would go to the first id ("kutsu").
  const dir = tinyPlan('tell-back', [
    ['kutsu', 'Yhteistyö', 'Koulu kirjoittaa sosiaalihuollolle toimista, joihin se on ryhtynyt.'],
    ['tieto', 'Yhteistyö', 'Koulu ilmoittaa sosiaalihuollolle toimista, joihin se on ryhtynyt.'],
  ]);
  const plan = PlanService.load(dir, join(ROOT, 'content', 'glossary.yml'), 'http://x');

  it('reads "kertoa" as the statute\'s "ilmoittaa"', () => {
    const { hits } = plan.index.search('Pitääkö koulun kertoa sosiaalihuollolle toimista?', 2, 'fi');
    expect(hits[0]?.section.id).toBe('tieto');
  });
});

describe('a number glued to its unit, as staff type it', () => {
  it('is read as the number and the unit; a class name is one word', () => {
    expect(words('80h poissaoloja, 7pv ja 3kk')).toEqual(['80', 'h', 'poissaoloja', '7', 'pv', 'ja', '3', 'kk']);
    expect(words('7a-luokka ja 9c, 1990s')).toEqual(['7a', 'luokka', 'ja', '9c', '1990s']);
  });
});

describe('words that only join or soften a question, or ask which of two (ändå, nåt, hen, still, vaikka, silti, kumpaan)', () => {
  const plan = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  it.each([
    ['Om en elev själv går till kuratorn utan någon lärares kontakt, ska det ändå registreras i Opari?', 'sv', 'lomakkeisto/uusi-asia'],
    ['elev behöver prata med nån på fredag kväll o skolan e stängd, vart hänvisar jag hen?', 'sv', 'opiskeluhuolto/palvelut'],
    ['Is the old support decision still valid when a pupil changes school within the same municipality?', 'en', 'siirtymavaiheet/koulun-vaihto'],
  ] as const)('%s', (q, lang, id) => {
    const a = plan.answer(q, lang);
    expect(a.kind === 'answer' && a.best.id).toBe(id);
  });
  it.each(['vaikka', 'silti', 'nykyään', 'varten', 'kumpaan', 'kummalle', 'ändå', 'nåt', 'hen', 'innan', 'still', 'whether', 'another'])('%s is a function word', (w) => {
    expect(isStopword(w)).toBe(true);
  });
});
