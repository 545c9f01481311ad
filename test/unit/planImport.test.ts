import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPlan } from '../../src/plan/load';
import { todayInHelsinki } from '../../src/time/helsinki';
import type { Block } from '../../src/plan/import/blocks';
import { readDocx } from '../../src/plan/import/docx';
import { readHtml } from '../../src/plan/import/html';
import { importDocument, writePlanDir } from '../../src/plan/import';
import { lawReferences } from '../../src/plan/import/law';
import { pdfPagesToBlocks } from '../../src/plan/import/pdfLayout';
import type { PdfTextItem } from '../../src/plan/import/pdfLines';
import { buildSections, slugify } from '../../src/plan/import/sections';
import { ROOT } from '../../src/paths';
import { makePdf, sampleDocx, samplePdf } from '../fixtures/plan-import/generate';

const FIXTURES = join(__dirname, '..', 'fixtures', 'plan-import');
const HTML = readFileSync(join(FIXTURES, 'suunnitelma.html'));
const DATE = '2026-05-04';

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'plan-import-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

const h = (level: number, text: string, page?: number): Block => ({ kind: 'heading', level, text, page });
const p = (text: string, page?: number): Block => ({ kind: 'paragraph', text, page });

describe('section ids', () => {
  it('drop the numbering and fold Finnish letters', () => {
    expect(slugify('3.2 Kotiopetus')).toBe('kotiopetus');
    expect(slugify('3.2. Yhteistyö ja päätökset Ålandissa')).toBe('yhteistyo-ja-paatokset-alandissa');
    expect(slugify('IV. Oppilas- ja opiskelijahuolto (OHL 15 §)')).toBe('oppilas-ja-opiskelijahuolto-ohl-15');
  });

  it('are cut at a word near 60 characters and never empty', () => {
    const id = slugify('Monialaisen opiskeluhuollon yhteistyöryhmän kokoonpano, tehtävät ja kokoontuminen lukuvuoden aikana');
    expect(id.length).toBeLessThanOrEqual(60);
    expect(id).toBe('monialaisen-opiskeluhuollon-yhteistyoryhman-kokoonpano');
    expect(slugify('2024')).toBe('2024');
    expect(slugify('§')).toBe('osio');
  });

  it('are the same for the same document', async () => {
    const a = await importDocument(HTML, 'suunnitelma.html', { date: DATE });
    const b = await importDocument(HTML, 'suunnitelma.html', { date: DATE });
    expect(b.files).toEqual(a.files);
  });
});

describe('sections from headings', () => {
  it('makes h1/h2 sections, h3 subsections, keeps deeper headings in the body and the text before them as johdanto', () => {
    const plan = buildSections([
      p('Alkusanat.'),
      h(2, '1 Palvelut'),
      p('Palveluista.'),
      h(3, '1.1 Kuraattori'),
      p('Kuraattorista.'),
      h(4, 'Yhteystiedot'),
      p('Koululla.'),
      h(1, '2 Liitteet'),
      p('Lomakkeet.'),
    ]);
    expect(plan.sections.map((s) => s.id)).toEqual(['johdanto', 'palvelut', 'liitteet']);
    expect(plan.sections[0]).toMatchObject({ title: 'Johdanto', body: 'Alkusanat.', order: 1 });
    const palvelut = plan.sections[1];
    expect(palvelut).toMatchObject({ title: 'Palvelut', heading: '1 Palvelut', order: 2, body: 'Palveluista.' });
    expect(palvelut.children.map((c) => c.id)).toEqual(['palvelut/kuraattori']);
    expect(palvelut.children[0].body).toBe('Kuraattorista.\n\n### Yhteystiedot\n\nKoululla.');
  });

  it('takes a single leading h1 as the document title, not as a section', () => {
    const plan = buildSections([h(1, 'Opiskeluhuoltosuunnitelma'), p('Johdantoteksti.'), h(2, 'Palvelut'), p('Teksti.')], 'Sivun otsikko');
    expect(plan.title).toBe('Opiskeluhuoltosuunnitelma');
    expect(plan.sections.map((s) => s.id)).toEqual(['johdanto', 'palvelut']);
  });

  it('warns about duplicate headings, sections without text and very long sections', () => {
    const long = Array.from({ length: 3100 }, () => 'sana').join(' ');
    const plan = buildSections([h(2, 'Tuki'), p('Ensimmäinen.'), h(2, 'Tuki'), p(long), h(2, 'Liitteet')]);
    expect(plan.sections.map((s) => s.id)).toEqual(['tuki', 'tuki-2', 'liitteet']);
    expect(plan.warnings.map((w) => w.kind).sort()).toEqual(['duplicate', 'empty', 'long']);
    expect(plan.warnings.find((w) => w.kind === 'long')!.message).toContain('tuki-2: 3100 words');
  });

  it('renders list items and table rows as "-" lines', () => {
    const plan = buildSections([
      h(2, 'Tuki'),
      { kind: 'listItem', text: 'ensimmäinen' },
      { kind: 'listItem', text: '**toinen**' },
      { kind: 'tableRow', cells: ['Tehtävä', 'Vastuu'] },
      { kind: 'tableRow', cells: ['Arvio', 'Opettaja'] },
    ]);
    expect(plan.sections[0].body).toBe('- ensimmäinen\n- **toinen**\n\n- Tehtävä | Vastuu\n- Arvio | Opettaja');
  });
});

