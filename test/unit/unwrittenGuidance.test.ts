import { join } from 'node:path';
import { PlanService, type Answer } from '../../src/plan/answer';
import { withoutCrutches } from '../../src/eval/plans';
import { quotedText } from '../../src/eval/metrics';
import { loadPlan } from '../../src/plan/load';
import { PlanIndex } from '../../src/plan/search';
import { isPlaceholder } from '../../src/plan/search/unwritten';
import { answerCard } from '../../src/ui/answerCard';
import { messages } from '../../src/i18n';
import { tinyPlan } from '../helpers/tinyPlan';
import { ROOT } from '../helpers/bot';

/**
 * What a plan leaves for its region to write ("Esimerkkialue täydentää tähän", "fills in here", "[täydennetään]") is
 * not guidance. A question about exactly that gets "the plan does not say this yet" with the placeholder as it
 * stands and Ask an expert; a question the section answers beside its placeholder gets the answer, without it.
 */
describe('questions about what the plan has yet to write', () => {
  const sample = PlanService.load(join(ROOT, 'content', 'plan'), join(ROOT, 'content', 'glossary.yml'), 'http://x');
  const plan = withoutCrutches(sample.plan);
  const service = new PlanService(plan, new PlanIndex(plan, sample.index.glossary), 'http://x');
  const unwrittenIn = (a: Answer) => (a.kind === 'none' ? a.unwritten?.id : undefined);
  const placeholderText = (a: Answer) => (a.kind === 'none' ? (a.unwritten?.passages ?? []).flatMap((p) => p.blocks.map((b) => JSON.stringify(b))).join(' ') : '');

  it.each([
    ['Kielletäänkö nikotiinipussit meidän koulun järjestyssäännöissä?', 'fi', 'turvallisuus/paihteet', /täydentää ohjeen tähän/],
    ['kuka maksaa tulkin siinä monialaisessa asiantuntijaryhmässä?', 'fi', 'siirtymavaiheet/maahan-muuttanut-oppilas', /täydentää tähän/],
    ['Who pays for the interpreter in a multi-professional expert group meeting?', 'en', 'siirtymavaiheet/maahan-muuttanut-oppilas', /fills in here/],
    ['Mitä sääntöjä lukiolaisten puhelimen käytöstä tunneilla on?', 'fi', 'turvallisuus/mobiililaitteet', /täydentää tähän erikseen/],
    // A basic-education plan that names upper secondary only where it is still to be written has no answer for it.
    ['Saako lukiolainen käyttää puhelinta oppitunnilla Esimerkkialueella?', 'fi', 'turvallisuus/mobiililaitteet', /Lukion ja ammatillisen koulutuksen säännöt Esimerkkialue täydentää tähän/],
    ['Vilka regler gäller för mobiltelefoner i gymnasiet?', 'sv', 'turvallisuus/mobiililaitteet', /Reglerna för gymnasiet .* fyller Esimerkkialue i här/],
    ['Paljonko kunnan ryhmätapaturmavakuutus korvaa hammasvahingosta?', 'fi', 'turvallisuus/laakehoito-ja-tapaturmat', /täydentää tiedot tähän/],
    // A placeholder that introduces a list leaves the list's items unwritten too.
    ['Vad är besvärstiden för en skriftlig varning?', 'sv', 'muutoksenhaku', /fyller i här/],
  ])('"%s": the plan does not say it yet, and the card shows the placeholder', (q, lang, section, placeholder) => {
    const a = service.answer(q, lang as 'fi');
    expect([q, a.kind, unwrittenIn(a)]).toEqual([q, 'none', section]);
    expect(placeholderText(a)).toMatch(placeholder);
    expect(quotedText(a)).toBe('');
  });

  it.each([
    // The "who decides" list answers, though the placeholder names the decision too; the placeholder is not quoted with it.
    ['Kuka tekee päätöksen pidennetystä oppivelvollisuudesta?', 'fi', 'erityisopetus/pidennetty-oppivelvollisuus', /opetuspäällikkö/],
    // A phone number is a contact detail: the plan says where the kuraattori's contact details are.
    ['Mistä löydän koulun kuraattorin työpäivät ja puhelinnumeron?', 'fi', 'opiskeluhuolto/palvelut', /verkkosivuilla ja Wilmassa/],
  ])('"%s" is answered by the guidance beside a placeholder', (q, lang, section, fact) => {
    const a = service.answer(q, lang as 'fi');
    expect([q, a.kind === 'answer' ? a.best.id : a.kind]).toEqual([q, section]);
    expect(quotedText(a)).toMatch(fact);
    expect(quotedText(a)).not.toMatch(/täydentää|fills in/);
  });

  it.each([
    ['voiko oppilaan 12v isosisko tulkata vanhempainvartissa kun tulkkia ei saatu?', 'fi', /Lapsi ei saa toimia tulkkina/],
    ['voiko oppilaan isoveli tulkata vanhempainvartissa ku ei oo tulkkia?', 'fi', /Lapsi ei saa toimia tulkkina/],
  ])('"%s" is answered by the rule in a list whose one item is left unwritten, though both name a meeting', (q, lang, rule) => {
    // The list of interpreting rules ends in who pays in the county's meetings, left to write: it holds as much of the
    // question as the rule, and is a sixth of the list.
    const a = service.answer(q, lang as 'fi');
    expect([q, a.kind === 'answer' ? a.best.id : a.kind]).toEqual([q, 'siirtymavaiheet/maahan-muuttanut-oppilas']);
    expect(quotedText(a)).toMatch(rule);
  });

  it.each([
    ['Kuka maksaa tulkin, kun koulu tapaa huoltajan?', 'fi', /kunta järjestää ja maksaa/],
    ['Who pays for an interpreter when the school meets the guardians?', 'en', /the municipality arranges and pays/],
  ])('"%s" is answered by the rule in the list whose other item is left unwritten', (q, lang, rule) => {
    // The municipality pays when it meets the guardian; who pays in a meeting the welfare county leads is the placeholder.
    const a = service.answer(q, lang as 'fi');
    expect([q, a.kind === 'answer' ? a.best.id : a.kind]).toEqual([q, 'siirtymavaiheet/maahan-muuttanut-oppilas']);
    expect(quotedText(a)).toMatch(rule);
  });

  it("reads a region's draft placeholders in Finnish, Swedish and English", () => {
    const dir = tinyPlan('unwritten', [
      ['kriisiryhma', 'Kriisiryhmä', 'Koulun kriisiryhmään kuuluvat rehtori, kuraattori ja terveydenhoitaja.\n\nKriisiryhmän puhelinketju: täydennetään syksyllä.'],
      ['poissaolot', 'Poissaolot', 'Luokanopettaja myöntää luvan enintään kolmen päivän poissaoloon. Rehtori päättää pidemmistä poissaoloista.'],
    ]);
    const draft = new PlanService(loadPlan(dir), new PlanIndex(loadPlan(dir), sample.index.glossary), 'http://x');
    expect(unwrittenIn(draft.answer('mikä on kriisiryhmän puhelinketju?', 'fi'))).toBe('kriisiryhma');
    const members = draft.answer('keitä kriisiryhmään kuuluu?', 'fi');
    expect(members.kind === 'answer' && members.best.id).toBe('kriisiryhma');
    expect(quotedText(members)).toMatch(/rehtori, kuraattori ja terveydenhoitaja/);
    for (const text of [
      'Esimerkkialue täydentää tähän puhelinnumeron.',
      'Kriisiryhmän puhelinketju: täydennetään.',
      'Esimerkkialue fills in here the phone number.',
      'Phone chain: TBD',
      'Telefonkedjan fyller Esimerkkialue i här.',
      'Telefonkedjan kompletteras.',
    ])
      expect([text, isPlaceholder(text)]).toEqual([text, true]);
    for (const text of [
      'Opettaja täyttää lomakkeen huoltajan kanssa.',
      'The class teacher fills in the form with the guardian.',
      'Läraren fyller i blanketten tillsammans med vårdnadshavaren.',
      'Here the teacher fills in the pupil’s details.',
    ])
      expect([text, isPlaceholder(text)]).toEqual([text, false]);
  });

  it("renders the card in the user's language: why, the placeholder with a link to it, and Ask an expert, with no quoted answer", () => {
    const a = service.answer('Kielletäänkö nikotiinipussit meidän koulun järjestyssäännöissä?', 'fi');
    const card = JSON.stringify(answerCard(a, plan, messages('fi')));
    expect(card).toContain('Suunnitelmassa ei vielä ole ohjetta tähän');
    expect(card).toContain('jättää tämän alueen täydennettäväksi');
    expect(card).toContain('Päihteet');
    expect(card).toContain('"id":"placeholder"');
    expect(card).not.toContain('"id":"passages"');
    expect(card).toMatch(/"type":"Action.OpenUrl","title":"Avaa koko kohta","url":"http:\/\/x\/plan\/turvallisuus\/paihteet#p-\d+"/);
    expect(card).toContain('"verb":"expert.ask"');
    const en = JSON.stringify(answerCard(service.answer('Who pays for the interpreter in a multi-professional expert group meeting?', 'en'), plan, messages('en')));
    expect(en).toContain('The plan does not say this yet');
    expect(en).toContain('fills in here who arranges and pays for an interpreter');
  });
});
