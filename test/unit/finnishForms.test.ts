import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeWithoutCrutches } from '../../src/eval/plans';
import { stem, words } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { ROOT } from '../helpers/bot';
import { tinyPlan } from '../helpers/tinyPlan';
import { Glossary } from '../../src/plan/glossary';

/**
 * A word is the same word in any of its forms: a region's plan writes "maksuttomaan ateriaan", "tiedon" and
 * "oikeutta", its staff ask about "maksuton ateria", "tieto" and "oikeus". Measured without a glossary, so
 * only the reading of the words themselves can find the section.
 */
describe('Finnish word forms', () => {
  const dir = tinyPlan('forms', [
    ['edut', 'Opintososiaaliset edut', 'Opiskelijalla on oikeus maksuttomaan ateriaan niinä päivinä, joina hän on läsnä koulussa.'],
    ['kurinpito', 'Kurinpito', 'Opiskelijalle voidaan antaa kirjallinen varoitus, jos hän häiritsee opetusta. Ateria-aikana valvoo opettaja.'],
  ]);
  const glossary = join(dir, 'glossary.yml');
  writeFileSync(glossary, '[]\n');
  const plan = PlanService.load(dir, glossary, 'http://x');
  const same = (...forms: string[]) => new Set(forms.map((w) => stem(w, 'fi'))).size === 1;

  it('reads a weekday the same in any case (Snowball cuts "maanantaina" to "maanan" but keeps "maanantai")', () => {
    expect(same('maanantai', 'maanantaina', 'maanantaista')).toBe(true);
    expect(same('tiistai', 'tiistaina')).toBe(true);
    expect(same('keskiviikko', 'keskiviikkona')).toBe(true);
    expect(same('perjantai', 'perjantaihin')).toBe(true);
  });

  it('reads a -ton word the same in its base form and its inflected forms', () => {
    expect(same('maksuton', 'maksutonta', 'maksuttoman', 'maksuttomaan')).toBe(true);
  });

  it('reads the plural of "työ" and its compounds as "työ" (ylitöitä, töissä), and no other word ending so', () => {
    expect(same('ylityö', 'ylityötä', 'ylitöitä', 'ylitöistä')).toBe(true);
    expect(same('työ', 'töissä', 'töihin')).toBe(true);
    expect(same('etätyö', 'etätöissä')).toBe(true);
    // Words whose own ö comes before the plural i: säännöt, pyynnöt, henkilöstöt, lähdöt.
    expect(stem('sääntöihin', 'fi')).toBe(stem('sääntö', 'fi'));
    expect(stem('henkilöstöissä', 'fi')).toBe(stem('henkilöstö', 'fi'));
    expect(stem('lähtöihin', 'fi')).toBe(stem('lähtö', 'fi'));
    // So the region's off-topic word "ylityö" is read in the plural too: overtime is a question for payroll and HR.
    const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
    const a = sample.answer('Kuinka paljon ylitöitä opettaja voi tehdä viikossa?', 'fi');
    expect(a.kind === 'none' && a.offTopic?.topic).toBe('pay and employment');
  });

  it('reads the strong and the weak grade of a word alike (nt / nn, t / d)', () => {
    expect(same('arviointi', 'arviointia', 'arvioinnin')).toBe(true);
    expect(same('hyvinvointi', 'hyvinvoinnin')).toBe(true);
    expect(same('tieto', 'tietoa', 'tiedon', 'tiedot')).toBe(true);
    expect(same('hoito', 'hoidon')).toBe(true);
  });

  it('reads an -us noun alike in its base form, genitive and partitive', () => {
    expect(same('oikeus', 'oikeuden', 'oikeutta', 'oikeudet')).toBe(true);
    expect(same('sairaus', 'sairauden', 'sairautta')).toBe(true);
  });

  it('reads "vuosi" (a year) alike in every case and in compounds, and "vuosittain" as a word of its own', () => {
    expect(same('vuosi', 'vuoden', 'vuotta', 'vuodessa', 'vuodeksi', 'vuosia')).toBe(true);
    expect(same('lukuvuosi', 'lukuvuoden', 'lukuvuotta')).toBe(true);
    expect(same('vuosi', 'vuosittain')).toBe(false);
  });

  it('reads a -si noun alike in its base form and its inflected forms, and a possessive -si as "your"', () => {
    expect(same('lapsi', 'lapsen', 'lapset', 'lapselle')).toBe(true);
    expect(same('kuukausi', 'kuukauden', 'kuukautta')).toBe(true);
    expect(same('lukukausi', 'lukukauden')).toBe(true);
    expect(same('koulusi', 'koulu', 'koulun')).toBe(true);
  });

  it('reads "lapsi" (a child) alike in the forms without -ps- (lasta, lasten), and "lastensuojelu" as a word of its own', () => {
    expect(same('lapsi', 'lapsen', 'lasta', 'lasten', 'lastaan')).toBe(true);
    expect(same('pikkulapsi', 'pikkulasta')).toBe(true);
    expect(same('lapsi', 'lastensuojelu')).toBe(false);
    expect(same('oppilas', 'oppilasta')).toBe(true);
    // On the sample plan in Finnish without its keywords, "lasta" read as the first part of "lastensuojelu" and the
    // child welfare report answered; the consent section does.
    const dir = mkdtempSync(join(tmpdir(), 'opari-forms-'));
    writeWithoutCrutches(join(ROOT, 'content', 'plan'), dir, true);
    const plain = PlanService.load(dir, join(ROOT, 'content', 'glossary.yml'), 'http://x');
    const { hits } = plain.index.search('voiko huoltaja kieltää lasta käymästä kuraattorilla?', 3, 'fi');
    expect(hits[0]?.section.id).toBe('yksilokohtainen-opiskeluhuolto/suostumus');
    expect(hits[0]?.passage?.blocks.map((b) => ('text' in b ? b.text : b.items.join(' '))).join(' ')).toMatch(/Huoltaja ei voi kieltää/);
  });

  it('reads "nuori" (a young person) alike in every form (nuoren, nuorella, nuorilla, nuorten)', () => {
    expect(same('nuori', 'nuoren', 'nuorta', 'nuorella', 'nuorilla', 'nuorten', 'nuoret')).toBe(true);
  });

  it('reads lääke, toimenpide, lausunto, ote and vastaanotto alike in both grades, in compounds too', () => {
    expect(same('lääke', 'lääkkeen', 'lääkkeet', 'lääkettä')).toBe(true);
    expect(same('kipulääke', 'kipulääkkeen')).toBe(true);
    expect(same('toimenpide', 'toimenpiteen', 'toimenpiteet')).toBe(true);
    expect(same('asiantuntijalausunto', 'asiantuntijalausunnon')).toBe(true);
    expect(same('rikosrekisteriote', 'rikosrekisteriotteen')).toBe(true);
    // "vastaanoton" is no "-ton" adjective as "maksuton" is.
    expect(same('vastaanotto', 'vastaanoton', 'vastaanotolle')).toBe(true);
    expect(same('maksuton', 'maksuttoman')).toBe(true);
  });

  it('reads what a statute says must be done ("on ilmoitettava", "järjestettävä") as the verb a question asks with', () => {
    expect(same('ilmoittaa', 'ilmoitettava', 'ilmoitettavan')).toBe(true);
    expect(same('järjestää', 'järjestettävä')).toBe(true);
    expect(same('selvittää', 'selvitettävä')).toBe(true);
    // A task ("tehtävä") and an active participle ("odottava") are left as they were.
    expect(same('tehdä', 'tehtävä')).toBe(false);
    expect(same('odottaa', 'odottava')).toBe(false);
    // Verbs in -ua / -yä: "on osallistuttava", "hyväksyttävä"; not the active "vaikuttava" of a short verb.
    expect(same('osallistua', 'osallistuttava')).toBe(true);
    expect(same('hyväksyä', 'hyväksyttävä', 'hyväksyttävän')).toBe(true);
    expect(same('vaikuttaa', 'vaikuttava')).toBe(false);
  });

  it('reads the imperative of a step ("ilmoita rehtorille") as the verb a question asks with ("pitääkö ilmoittaa")', () => {
    expect(same('ilmoita', 'ilmoittaa', 'ilmoitetaan')).toBe(true);
  });

  it('reads the third person plural of a verb in -ea / -oa ("koulut hakevat", "he kertovat") as the verb', () => {
    expect(same('hakea', 'hakee', 'hakevat')).toBe(true);
    expect(same('kertoa', 'kertoo', 'kertovat')).toBe(true);
    expect(same('tekee', 'tekevät')).toBe(true);
  });

  it('reads quarrelling ("riiteli", "riidellä") as a quarrel ("riita"): a one-off quarrel is what the bullying section sets apart', () => {
    expect(same('riita', 'riiteli', 'riidellä', 'riitelevät')).toBe(true);
    const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
    const a = sample.answer('Kaksi kaverusta riiteli välitunnilla kerran. Lasketaanko tämä kiusaamiseksi?', 'fi');
    expect(a.kind === 'answer' && a.best.id).toBe('turvallisuus/kiusaaminen');
  });

  it('reads a compound whose last word Snowball stems otherwise than alone ("allergialääkkeen": allergialaak, "lääke": laake) by its parts', () => {
    const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
    const q = 'Huoltaja toi kouluun lapsen allergialääkkeen ja pyysi, että annan sen tarvittaessa retkellä. Olenko opettajana velvollinen tähän?';
    const a = sample.answer(q, 'fi');
    expect(a.kind === 'answer' && a.best.id).toBe('turvallisuus/laakehoito-ja-tapaturmat');
  });

  it('reads "ei riitä" as "riittää" (enough), not "riita" (a quarrel), and "kerron", "kerrotaan", "kertominen" as "kertoa"', () => {
    expect(same('riittää', 'riittääkö', 'riitä')).toBe(true);
    expect(same('riitä', 'riita')).toBe(false);
    expect(same('kertoa', 'kerron', 'kerrotaan', 'kertominen')).toBe(true);
  });

  it('reads "alaston" (naked) alike in its forms (alastomana, alastomia): it is no "-ton" word', () => {
    expect(same('alaston', 'alastomana', 'alastomia')).toBe(true);
    expect(same('maksuton', 'maksuttoman')).toBe(true);
  });

  it('reads "tunti" (an hour, a lesson) alike in its weak grade (tunnin, tunnilla, tunneilta), in compounds too', () => {
    expect(same('tunti', 'tuntia', 'tunnin', 'tunnit', 'tunnilla', 'tunneilta')).toBe(true);
    expect(same('oppitunti', 'oppitunnilla', 'oppitunnin')).toBe(true);
  });

  it('reads "tuki" (support) and "lupa" (permission) alike in their weak grade (tuen, luvan), and "kuluvan" as a word of its own', () => {
    expect(same('tuki', 'tuen', 'tukea', 'tuesta', 'tuet')).toBe(true);
    expect(same('lupa', 'luvan', 'lupaa', 'luvat')).toBe(true);
    expect(same('lupa', 'kuluvan')).toBe(false);
    // "tuesta" found only the sections that write "tuesta"; the general section on support says who decides.
    const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
    const a = sample.answer('kuka päättää oppilaan tuesta', 'fi');
    expect(a.kind === 'answer' && a.best.id).toBe('erityisopetus');
  });

  it('finds the section that writes the word in another form', () => {
    const a = plan.answer('onko ateria maksuton?', 'fi');
    expect(a.kind === 'answer' && a.best.id).toBe('edut');
  });

  it('keeps apart words Snowball cuts to one letter: "läsnä" (present) is not "lasta" (a child)', () => {
    expect(same('läsnä', 'lasta')).toBe(false);
    expect(stem('läsnä', 'fi').length).toBeGreaterThan(1);
  });
});