describe('law references', () => {
  it('finds named laws in any case form, moments, statute numbers, KHO and bare sections', () => {
    expect(lawReferences('Päätös tehdään perusopetuslain 31 §:n 1 momentin mukaan.')).toEqual(['Perusopetuslaki 31 § 1 mom.']);
    expect(lawReferences('oppilas- ja opiskelijahuoltolain 15 § ja Oppivelvollisuuslaki (1214/2020) 2 §')).toEqual(['Oppilas- ja opiskelijahuoltolaki 15 §', 'Oppivelvollisuuslaki 1214/2020 2 §']);
    expect(lawReferences('Ks. 20 e § ja KHO 2021:130.')).toEqual(['20 e §', 'KHO 2021:130']);
    expect(lawReferences('Perusopetuslaki 26 § ja myöhemmin 26 §')).toEqual(['Perusopetuslaki 26 §']);
    expect(lawReferences('Lukuvuonna 2024 oppilaita oli 300.')).toEqual([]);
  });
});

describe('HTML pages', () => {
  it('read the article and ignore navigation, scripts, styles, cookie banners and hidden text', () => {
    const { blocks, title } = readHtml(HTML);
    const text = JSON.stringify(blocks);
    expect(title).toBe('Opiskeluhuoltosuunnitelma | Esimerkkikunta');
    for (const noise of ['Etusivu', 'skripti', 'font-family', 'evästeitä', 'Siirry sisältöön', 'Piilotettu', 'Avautuu', 'Uutinen', '©']) {
      expect(text).not.toContain(noise);
    }
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Esimerkkikunnan opiskeluhuoltosuunnitelma' });
    expect(blocks).toContainEqual({ kind: 'listItem', text: 'puhelimitse' });
    expect(blocks).toContainEqual({ kind: 'tableRow', cells: ['yli 30 tuntia', 'yhteys huoltajaan'], header: ['Poissaolot', 'Toimenpide'] });
    expect(blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: expect.stringContaining('**kuraattori- ja psykologipalvelut** sekä') }));
  });

  it('read Windows-1252 pages of older sites and drop soft hyphens', () => {
    const latin = Buffer.from('<p>Yhteistyö ja päätös</p><p>opiskelu&shy;huolto</p>', 'latin1');
    expect(readHtml(latin).blocks).toEqual([p('Yhteistyö ja päätös'), p('opiskeluhuolto')]);
  });
});

describe('Word documents', () => {
  it('read headings by style, the title, bold, bullet and numbered lists and tables', async () => {
    const { blocks, title } = await readDocx(await sampleDocx());
    expect(title).toBe('Esimerkkialueen opiskeluhuoltosuunnitelma');
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([
      h(1, '1 Opiskeluhuollon palvelut'),
      h(3, 'Kuraattori'),
      h(4, 'Yhteystiedot'),
      h(3, 'Kuraattori'),
      h(2, '2 Tuen tarve'),
      h(1, '3 Liitteet'),
    ]);
    expect(blocks).toContainEqual(p('Opiskeluhuollon palveluja ovat **kuraattori- ja psykologipalvelut** sekä kouluterveydenhuolto.'));
    expect(blocks.filter((b) => b.kind === 'listItem').map((b) => (b as { text: string }).text)).toEqual([
      'opettaja havaitsee tuen tarpeen',
      'huoltajaa kuullaan',
      'Kirjaa keskustelu.',
      'Tee päätös.',
    ]);
    expect(blocks).toContainEqual({ kind: 'tableRow', cells: ['Pedagoginen arvio', 'Opettaja'] });
  });
});

