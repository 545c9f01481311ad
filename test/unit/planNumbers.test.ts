import { messages } from '../../src/i18n';
import { readDocx } from '../../src/plan/import/docx';
import { readHtml } from '../../src/plan/import/html';
import { splitNumber } from '../../src/plan/import/numbering';
import { buildSections } from '../../src/plan/import/sections';
import type { Block } from '../../src/plan/import/blocks';
import { citationName, pageLabel, sourceOf } from '../../src/ui/planAdminCards';

const h = (level: number, text: string, page?: number): Block => ({ kind: 'heading', level, text, page });
const p = (text: string, page?: number): Block => ({ kind: 'paragraph', text, page });

describe("a heading's own number", () => {
  it.each([
    ['3.2 Kotiopetus', '3.2', 'Kotiopetus', 'decimal', 2],
    ['3.2. Kotiopetus', '3.2', 'Kotiopetus', 'decimal', 2],
    ['3 Yksilökohtainen opiskeluhuolto', '3', 'Yksilökohtainen opiskeluhuolto', 'decimal', 1],
    ['15 § Oikeus saada opetusta', '15 §', 'Oikeus saada opetusta', 'paragraph', 1],
    ['15 a § Tehostettu tuki', '15 a §', 'Tehostettu tuki', 'paragraph', 1],
    ['2 luku Opiskeluhuollon järjestäminen', '2 luku', 'Opiskeluhuollon järjestäminen', 'chapter', 1],
    ['1 kap. Allmänna bestämmelser', '1 kap.', 'Allmänna bestämmelser', 'chapter', 1],
    ['Luku 4 Tuki', 'Luku 4', 'Tuki', 'chapter', 1],
    ['IV Liitteet', 'IV', 'Liitteet', 'roman', 1],
    ['A. Lomakkeet', 'A', 'Lomakkeet', 'letter', 1],
  ])('"%s" is number %s and title %s', (heading, number, title, kind, depth) => {
    expect(splitNumber(heading)).toEqual({ number, title, kind, depth });
  });

  it.each(['Kotiopetus', '2024 lukuvuosi', 'Ilmoitus 15 §:n mukaan', 'I', 'Liite 3'])('"%s" has none', (heading) => {
    expect(splitNumber(heading)).toEqual({ title: heading, depth: 1 });
  });
});

describe("sections by the document's own structure", () => {
  it('gives headings numbered alike one level, however the document styled them', () => {
    const plan = buildSections([h(2, '1 Palvelut'), p('a'), h(3, '1.1 Kuraattori'), p('b'), h(1, '2 Liitteet'), p('c'), h(3, '2.1 Lomakkeet'), p('d')]);
    expect(plan.sections.map((s) => [s.number, s.title, s.children.map((c) => c.number)])).toEqual([
      ['1', 'Palvelut', ['1.1']],
      ['2', 'Liitteet', ['2.1']],
    ]);
  });

  it('records the first and last page of each section', () => {
    const plan = buildSections([h(1, '1 Palvelut', 3), p('a', 3), p('b', 4), h(2, '1.1 Kuraattori', 5), p('c', 5), p('d', 7)]);
    expect(plan.sections[0]).toMatchObject({ page: 3, lastPage: 4 });
    expect(plan.sections[0].children[0]).toMatchObject({ page: 5, lastPage: 7 });
  });

  it("names the introduction in the document's language", () => {
    expect(buildSections([p('Den här planen gäller alla skolor och det är viktigt att den följs.'), h(2, 'Stöd'), p('x')]).sections[0].title).toBe('Inledning');
    expect(buildSections([p('Suunnitelma koskee kaikkia kouluja ja se on tärkeä.'), h(2, 'Tuki'), p('x')]).sections[0].title).toBe('Johdanto');
  });
});

describe('pages and headings typed as bold text', () => {
  it('takes a short bold-only paragraph for a heading and drops a contents list of in-page links', () => {
    const { blocks, warnings } = readHtml(
      Buffer.from(
        '<body><ul><li><a href="#a">1 Palvelut</a></li><li><a href="#b">2 Tuki</a></li></ul>' +
          '<p><strong>1 Palvelut</strong></p><p>Teksti.</p><p><b>Huom.</b></p><p><strong>2 Tuki</strong></p><p>Lisää.</p></body>',
      ),
    );
    expect(blocks.filter((b) => b.kind === 'heading').map((b) => (b as { text: string }).text)).toEqual(['1 Palvelut', '2 Tuki']);
    expect(warnings).toEqual([{ kind: 'toc', message: 'table of contents dropped (2 lines)' }]);
  });

  it('refuses a password-protected Word document with its own reason', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(100)]);
    await expect(readDocx(ole)).rejects.toMatchObject({ reason: 'encrypted', message: expect.stringMatching(/password-protected/) });
    await expect(readDocx(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]))).rejects.toMatchObject({ reason: 'unsupported' });
  });
});

describe('citations', () => {
  const m = messages('fi');
  const ref = { id: 'x', url: 'u', path: ['3 Kotiopetus', '3.2 Valvonta'], title: '3.2 Valvonta', page: 14 };

  it('read "3.2 Valvonta (s. 14)", "p. 14" in English, a page range when the section spans pages', () => {
    expect(sourceOf(ref, m)).toBe('3.2 Valvonta (s. 14)');
    expect(sourceOf(ref, messages('en'))).toBe('3.2 Valvonta (p. 14)');
    expect(pageLabel({ page: 14, lastPage: 16 }, m)).toBe('s. 14–16');
    expect(sourceOf({ ...ref, page: undefined }, m)).toBe('3.2 Valvonta');
  });

  it("lead with the number and title and fit Teams' 80 characters: the page goes first, a title is cut only at a word", () => {
    const long = '15 § Oikeus saada opiskeluhuollon palveluja ja opiskeluhuollon yksilökohtainen';
    expect(citationName({ ...ref, title: long }, m)).toBe(long);
    const longer = `${long} tuki kaikissa tilanteissa`;
    const cut = citationName({ ...ref, title: longer }, m);
    expect(cut.length).toBeLessThanOrEqual(80);
    expect(cut).toMatch(/^15 § Oikeus saada .* yksilökohtainen…$/);
  });
});