/** The glossary's concepts found in a question, as the search reads them. */
const phraseGlossary = Glossary.load(join(ROOT, 'content', 'glossary.yml'));
const concepts = (question: string) => phraseGlossary.findInQuestion(words(question)).map((h) => h.concept);

/**
 * Staff ask whether someone may "olla paikalla"; a plan writes that they are (not) "läsnä": the glossary's concept of
 * being there in person reads one as the other, and a question about a child ("lasta") is not about being present.
 */
describe('being there in person', () => {
  it('reads "paikalla" as the plan\'s "läsnä", in Swedish and English too', () => {
    const present = concepts('olla läsnä');
    expect(present).toHaveLength(1);
    for (const q of ['saako huoltaja olla paikalla kun oppilasta kuullaan?', 'får vårdnadshavaren vara närvarande?', 'may a parent be present?']) {
      expect(concepts(q)).toContain(present[0]);
    }
  });

  it('does not read "lasta" (a child) as "läsnä"', () => {
    const [present] = concepts('olla läsnä');
    expect(present).toBeDefined();
    expect(concepts('voiko huoltaja kieltää lasta käymästä kuraattorilla')).not.toContain(present);
  });
});

/**
 * Finnish word order lets a pronoun or a function word stand inside a phrase ("menettääkö se paikkansa" for the glossary's
 * "menettää paikkansa"): a question's phrase may have one such word between two of its words, never a content word, and
 * never before its first word.
 */