describe('PDF layout', () => {
  const item = (text: string, y: number, size = 11, extra: Partial<PdfTextItem> = {}): PdfTextItem => ({
    text,
    x: 72,
    y,
    width: text.length * size * 0.5,
    size,
    bold: false,
    ...extra,
  });
  const page = (n: number, items: PdfTextItem[]) => ({ page: n, height: 842, items });

  it('finds the title and headings by font size, weight and numbering, with their pages', () => {
    const { blocks, title } = pdfPagesToBlocks([
      page(1, [
        item('Opiskeluhuoltosuunnitelma', 780, 22),
        item('Kaikille kouluille.', 750),
        item('1 Yhteistyö', 720, 16, { bold: true }),
        item('Teksti yhteistyöstä.', 700),
        item('Ensimmäinen asia', 680, 11, { bold: true }),
        item('Teksti asiasta.', 665),
      ]),
      page(2, [item('1.1 Huoltajat', 780), item('Teksti huoltajista.', 760), item('1.1.1 Kokoukset', 740), item('Teksti kokouksista.', 720)]),
    ]);
    expect(title).toBe('Opiskeluhuoltosuunnitelma');
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([h(1, '1 Yhteistyö', 1), h(9, 'Ensimmäinen asia', 1), h(2, '1.1 Huoltajat', 2), h(3, '1.1.1 Kokoukset', 2)]);
  });

  it('ranks unnumbered heading styles by size like Heading 1, 2, 3', () => {
    const { blocks } = pdfPagesToBlocks([
      page(1, [
        item('Luku', 780, 16, { bold: true }),
        item('Tekstiä.', 760),
        item('Alaluku', 740, 13, { bold: true }),
        item('Tekstiä.', 720),
        item('Kohta', 700, 11, { bold: true }),
        item('Tekstiä.', 680),
        item('Toinen luku', 650, 16, { bold: true }),
        item('Tekstiä.', 630),
      ]),
    ]);
    expect(blocks.filter((b) => b.kind === 'heading')).toEqual([h(1, 'Luku', 1), h(2, 'Alaluku', 1), h(3, 'Kohta', 1), h(1, 'Toinen luku', 1)]);
  });

  it('joins lines into paragraphs, undoes hyphenation and keeps bullets as list items', () => {
    const { blocks } = pdfPagesToBlocks([
      page(1, [
        item('Koulu tekee yhteistyötä opiskelu-', 700),
        item('huollon ja terveys- ja', 687),
        item('sosiaalipalvelujen kanssa.', 674),
        item('• Ensimmäinen kohta', 640),
        item('jatkuu tässä', 627, 11, { x: 84 }),
        item('– Toinen kohta', 614),
        item('Uusi kappale alkaa.', 580),
      ]),
    ]);
    expect(blocks).toEqual([
      p('Koulu tekee yhteistyötä opiskeluhuollon ja terveys- ja sosiaalipalvelujen kanssa.', 1),
      { kind: 'listItem', text: 'Ensimmäinen kohta jatkuu tässä', page: 1 },
      { kind: 'listItem', text: 'Toinen kohta', page: 1 },
      p('Uusi kappale alkaa.', 1),
    ]);
  });

  it('drops page numbers, running headers and table-of-contents lines', () => {
    const pages = [1, 2, 3].map((n) => page(n, [item('Esimerkkikunta – Opiskeluhuoltosuunnitelma', 815, 9), item(`Sisältöä sivulla ${n}.`, 700), item(String(n), 30, 9)]));
    pages[0].items.push(item('Sisällys', 650, 14), item('2 Kotiopetus .......... 7', 630));
    const { blocks } = pdfPagesToBlocks(pages);
    expect(blocks).toEqual([p('Sisältöä sivulla 1.', 1), p('Sisältöä sivulla 2.', 2), p('Sisältöä sivulla 3.', 3)]);
  });
});

