import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Glossary } from '../../src/plan/glossary';
import { LanguageDetector } from '../../src/plan/language';
import { ROOT } from '../helpers/bot';

/** What a user typed decides the reply's language when it can be told; these are the cases it must get right. */
describe('telling the language of typed text', () => {
  const detector = new LanguageDetector(Glossary.load(join(ROOT, 'content', 'glossary.yml')).entries);

  it.each(['questions', 'heldout', 'final'])("tells the language of the %s evaluation set's questions: ≥ 97 %% right, none wrong", (set) => {
    const qs = JSON.parse(readFileSync(join(ROOT, 'test', 'eval', `${set}.json`), 'utf8')) as { q: string; lang: 'fi' | 'sv' | 'en' }[];
    const told = qs.map((q) => ({ ...q, got: detector.detect(q.q) }));
    expect(told.filter((q) => q.got && q.got !== q.lang).map((q) => `${q.lang}→${q.got}: ${q.q}`)).toEqual([]);
    expect(told.filter((q) => q.got === q.lang).length / qs.length).toBeGreaterThanOrEqual(0.97);
  });

  it.each([
    ['apua', 'fi'],
    ['help', 'en'],
    ['hjälp', 'sv'],
    ['lomakkeet', 'fi'],
    ['forms', 'en'],
    ['blanketter', 'sv'],
    ['uusi asia', 'fi'],
    ['new case', 'en'],
    ['nytt ärende', 'sv'],
    ['perusta ryhmä', 'fi'],
    ['bilda grupp', 'sv'],
    ['omat kokoukset', 'fi'],
    ['my meetings', 'en'],
    ['mina möten', 'sv'],
    ['hei', 'fi'],
    ['hej', 'sv'],
    ['hello', 'en'],
    ['kieli suomi', 'fi'],
    ['language english', 'en'],
    ['språk svenska', 'sv'],
    ['kiitti', 'fi'],
    ['selvä', 'fi'],
    ['tackar', 'sv'],
    ['thx', 'en'],
    ['mitä osaat?', 'fi'],
  ])('tells a command or a greeting: "%s" is %s', (text, lang) => {
    expect(detector.detect(text)).toBe(lang);
  });

  it('finds Finnish typed without ä and ö, and inflected glossary terms', () => {
    expect(detector.detect('milla perusteella oppilas saa avustajan')).toBe('fi');
    expect(detector.detect('koulupsykologin yhteystiedot')).toBe('fi');
    expect(detector.detect('elevhälsoplanen')).toBe('sv');
  });

  it('leaves what carries no language untold', () => {
    for (const text of ['ping', 'OH-2026-0042', 'ok', '?', 'Opari', '12.3.2027']) expect(detector.detect(text)).toBeUndefined();
  });
});
