import { join } from 'node:path';
import { PlanService } from '../../src/plan/answer';
import { citedNumbers } from '../../src/plan/search/citation';
import { bestSection, tinyPlan } from '../helpers/tinyPlan';

const GLOSSARY = join(__dirname, '..', '..', 'content', 'glossary.yml');

describe('the section numbers a question cites', () => {
  it.each([
    ['mitä 43 § sanoo?', [{ kind: 'section', key: '43' }]],
    ['onko 16 a §:n mukaan pakko', [{ kind: 'section', key: '16a' }]],
    [
      '§ 12 ja pykälän 13 mukaan',
      [
        { kind: 'section', key: '12' },
        { kind: 'section', key: '13' },
      ],
    ],
    ['mitä 43. pykälässä sanotaan', [{ kind: 'section', key: '43' }]],
    ['vad säger paragraf 7', [{ kind: 'section', key: '7' }]],
    ['kohdassa 8.12 on lomake', [{ kind: 'plain', key: '8.12' }]],
    ['mitä kohta 3.2 sanoo', [{ kind: 'plain', key: '3.2' }]],
    ['What does section 1.4 of the guide say?', [{ kind: 'any', key: '1.4' }]],
    ['What does section 5 of the act say?', [{ kind: 'any', key: '5' }]],
    ['mitä 2 luvussa säädetään', [{ kind: 'chapter', key: '2' }]],
  ])('%s', (question, cited) => {
    expect(citedNumbers(question)).toEqual(expect.arrayContaining(cited));
    expect(citedNumbers(question)).toHaveLength(cited.length);
  });

  it('reads a chapter and a section cited together', () => {
    expect(citedNumbers('enligt 3 kap. 5 §')).toEqual(
      expect.arrayContaining([
        { kind: 'section', key: '5' },
        { kind: 'chapter', key: '3' },
      ]),
    );
  });

  it.each([
    'mitä pitää tehdä 15.3. mennessä?',
    'kokous on 9.3.2026 klo 14',
    'oppilas on ollut poissa kohta 3 viikkoa',
    'listassa on 2 kohtaa',
    'luokalla on 24 oppilasta',
    'the 2 sections of the form',
  ])('%s cites nothing', (question) => {
    expect(citedNumbers(question)).toEqual([]);
  });
});

describe('a question citing a section by number', () => {
  const dir = tinyPlan('citation', [
    ['yleiset', 'Yleiset säännökset', 'Tässä luvussa säädetään lain tarkoituksesta ja soveltamisalasta.', '1 luku'],
    ['asiakkaan-etu', 'Asiakkaan etu', 'Asiakkaan etua arvioitaessa on kiinnitettävä huomiota siihen, miten eri toimintatavat turvaavat asiakkaan hyvinvoinnin.', '4 §'],
    ['lapsen-etu', 'Lapsen etu', 'Lapsen etua arvioitaessa on otettava huomioon lapsen toivomukset ja mielipide sekä läheiset ihmissuhteet.', '5 §'],
    ['verkosto', 'Läheisverkoston kartoittaminen', 'Asiakkaan läheisverkoston kartoittaminen tehdään yhteistyössä asiakkaan kanssa ja hänen suostumuksellaan.', '43 §'],
  ]);
  const plan = PlanService.load(dir, GLOSSARY, 'http://localhost');
  const best = bestSection(plan, 'fi');

  it('gets that section, before one its other words match better', () => {
    expect(best('mitä 5 § sanoo asiakkaan edusta?')).toBe('lapsen-etu');
    expect(best('asiakkaan edusta')).toBe('asiakkaan-etu');
  });

  it('gets it from the number alone, in any form of citation', () => {
    expect(best('43 §')).toBe('verkosto');
    expect(best('pykälä 43')).toBe('verkosto');
    expect(bestSection(plan, 'en')('What does section 43 say?')).toBe('verkosto');
  });

  it('gets the section, not its chapter, when both are cited', () => {
    expect(best('1 luku 5 §')).toBe('lapsen-etu');
    expect(best('mitä 1 luvussa säädetään')).toBe('yleiset');
  });

  it('is answered even when a word in it sounds like IT', () => {
    expect(bestSection(plan, 'en')("What does section 43 say about mapping the client's network?")).toBe('verkosto');
  });

  it('cites nothing when the plan has no such number', () => {
    expect(best('mitä 99 § sanoo?')).toBeUndefined();
  });
});