describe('writing the plan directory', () => {
  it('writes files that Opari loads as a plan', async () => {
    const result = await importDocument(HTML, 'suunnitelma.html', { date: DATE, region: 'Esimerkkikunta' });
    const out = join(tmp, 'plan');
    writePlanDir(out, result.files);
    const plan = loadPlan(out);
    expect(plan.meta).toMatchObject({ title: { fi: 'Esimerkkikunnan opiskeluhuoltosuunnitelma' }, region: 'Esimerkkikunta' });
    expect(plan.meta.notice?.en).toBe(`This plan was imported from suunnitelma.html on ${DATE}. Headings and law references were extracted automatically.`);
    expect(plan.topLevel).toEqual(['johdanto', 'opiskeluhuollon-palvelut', 'poissaolot', 'poissaolot-2', 'liitteet']);
    const palvelut = plan.sections.get('opiskeluhuollon-palvelut')!;
    expect(palvelut).toMatchObject({
      title: { fi: 'Opiskeluhuollon palvelut' },
      law: ['Oppilas- ja opiskelijahuoltolaki 7 §'],
      reviewed: DATE,
      source: { file: 'suunnitelma.html', heading: '1 Opiskeluhuollon palvelut' },
      childIds: ['opiskeluhuollon-palvelut/kuraattori'],
    });
    expect(plan.sections.get('opiskeluhuollon-palvelut/kuraattori')!.body.fi).toEqual([
      { kind: 'paragraph', text: 'Kuraattoriin voi ottaa yhteyttä Wilmassa.' },
      { kind: 'list', items: ['oppilas itse', 'huoltaja', 'puhelimitse', 'Wilma-viestillä'], ordered: false },
      { kind: 'heading', level: 3, text: 'Yhteystiedot' },
      { kind: 'paragraph', text: 'Kuraattori on koululla maanantaisin.' },
    ]);
    // Each row reads as header: value, never interleaved columns.
    expect(readFileSync(join(out, 'poissaolot.md'), 'utf8')).toContain('- Poissaolot: yli 30 tuntia; Toimenpide: yhteys huoltajaan\n- Poissaolot: yli 50 tuntia; Toimenpide: opiskeluhuollon kokous\n');
    expect(result.plan.warnings.map((w) => w.message)).toEqual(['heading "2 Poissaolot" gives the same id as an earlier section: renamed to poissaolot-2', 'liitteet: no text under "3 Liitteet"']);
  });

  it('replaces an earlier import whole and leaves no temporary files', async () => {
    const out = join(tmp, 'plan');
    writePlanDir(out, [
      { path: '_plan.yml', content: 'imported: {file: vanha.docx}\n' },
      { path: 'vanha.md', content: '---\nid: vanha\n---\n' },
    ]);
    writePlanDir(out, (await importDocument(HTML, 'suunnitelma.html', { date: DATE })).files);
    expect(existsSync(join(out, 'vanha.md'))).toBe(false);
    expect(readdirSync(tmp)).toEqual(['plan']);
  });

  it('refuses to replace a directory it did not write, such as the sample plan', async () => {
    const out = join(tmp, 'plan');
    mkdirSync(out);
    writeFileSync(join(out, 'oma.md'), 'oma');
    const { files } = await importDocument(HTML, 'suunnitelma.html', { date: DATE });
    expect(() => writePlanDir(out, files)).toThrow(/did not write/);
    expect(readdirSync(out)).toEqual(['oma.md']);
    expect(readdirSync(tmp)).toEqual(['plan']);
  });
});

