import { join } from 'node:path';
import { PlanService, type QuotedPassage } from '../../src/plan/answer';
import { quotedText } from '../../src/eval/metrics';
import { withoutCrutches } from '../../src/eval/plans';
import { PlanIndex } from '../../src/plan/search';
import { asksDeadline, asksDecider, asksDefinitionStrongly, asksFirst, asksNeed, countedWords, questionIntents } from '../../src/plan/search/intent';
import { passageTraits } from '../../src/plan/search/traits';
import { ROOT } from '../helpers/bot';

/**
 * Which words of the plan an answer quotes: the passage that answers the question (the criteria, the decider,
 * the steps, the rule with its days), not the section's introduction; two short passages when the answer
 * spans them. Measured with the sample plan's keywords and weights removed, as on an imported plan.
 */
describe('the quoted passage', () => {
  const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  const plan = withoutCrutches(sample.plan);
  const service = new PlanService(plan, new PlanIndex(plan, sample.index.glossary), 'http://x');
  const quote = (q: string, lang: 'fi' | 'sv' | 'en' = 'fi'): { id: string; url: string; passages: QuotedPassage[]; text: string } => {
    const a = service.answer(q, lang);
    if (a.kind !== 'answer') throw new Error(`declined: ${q}`);
    return { id: a.best.id, url: a.best.url, passages: a.best.passages, text: quotedText(a) };
  };

  it('reads what kind of answer a question asks for, in fi, sv and en', () => {
    expect([...questionIntents('kuka päättää oppilaan tuesta')]).toContain('who');
    expect([...questionIntents('hur snabbt måste kuratorn träffa eleven')]).toContain('when');
    expect([...questionIntents('what should I do if a pupil is bullied')]).toContain('steps');
    expect([...questionIntents('millä perusteella oppilas saa avustajan')]).toContain('criteria');
    expect([...questionIntents('saako kuraattori kertoa opettajalle')]).toContain('permission');
    // "When can a pupil get…" asks for the conditions, not a date.
    expect([...questionIntents('milloin oppilaalle voidaan myöntää avustaja')]).not.toContain('when');
    // How long a period may be, how far in advance: a time, in every language.
    for (const q of [
      'Kuinka pitkä jakso voi olla?',
      'Kuinka paljon etukäteen lupaa pitää pyytää?',
      'What is the maximum length of a teaching period?',
      'Hur lång kan perioden vara?',
      'hur långt i förväg ska man ansöka',
      'Kuinka paljon ennen kotiopetuksen alkamista ilmoitus pitää toimittaa?',
      'montako päivää ennen pitää ilmoittaa',
      'hur långt innan ska man anmäla',
      // A month asks for a time too.
      'In which months does the steering group get together?',
      'Minä kuukausina ohjausryhmä kokoontuu?',
      'Vilka månader träffas styrgruppen?',
    ])
      expect([q, questionIntents(q).has('when')]).toEqual([q, true]);
    // How often asks for a frequency, and is read as such beside the time.
    for (const q of ['Kuinka usein ryhmä kokoontuu?', 'hur ofta träffas gruppen', 'How many times a year does the group meet?']) expect([q, questionIntents(q).has('often')]).toEqual([q, true]);
  });

  it('tells a definition asked in so many words from a plain "what is"', () => {
    expect(asksDefinitionStrongly('Vad menas med småbarnspedagogik enligt lagen?')).toBe(true);
    expect(asksDefinitionStrongly('Up to what age is someone a young person under the act?')).toBe(true);
    expect(asksDefinitionStrongly('mitä tarkoitetaan yhteisöllisellä opiskeluhuollolla')).toBe(true);
    expect(asksDefinitionStrongly('Mikä on sosiaalihuoltolain tarkoitus?')).toBe(false);
  });

  it('reads the kind of answer from the words that ask, not from look-alikes', () => {
    // English "who" after a noun is a relative pronoun; after a comma, a dash or a verb of asking it asks.
    expect([...questionIntents("How many pupils who spend over half of a subject's lessons in a small group can be in one class?")]).toEqual(['amount']);
    expect([...questionIntents('If the psychologist who received my referral is away, who takes care of it?')]).toEqual(['who']);
    expect([...questionIntents('fight in the hallway - who tells the parents')]).toEqual(['who']);
    expect([...questionIntents('pupil in hospital for weeks \u2013 who teaches them')]).toEqual(['who']);
    // "Määräajaksi" (for a fixed term) names the measure, it does not ask when.
    expect([...questionIntents('Kuka päättää oppilaan erottamisesta määräajaksi?')]).toEqual(['who']);
    // A plain "what is" asks for what its noun names: a time, a threshold.
    expect([...questionIntents('What is the deadline for requesting a review of a support decision?')]).toEqual(['when']);
    expect([...questionIntents('Mikä on kynnys tehdä lastensuojeluilmoitus?')]).toEqual(['criteria']);
    expect([...questionIntents('Mikä on opiskeluhuolto?')]).toEqual(['definition']);
    // "Hur snart", "inom vilken tid"; spoken Finnish "koska" when nothing else asks (it also means "because").
    for (const q of ['Hur snart efter en kris får personalen ett samtal?', 'Inom vilken tid ska rektor skicka anmälan vidare?', 'koska oh-ryhmän muistio pitää jakaa henkilökunnalle'])
      expect([q, [...questionIntents(q)]]).toEqual([q, ['when']]);
    expect([...questionIntents('Rehtori sanoo, ettei avustajaa voi myöntää, koska rahat on loppu. Voiko näin tehdä?')]).not.toContain('when');
  });

  it('quotes the rule that answers the question, where a look-alike asked for another kind of text', () => {
    // "Määräajaksi" made it a when-question, and the list with "enintään kolmeksi kuukaudeksi" was quoted.
    expect(quote('Kuka päättää oppilaan erottamisesta määräajaksi?').text).toMatch(/monijäseninen toimielin/);
    // "who spend…" made it a who-question too; the rule with its number comes first.
    expect(quote("How many pupils who spend over half of a subject's lessons in a small group or special class can be in one ordinary class?", 'en').text).toMatch(/five/);
  });

  it('quotes the time for "how long can a period be", not a list with other numbers in it', () => {
    expect(quote('Kuinka pitkä resurssikeskuskoulun määräaikainen opetusjakso voi olla?').text).toMatch(/12 viikkoa/);
    expect(quote('What is the maximum length of a temporary teaching period at the resource centre school?', 'en').text).toMatch(/12 weeks/);
  });

  it('reads what a how-many question counts: the words after "kuinka monta", "how many", "hur många"', () => {
    expect(countedWords('Kuinka monta päivää opiskelijan voi pitää poissa?')).toEqual(['paivaa', 'opiskelijan', 'voi', 'pitaa', 'poissa']);
    // Finnish puts what is counted after its attributes: seven words are read (answerable.ts keeps those up to the
    // first in the partitive).
    expect(countedWords('Montako pienryhmässä yli puolet opiskelevaa oppilasta saa olla?')).toEqual(['pienryhmassa', 'yli', 'puolet', 'opiskelevaa', 'oppilasta', 'saa', 'olla']);
    expect(countedWords('Montako pienryhmässä suurimman osan tunneista opiskelevaa oppilasta tavalliseen luokkaan saa sijoittaa?')).toEqual([
      'pienryhmassa',
      'suurimman',
      'osan',
      'tunneista',
      'opiskelevaa',
      'oppilasta',
      'tavalliseen',
    ]);
    expect(countedWords('how many working days do we have')).toEqual(['working', 'days', 'do']);
    expect(countedWords('Hur många elever får gå i en specialklass?')).toEqual(['elever', 'far', 'ga']);
    // A sum of money is counted in euros; "how much" of anything else names nothing to count.
    expect(countedWords('Paljonko opettajalle maksetaan valvonnasta?')).toEqual(['euroa']);
    expect(countedWords('What does a school lunch cost, how much?')).toEqual(['euroa']);
    expect(countedWords('Kuinka paljon tukea oppilas saa?')).toEqual([]);
    expect(countedWords('Hur stor är klientavgiften per månad?')).toEqual(['euroa']);
    expect(countedWords('kuinka monen arkipäivän kuluessa')).toEqual(['arkipaivan', 'kuluessa']);
  });

  it("reads a time or a number however the text writes it, and a list item's own number as none", () => {
    const body = (text: string, list = false) => [...passageTraits([], [list ? { kind: 'list', ordered: false, items: [text] } : { kind: 'paragraph', text }], false).body];
    expect(body('Opiskelijan on suoritettava oppimäärä enintään neljässä vuodessa.')).toEqual(expect.arrayContaining(['when', 'amount']));
    expect(body('Päätös tehdään kahdessa viikossa.')).toContain('when');
    expect(body('Opetus voidaan järjestää toisin, jos: 1) opiskelijalla on jo tiedot tai 2) siihen on painava syy.')).not.toContain('amount');
    expect(body('2. Opettaja ilmoittaa huoltajalle.', true)).not.toContain('amount');
    // A grade ("8.–9. luokkien"), a date ("15.3. mennessä"): no count.
    expect(body('Kysely tehdään 4.–5. ja 8.–9. luokkien oppilaille.')).not.toContain('amount');
    expect(body('Rehtori ilmoittaa tarpeet 15.3. mennessä.')).not.toContain('amount');
    expect(body('Kysely tehdään 4.–5. luokkien 30 oppilaalle.')).toContain('amount');
    expect(body('Ilmoitus tehdään 7 päivän kuluessa.')).toEqual(expect.arrayContaining(['when', 'amount']));
    // "One" in words ("enintään yhdeksi vuodeksi"), and how long as the end of something: "jatkuu työsuhteen päätyttyä".
    expect(body('Opiskelija voidaan erottaa määräajaksi, enintään yhdeksi vuodeksi.')).toContain('when');
    expect(body('Vaitiolovelvollisuus jatkuu työsuhteen päätyttyä.')).toContain('when');
    expect(body('The duty continues after employment ends.')).toContain('when');
    expect(body('Plikten fortsätter efter att anställningen upphört.')).toContain('when');
    expect(body('Tiedot kirjataan yhdessä huoltajan kanssa.')).not.toContain('when');
    // How often, in words: "four times a year", "neljä kertaa vuodessa", "fyra gånger per år".
    expect(body('The group meets four times a year.')).toContain('when');
    expect(body('Ryhmä kokoontuu neljä kertaa vuodessa.')).toContain('when');
    expect(body('Gruppen sammanträder fyra gånger per år.')).toContain('when');
    // "Vastaa" names who is responsible for something (elative, before or after it); without it, it corresponds.
    expect(body('Rehtori vastaa siitä, että prosessi etenee.')).toContain('who');
    expect(body('Arvioinnista vastaa yleisopetuksen opettaja.')).toContain('who');
    expect(body('Vanhat termit vastaavat nykyisiä näin.')).not.toContain('who');
  });

  it('quotes, for a how-many question, the passage whose number counts what is asked (pupils), not one with any number', () => {
    // "Who decides" gives a number of its own; "Principles" has "at most five pupils".
    expect(quote('Is there a cap on how many pupils taught mostly in a small group can be placed in one mainstream class?', 'en').text).toMatch(/at most five pupils/);
    expect(countedWords('What is the maximum number of pupils in a regular teaching group?')).toEqual(['pupils', 'in', 'a']);
    expect(countedWords('Vilket är det högsta antalet elever i en grupp?')).toEqual(['elever', 'i', 'en']);
  });

  it('answers "montako pienryhmässä yli puolet opiskelevaa oppilasta": "yli puolet" (over half) is not what is counted', () => {
    const a = service.answer('Montako pienryhmässä yli puolet opiskelevaa oppilasta saa olla samassa yleisopetuksen ryhmässä?', 'fi');
    expect(a.kind === 'answer' && quotedText(a)).toMatch(/viisi|5/);
  });

  it('reads what a Finnish how-many question counts past a word in the elative and a participle in -avaa ("opetuksesta … saavaa oppilasta")', () => {
    const a = service.answer('Montako yli puolet opetuksesta pienryhmässä saavaa oppilasta yleisopetuksen ryhmässä saa enintään olla?', 'fi');
    expect(a.kind === 'answer' && quotedText(a)).toMatch(/enintään viisi oppilasta/);
  });

  it('answers how many pupils of a small group or a special class a mainstream class may take, which is no class size', () => {
    expect(quote('Montako pienryhmässä opiskelevaa oppilasta yleisopetuksen luokassa saa enintään olla?').id).toBe('erityisopetus/erityisluokka');
    expect(quote('Montako erityisluokan oppilasta voi integroida samaan luokkaan?').id).toBe('integraatio');
  });

  it('reads Swedish "en elev" as the article, not as one pupil', () => {
    // The Swedish body of the section on newly arrived pupils counts hours, never the pupils of a group: "En elev placeras inte…".
    expect(service.answer('Hur många elever får det vara i en grupp för förberedande undervisning?', 'sv').kind).toBe('none');
    expect(service.answer('Hur många timmar förberedande undervisning får en äldre elev?', 'sv').kind).toBe('answer');
  });

  it('answers "how many days" with a time in weeks, and counts what a Finnish question counts, not the words after it', () => {
    expect(quote('Montako päivää ennen kokousta asiat pitää ilmoittaa asialistalle?').text).toMatch(/viikkoa ennen kokousta/);
    expect(service.answer('Montako opintopistettä oppilaan pitää suorittaa?', 'fi').kind).toBe('none');
  });

  it('tells a how-soon or how-long question from a how-often or at-what-time one', () => {
    for (const q of [
      'Missä ajassa tukipäätös on tehtävä?',
      'Kuinka monen päivän kuluessa muistio hyväksytään?',
      'kuinka pitkäksi aikaa oppilaan voi pitää poissa opetuksesta',
      'kuinka pitkäks aikaa sen voi estää tulemasta tunneille',
      'Kuinka pitkässä ajassa oppimäärä on suoritettava?',
      'Kuinka monessa vuodessa lukio pitää käydä?',
      'monenko arkipäivän sisällä pitää vastata',
      'within how many days must the report be made',
      'how many working days do we have',
      'hur snabbt ska kuratorn träffa eleven',
      // A date asked for: "by which day … at the latest", "före vilket datum", "mihin päivään mennessä".
      'By which day must the meeting happen at the latest?',
      'före vilket datum ska skolan ansöka',
      'mihin päivään mennessä keskustelu on järjestettävä',
      'Mikä on määräaika tukipäätökselle?',
    ])
      expect({ q, deadline: asksDeadline(q) }).toEqual({ q, deadline: true });
    // "Määräaikainen erottaminen" is a fixed-term exclusion, no deadline.
    for (const q of [
      'Kuinka usein ohjausryhmä kokoontuu?',
      'milloin syysloma alkaa',
      'Kuka päättää, kun oppilas erotetaan määräajaksi?',
      'Kuka tekee päätöksen peruskoululaisen määräaikaisesta erottamisesta?',
      'how often is the plan reviewed',
    ])
      expect({ q, deadline: asksDeadline(q) }).toEqual({ q, deadline: false });
  });

  it('quotes the criteria and the one who decides for "when can a pupil get an assistant and who decides", not the introduction', () => {
    const a = quote('milloin oppilaalle voidaan myöntää koulunkäyntiavustaja ja kuka siitä päättää?');
    expect(a.id).toBe('avustajakriteerit');
    expect(a.text).toContain('Avustajapalvelua harkitaan');
    expect(a.text).toMatch(/Rehtori .*tekee tukea koskevan päätöksen/);
    expect(a.text).not.toContain('Tämä osio kertoo');
    expect(a.passages).toHaveLength(2);
  });

  it('answers "do we have to pay" (joutuuko maksamaan) with what says the services are free of charge', () => {
    expect(quote('Joutuuko oppilaan perhe maksamaan psykologin tai kuraattorin tapaamisista?').text).toMatch(/maksutonta/);
  });

  it('quotes the steps, with 112, for "what do we do first in a serious accident" in Swedish and English', () => {
    expect(quote('Vad ska vi göra först om det händer en allvarlig olycka?', 'sv').text).toContain('112');
    expect(quote('what do I do first when there is a serious accident at school', 'en').text).toContain('112');
  });

  it('quotes what to do with a nude image that spreads (do not forward or save it), from the digital bullying steps', () => {
    const a = quote('oppilaan puhelimessa on nakukuva toisesta oppilaasta, otanko siitä kuvakaappauksen todisteeks?');
    expect(a.id).toBe('turvallisuus');
    expect(a.text).toMatch(/Älä välitä, lataa tai tallenna/);
    expect(quote('En elev delar nakenbilder av en klasskamrat i en chatt. Får jag spara bilderna som bevis?', 'sv').text).toMatch(/Vidarebefordra, ladda ner eller spara inte/);
    // A nude image is no sexual harassment to the glossary: the harassment section's police report came first.
    expect(quote('oppilaat jakaa jonkun alastonkuvaa snapissa, otanko kuvan talteen todisteeks?').text).toMatch(/Älä välitä, lataa tai tallenna/);
  });

  it('reads "saako kirjottaa" (may I write) as recording, what a form says may be recorded', () => {
    const a = quote('tuen tarve -lomakkeeseen, saako kirjottaa et oppilas käy kuraattorilla masennuksen takia?');
    expect(a.id).toBe('lomakkeisto/tuen-tarve');
    expect(a.text).toMatch(/mutta ei syitä/);
  });

  it('reads "takas kouluun" (back to school) as the return to school: who decides the grade after home education', () => {
    const a = quote('kotiopetuksessa ollut lapsi tulee takas kouluun, kuka päättää mille luokalle?');
    expect(a.id).toBe('kotiopetus/huoltajan-valitsema');
    expect(a.text).toMatch(/Rehtori päättää vuosiluokasta/);
  });

  it('reads "makes sure" as naming who is responsible: the who-decides list answers a who-decides question in English', () => {
    // The list's items name roles after a colon; only "The principal makes sure the process moves forward" has a verb.
    expect(quote('Who makes the decision on pupil-specific support measures?', 'en').text).toMatch(/the principal, as delegated/);
  });

  it('reads "kuuluuko tämä rehtorille", "onko se rehtorin päätettävissä", "does this go to", "hör det till" as asking whose it is', () => {
    for (const q of ['kuuluuko tää rehtorille?', 'onko se rehtorin päätettävissä?', 'Does this go to the principal?', 'Hör det här till rektorn?'])
      expect([q, [...questionIntents(q)]]).toEqual([q, expect.arrayContaining(['who'])]);
    const a = quote('Perhe haluaa ottaa lapsen viikoksi pois koulusta ulkomaanmatkan takia. Riittääkö luokanvalvojan kuittaus, vai kuuluuko tämä rehtorille?');
    expect(a.text).toMatch(/Rehtori\*\* päättää yli kolmen koulupäivän poissaoloista/);
  });

  it('reads "mitä koulussa tehdään", "mitä tehään" and "miten koulu etenee" as asking for the steps: school refusal gets its list', () => {
    expect([...questionIntents('mitä tehään?')]).toContain('steps');
    expect([...questionIntents('Mitä koulussa tehdään, kun oppilas ei pääse kouluun?')]).toContain('steps');
    const a = quote('Oppilas ei pelon ja ahdistuksen takia pysty tulemaan kouluun, vaikka vanhemmat yrittävät kaikkensa. Miten koulu etenee?');
    expect(a.id).toBe('poissaolot');
    expect(a.text).toMatch(/vaiheittaisen paluusuunnitelman/);
  });

  it('reads "in the evening" and "the office is closed" as outside office hours, when 112 is called', () => {
    expect(quote('miten lasuilmo tehään illalla ku sossun toimisto on jo kiinni').text).toMatch(/virka-ajan ulkopuolella soita \*\*112/);
    expect(quote('perjantai-ilta ja oppilas ei uskalla mennä kotiin, mihin soitan kun sossu on kiinni').text).toContain('112');
  });

  it('answers "is it enough to tell the principal" with the duty being personal ("Rehtorille kertominen ei riitä")', () => {
    const a = quote('Riittääkö, että kerron huolestani rehtorille, vai pitääkö minun tehdä lastensuojeluilmoitus itse?');
    expect(a.id).toBe('kriisit/lastensuojeluilmoitus');
    expect(a.text).toMatch(/Velvollisuus on henkilökohtainen/);
  });

  it('quotes the first stage of a checklist for "what do I do first", though a later stage writes more of the question', () => {
    // "5–15 minuuttia: kriisiryhmä käynnistyy" names "onnettomuuspaikalla"; "0–2 minuuttia: turvaa ja hälytä" has 112.
    const first = quote('Mitä teen ensimmäisinä minuutteina, jos koulun pihalla sattuu vakava onnettomuus?');
    expect(first.passages[0].headings.at(-1)).toMatch(/^0–2 minuuttia/);
    expect(first.text).toContain('112');
    expect(quote('välkällä yks oppilas putos kiipeilytelineestä ja on tajuton, mitä teen ekana').passages[0].headings.at(-1)).toMatch(/^0–2 minuuttia/);
    expect(asksFirst('what do we do first')).toBe(true);
    expect(asksFirst('a first grade pupil has many absences, what do we do')).toBe(false);
    expect(asksFirst('ensimmäisen luokan oppilas on paljon poissa, mitä teen')).toBe(false);
  });

  it('reads "numero kokeesta" as a grade: an assistant giving one gets the rule that the teacher grades', () => {
    for (const [q, lang] of [
      ['saako koulunkäynnin ohjaaja antaa oppilaalle numeron kokeesta, kun ope on poissa?', 'fi'],
      ['Can a school assistant give grades for a test when the teacher is away?', 'en'],
    ] as const) {
      const a = quote(q, lang);
      expect({ q, id: a.id }).toEqual({ q, id: 'avustajan-toimenkuva' });
      expect(a.text).toMatch(/ei anna arvosanoja|does not give grades/);
    }
    // Entering test grades in Wilma stays a question for the school office.
    const wilma = sample.answer('matematiikan kokeen arvosanat wilmaan, miten?', 'fi');
    expect(wilma.kind === 'none' && wilma.offTopic?.topic).toBe('teaching administration');
  });

  it('quotes the sentence naming the decider for a who-question', () => {
    const a = quote('kuka päättää yli kolmen päivän poissaolosta');
    expect(a.id).toBe('poissaolot');
    expect(a.text).toMatch(/Rehtori\** päättää yli kolmen/);
  });

  it('reads a time limit a question states to have it checked as asking for the limit, and meeting the kuraattori as the conversation the law gives', () => {
    expect(asksDeadline('pitääkö kuraattorin tavata oppilas 5 päivän sisällä?')).toBe(true);
    expect(asksDeadline('stämmer det att kuratorn måste träffa eleven inom tre dagar?')).toBe(true);
    expect(asksDeadline('is it true the kuraattori must see the pupil within three days?')).toBe(true);
    expect(asksDeadline('kuka on kuraattori tällä viikolla')).toBe(false);
    const fi = quote('pitääkö kuraattorin tavata oppilas 5 päivän sisällä?');
    expect(fi.id).toBe('yksilokohtainen-opiskeluhuolto');
    expect(fi.text).toMatch(/seitsemäntenä oppilaitoksen työpäivänä/);
  });

  it('reads the time one is said to have ("on viikko aikaa", "en vecka på sig", "has two weeks to") as asking for the limit', () => {
    const q = 'Onko totta, että vastuuhenkilöllä on viikko aikaa kirjata asiantuntijaryhmän tapaaminen opiskeluhuoltokertomukseen?';
    expect(asksDeadline(q)).toBe(true);
    expect(asksDeadline('Har kuratorn en vecka på sig att träffa eleven?')).toBe(true);
    expect(asksDeadline('Is it true the chair has two weeks to approve the memo?')).toBe(true);
    expect(asksDeadline('meillä on paljon aikaa')).toBe(false);
    const fi = quote(q);
    expect(fi.id).toBe('yksilokohtainen-opiskeluhuolto/kirjaaminen');
    expect(fi.text).toMatch(/viimeistään kolmen työpäivän kuluessa/);
    // Writing a meeting up is recording it in the student welfare record, not approving a group's memo (on the plan as
    // written, whose form section for the memo names the meeting in its keywords).
    const en = sample.answer('How soon after a multi-professional meeting must the responsible person write it up?', 'en');
    expect(en.kind === 'answer' && en.best.id).toBe('yksilokohtainen-opiskeluhuolto/kirjaaminen');
    expect(en.kind === 'answer' && quotedText(en)).toMatch(/within three working days/);
  });

  it('reads the support plan under the name the English and Swedish texts give it (support implementation plan)', () => {
    // The heading "The support implementation plan (20 e §)" holds the concept; the introduction only names the old HOJKS.
    const a = quote('how often is the support plan reviewed', 'en');
    expect(a.id).toBe('erityisopetus/tukipaatos');
    expect(a.text).toMatch(/at least once per school year/);
  });

  it("reads a group's membership heading (Kokoonpano, Composition, Sammansättning) as the answer to who is in it", () => {
    expect(quote('Ketkä kuuluvat koulun yhteisölliseen opiskeluhuoltoryhmään?').text).toMatch(/oppilaskunnan edustaja/);
    // "Keitä" (whom, partitive plural) asks who as "ketkä" does.
    expect(quote('Keitä yhteisölliseen opiskeluhuoltoryhmään kuuluu?').text).toMatch(/oppilaskunnan edustaja/);
    expect([...questionIntents('kenet kutsutaan asiantuntijaryhmään')]).toContain('who');
  });

  it('adds the passage with the time, or the steps, when the passage that best matches the words has none', () => {
    // "Kirjaaminen" holds "kiusaamistapaukset" and "selvittämiseen"; the steps hold "kahden koulupäivän kuluessa".
    const a = quote('Missä ajassa kiusaamistapaus pitää selvittää?');
    expect(a.id).toBe('turvallisuus/kiusaaminen');
    expect(a.text).toMatch(/kahden koulupäivän kuluessa/);
    expect(a.passages.length).toBeLessThanOrEqual(2);
    // …and the steps for a what-do-I-do question: the 30 and 50 hour limits of "Näin toimit", not only the duty to attend.
    const b = quote('oppilaalla on tosi paljon poissaoloja, mitä mun pitää tehdä');
    expect(b.id).toBe('poissaolot');
    expect(b.text).toMatch(/Kun 50 tunnin tai 15 %:n raja täyttyy/);
    // A paragraph under "Tidsfrister" is followed by the passage that gives the time, not by the next paragraph
    // under the same heading, which gives none.
    const sv = sample.answer('En elev bad om att få träffa kuratorn. Hur snabbt måste tiden ordnas?', 'sv');
    expect(sv.kind === 'answer' && quotedText(sv)).toMatch(/senast den sjunde arbetsdagen/);
    // A "Kuka päättää" heading whose text names no decider: the passage that names one comes beside it.
    expect(quote('Kuka päättää pidennetystä oppivelvollisuudesta?').text).toMatch(/[Oo]petuspäällikkö/);
  });

  it('quotes the day counted for a how-soon question, not only "without delay"', () => {
    expect(passageTraits([], [{ kind: 'paragraph', text: 'Tiedot lähetetään viipymättä.' }], false)).toMatchObject({ soon: true });
    expect(passageTraits([], [{ kind: 'paragraph', text: 'Tiedot lähetetään viipymättä, viimeistään seuraavana päivänä.' }], false)).toMatchObject({ soon: false });
    // The section opens with "…on saatava … tiedot viipymättä"; its steps say "viimeistään seuraavana oppilaitoksen työpäivänä".
    const fi = quote('Oppilas muuttaa toiselle paikkakunnalle kesken syksyn. Kuinka nopeasti meidän pitää lähettää tiedot uuteen kouluun?');
    expect(fi.id).toBe('siirtymavaiheet/koulun-vaihto');
    expect(fi.text).toMatch(/seuraavana oppilaitoksen työpäivänä/);
    const sv = quote('Hur snabbt ska vi skicka uppgifterna till den nya skolan när en elev byter skola mitt i läsåret?', 'sv');
    expect(sv.text).toMatch(/senast följande arbetsdag/);
  });

  it('quotes the step that says it for "when must absences be reported to the principal" ("ilmoita rehtorille")', () => {
    const a = quote('Missä vaiheessa poissaoloista pitää ilmoittaa rehtorille?');
    expect(a.id).toBe('poissaolot');
    expect(a.text).toMatch(/80 tunnin tai 25 %:n raja täyttyy, ilmoita rehtorille/);
  });

  it('quotes the time for "how long may it take", not a passage headed "when" that lists conditions', () => {
    // "Milloin arviointi aloitetaan" lists when an assessment starts; "Kuka vastaa ja määräajat" gives its four weeks.
    const fi = quote('tuen tarpeen arviointi kauanko saa kestää');
    expect(fi.id).toBe('erityisopetus/tuen-tarpeen-arviointi');
    expect(fi.text).toMatch(/neljän viikon kuluessa/);
    expect(quote('Mihin mennessä oppilaskohtaisen tuen tarpeen arviointi pitää saada valmiiksi?').text).toMatch(/neljän viikon kuluessa/);
  });

  it('answers whether something is needed from the passage that says it is or is not ("ei tarvita huoltajan suostumusta")', () => {
    expect(asksNeed('pitääkö jälki-istunnosta kysyä vanhemmilta lupa ensin?')).toBe(true);
    expect(asksNeed('Do we need the guardian’s consent for detention?')).toBe(true);
    expect(asksNeed('Behöver man vårdnadshavarens samtycke för kvarsittning?')).toBe(true);
    expect(asksNeed('Vilket samtycke krävs?')).toBe(true);
    expect(asksNeed('Kuka päättää jälki-istunnosta?')).toBe(false);
    expect(quote('pitääkö jälki-istunnosta kysyä vanhemmilta lupa ensin?').text).toMatch(/Kurinpitotoimiin ei tarvita huoltajan suostumusta/);
  });

  it('answers who decides from the section that names the decider, not from the appeals section that lists the decision', () => {
    expect(asksDecider('Kuka tekee päätöksen oppilaan määräaikaisesta erottamisesta?')).toBe(true);
    expect(asksDecider('Kenellä on toimivalta antaa lukiolaiselle kirjallinen varoitus?')).toBe(true);
    expect(asksDecider('Kuka tekee ratkaisun, kun lukiolaiselle annetaan kirjallinen varoitus?')).toBe(true);
    expect(asksDecider('Vem bedömer om ett ärende till kuratorn är brådskande?')).toBe(true);
    // A grade, a warning: who gives it is who decides on it.
    expect(asksDecider('erkkaluokan oppilas käy kuviksessa yleisopetuksen ryhmässä, kuka antaa numeron')).toBe(true);
    expect(asksDecider('Who gives a written warning to a vocational student?')).toBe(true);
    expect(asksDecider('kenelle soitan, kun kuraattori ei vastaa')).toBe(false);
    const fi = quote('Kuka tekee päätöksen oppilaan määräaikaisesta erottamisesta?');
    expect(fi.id).toBe('turvallisuus/kurinpito');
    expect(fi.text).toMatch(/Määräaikaisesta erottamisesta päättää opetuksen järjestäjän monijäseninen toimielin/);
    expect(quote('Kuka tekee päätöksen peruskoululaisen määräaikaisesta erottamisesta?').id).toBe('turvallisuus/kurinpito');
  });

  it('answers from the subsection that scores close to its parent, unless only the parent gives the fact asked for', () => {
    // The home-education section leads on its words; its subsection on the guardian's choice says who decides the grade.
    expect(quote('Kotona opiskellut lapsi palaa lähikouluun – kuka ratkaisee, mille luokka-asteelle hän menee?').id).toBe('kotiopetus/huoltajan-valitsema');
    const holiday = quote('hiihtolomalla oppilas tarvis kiireesti kuraattoria, toimiiko palvelut ollenkaan?');
    expect(holiday.id).toBe('opiskeluhuolto/palvelut');
    expect(holiday.text).toMatch(/ei ole tavoitettavissa/);
    // The family-crisis subsection gives no time; the crisis section, with "by the end of August", answers.
    const updated = quote('By when does the school crisis plan need to be updated?', 'en');
    expect(updated.id).toBe('kriisit');
    expect(updated.text).toMatch(/end of August/);
  });

  it('quotes the rule and the worked example for a case told by its weekday; "missä vaiheessa" asks when', () => {
    const told = quote('Oppilas pyysi keskustelua kuraattorin kanssa tiistaina. Mihin päivään mennessä keskustelu on järjestettävä?');
    expect(told.id).toBe('yksilokohtainen-opiskeluhuolto');
    // The rule first (the example works it out), then the example with its days: the rule is the seventh school day
    // (the passage that holds the conversation the law gives, since the glossary reads it), the example counts it.
    expect(told.passages.map((p) => p.blocks.some((b) => b.kind === 'list' && b.items.every((i) => i.startsWith('Esimerkki'))))).toEqual([false, true]);
    expect(told.text).toMatch(/seitsemäntenä oppilaitoksen työpäivänä/);
    expect(told.text).toMatch(/Määräaika on keskiviikko 18\.3\.2026/);
    expect([...questionIntents('Missä vaiheessa asia siirtyy rehtorille?')]).toContain('when');
  });

  it('quotes both of two short passages that score nearly the same: the ranking cannot tell which one answers', () => {
    // The definition of school refusal and what the school does about it share every word of the question.
    const a = quote('Oppilas ahdistuu niin, ettei pääse aamulla kouluun. Mitä koulu tekee koulukieltäytymisessä?');
    expect(a.id).toBe('poissaolot');
    expect(a.passages.map((p) => p.headings)).toEqual([['Koulukieltäytyminen'], ['Koulukieltäytyminen']]);
    expect(a.text).toMatch(/Toimi nopeasti/);
  });

  it('quotes the runner-up beside the first when it scores at least half as well and both are short', () => {
    // The absence model comes first; the passage with "vähintään kaksi viikkoa ennen poissaoloa" scores over half as well.
    const a = quote('Perhe lähtee kahdeksi viikoksi Thaimaahan keskellä kevätlukukautta. Kuinka paljon etukäteen siitä pitää pyytää lupa?');
    expect(a.id).toBe('poissaolot');
    expect(a.passages).toHaveLength(2);
    expect(a.text).toMatch(/vähintään kaksi viikkoa ennen poissaoloa/);
  });

  it('quotes the rule with its interval for a how-often question', () => {
    expect(quote('kuinka usein koulukohtainen liite tarkistetaan').text).toContain('joka lukuvuosi');
    // The group's name is in most of the section's passages; "kokoontuu" is only in the one with the rule.
    expect(quote('Kuinka usein alueellinen opiskeluhuollon yhteistyöryhmä kokoontuu?').text).toMatch(/kokoontuu neljä kertaa vuodessa/);
  });

  it("reads the words of a section's introduction as its topic: they pick no passage", () => {
    // The introduction names the old title "koulunkäyntiavustaja" and promises "kuka päättää"; the rule is under "Arviointi ja päätös".
    const a = quote('Kuka päättää koulunkäyntiavustajasta?');
    expect(a.id).toBe('avustajakriteerit');
    expect(a.text).not.toMatch(/Tämä osio kertoo/);
    expect(a.text).toMatch(/Rehtori kuulee oppilasta ja huoltajaa ja tekee tukea koskevan päätöksen/);
    // The same on the sample plan with its keywords, where every passage holds only the section's topic: the
    // heading "Arviointi ja päätös" announces the decider.
    const b = sample.answer('Kuka päättää koulunkäyntiavustajasta?', 'fi');
    expect(b.kind === 'answer' && b.best.passages[0].headings).toEqual(['Arviointi ja päätös']);
  });

  it('quotes a time before the event for "how long before", not another time of the subsection', () => {
    // The guardian's home education subsection has "seuraavana arkipäivänä" (the next working day, for the principal);
    // the home education section's general part asks for the notice "viimeistään kaksi viikkoa ennen" its start.
    for (const [q, lang, fact] of [
      ['Kuinka paljon ennen kotiopetuksen alkua huoltajan pitäisi toimittaa ilmoitus?', 'fi', /kaksi viikkoa ennen kotiopetuksen alkamista/],
      ['Hur långt innan hemundervisningen börjar ska vårdnadshavaren lämna in sin anmälan?', 'sv', /två veckor innan hemundervisningen börjar/],
    ] as const) {
      const a = quote(q, lang);
      expect([q, a.id, fact.test(a.text)]).toEqual([q, 'kotiopetus', true]);
    }
  });

  it('links to the plan page at the quoted passage', () => {
    const a = quote('millä perusteella oppilas saa avustajan?');
    expect(a.url).toMatch(/^http:\/\/x\/plan\/avustajakriteerit#p-\d+$/);
    expect(a.url.endsWith(`#${a.passages[0].anchor}`)).toBe(true);
    const first = plan.sections.get('avustajakriteerit')!.body.fi![Number(a.passages[0].anchor.slice(2))];
    expect(first).toEqual(a.passages[0].blocks[0]);
  });
});