describe('a glossary phrase with a pronoun inside it', () => {
  const [dropout] = concepts('menettää paikkansa');

  it('reads "menettääkö se paikkansa" and "lähteekö siltä opiskelupaikka" as losing the study place', () => {
    expect(dropout).toBeDefined();
    expect(concepts('jos lukiolainen lakkaa tulemasta kouluun, menettääkö se paikkansa')).toContain(dropout);
    expect(concepts('lähteekö siltä opiskelupaikka')).toContain(dropout);
  });

  it('does not skip a content word, nor two words', () => {
    expect(concepts('menettääkö koulu paikkansa')).not.toContain(dropout);
    expect(concepts('menettääkö se sitten paikkansa')).not.toContain(dropout);
  });
});

/** A phrasal verb's particle comes after its object ("taluttaa opiskelijan ulos", "kick the boy out"). */
describe('a glossary phrase that ends in a particle', () => {
  const [removal] = concepts('taluttaa ulos');

  it('reads up to two words of any kind before "ulos", "out", "ut"', () => {
    expect(removal).toBeDefined();
    expect(concepts('ope joutu taluttaa opiskelijan ulos ku ei lähteny, saako käyttää voimaa?')).toContain(removal);
    expect(concepts('can i kick the boy out of my class')).toContain(removal);
  });

  it('not three words, nor "pois" or "takaisin", which tell what was done before the question', () => {
    expect(concepts('ope joutu taluttaa tänään sen opiskelijan ulos')).not.toContain(removal);
    const [confiscation] = concepts('ottaa pois');
    expect(concepts('Otin opiskelijalta nuuskat pois. Kenelle ne annetaan takaisin?')).not.toContain(confiscation);
    const [back] = concepts('saada takaisin');
    expect(concepts('voiko opiskelupaikan saada myöhemmin takaisin')).not.toContain(back);
  });
});