describe('npm run plan:import', () => {
  const cli = join(ROOT, 'dist', 'cli', 'planImport.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: tmp, encoding: 'utf8' });
  // The importer dates the plan by the day in Helsinki (from 22:00 or 21:00 UTC that is already tomorrow).
  const today = () => todayInHelsinki();

  beforeAll(() => {
    // `npm test` compiles the project (tsc -p .) before jest runs, as the other process-level tests need too.
    expect(existsSync(cli)).toBe(true);
  });

  it('imports a two-page PDF with its numbered headings, subsections, page ranges and the original', () => {
    writeFileSync(join(tmp, 'suunnitelma.pdf'), samplePdf());
    const r = run('suunnitelma.pdf', '--out', 'out', '--region', 'Esimerkkialue');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('3 sections, 1 subsections, 38 words');
    // The tree an admin checks: number, title, words, pages.
    expect(r.stdout).toContain('    2 Kotiopetus  (5 words)  p. 1\n      2.1 Valvonta  (17 words)  p. 1–2\n');
    const plan = loadPlan(join(tmp, 'out'));
    expect(plan.meta).toMatchObject({ title: { fi: 'Opiskeluhuoltosuunnitelma' }, region: 'Esimerkkialue', original: { file: 'suunnitelma.pdf', pages: 2 } });
    expect(readFileSync(join(tmp, 'out', '_original', 'suunnitelma.pdf'))).toEqual(samplePdf());
    expect(plan.topLevel).toEqual(['johdanto', 'yhteistyo-huoltajien-kanssa', 'kotiopetus']);
    expect(plan.sections.get('johdanto')).toMatchObject({ source: { file: 'suunnitelma.pdf', page: 1 } });
    expect(plan.sections.get('kotiopetus')).toMatchObject({
      number: '2',
      title: { fi: 'Kotiopetus' },
      source: { file: 'suunnitelma.pdf', heading: '2 Kotiopetus', page: 1 },
      law: ['Perusopetuslaki 26 §'],
      reviewed: today(),
    });
    expect(plan.sections.get('kotiopetus/valvonta')).toMatchObject({
      number: '2.1',
      title: { fi: 'Valvonta' },
      source: { heading: '2.1 Valvonta', page: 1, lastPage: 2 },
      body: {
        fi: [
          { kind: 'paragraph', text: 'Asuinkunta valvoo edistymistä.' },
          { kind: 'heading', level: 3, text: '2.1.1 Tutkiva opettaja' },
          { kind: 'paragraph', text: 'Sivistystoimi nimeää tutkivan opettajan. Opettaja tapaa lapsen kerran lukukaudessa.' },
        ],
      },
    });
    expect(plan.sections.get('yhteistyo-huoltajien-kanssa')!.body.fi![0]).toEqual({
      kind: 'paragraph',
      text: 'Koulu tekee yhteistyötä huoltajien kanssa. Huoltajalle kerrotaan opiskeluhuollon palveluista lukuvuoden alussa.',
    });
  });

  it('imports a Word document and the HTML page and reports sections, words and warnings', async () => {
    writeFileSync(join(tmp, 'suunnitelma.docx'), await sampleDocx());
    const docx = run('suunnitelma.docx', '--out', 'docx');
    expect(docx.status).toBe(0);
    expect(docx.stdout).toContain('4 sections, 2 subsections, 50 words');
    expect(docx.stdout).toContain('heading "Kuraattori" gives the same id as an earlier section: renamed to opiskeluhuollon-palvelut/kuraattori-2');
    expect(loadPlan(join(tmp, 'docx')).meta.title.fi).toBe('Esimerkkialueen opiskeluhuoltosuunnitelma');

    const html = run(join(FIXTURES, 'suunnitelma.html'), '--out', 'html');
    expect(html.status).toBe(0);
    expect(html.stdout).toMatch(/5 sections, 1 subsections, \d+ words/);
    expect(html.stdout).toContain('liitteet: no text under "3 Liitteet"');
    // Short steps print no progress lines when stderr is not a terminal.
    expect(html.stderr).toBe('');
  });

  it.each([
    ['rikki.docx', Buffer.from('tämä ei ole zip'), /rikki\.docx: not a valid DOCX file \(it is not a zip archive\)/],
    ['rikki.pdf', Buffer.from('%PDF-1.4\n\u0001\u0002 roskaa ilman rakennetta'), /rikki\.pdf: not a valid PDF file/],
    ['muistio.txt', Buffer.from('Pelkkää tekstiä'), /muistio\.txt: unsupported file type "\.txt"/],
    ['tyhja.html', Buffer.from('<html><body><nav>Valikko</nav><script>x()</script></body></html>'), /tyhja\.html: no text found/],
    ['skannattu.pdf', makePdf([[], []]), /skannattu\.pdf: no text found in the document \(a scanned PDF needs text recognition/],
  ])('refuses %s with one clear error line, exit code 1 and nothing written', (name, content, message) => {
    writeFileSync(join(tmp, name), content);
    const r = run(name, '--out', 'out/plan');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('nothing was written');
    expect(existsSync(join(tmp, 'out'))).toBe(false);
  });

  it('leaves an existing output directory untouched when the input is broken', async () => {
    writeFileSync(join(tmp, 'suunnitelma.docx'), await sampleDocx());
    expect(run('suunnitelma.docx', '--out', 'out').status).toBe(0);
    const before = readFileSync(join(tmp, 'out', 'tuen-tarve.md'), 'utf8');
    writeFileSync(join(tmp, 'rikki.docx'), 'ei zip');
    expect(run('rikki.docx', '--out', 'out').status).toBe(1);
    expect(readFileSync(join(tmp, 'out', 'tuen-tarve.md'), 'utf8')).toBe(before);
    expect(readdirSync(tmp).sort()).toEqual(['out', 'rikki.docx', 'suunnitelma.docx']);
  });
});
