import { join } from 'node:path';
import { messages } from '../../src/i18n';
import { type Lang, stem } from '../../src/plan/analyze';
import { PlanService } from '../../src/plan/answer';
import { Glossary } from '../../src/plan/glossary';
import { importDocument } from '../../src/plan/import';
import { parsePlan, type PlanFile } from '../../src/plan/load';
import type { Plan } from '../../src/plan/model';
import { OffTopic } from '../../src/plan/offtopic';
import { PlanIndex } from '../../src/plan/search';
import { ROOT } from '../../src/paths';
import { answerCard } from '../../src/ui/answerCard';

/**
 * A plan written in Swedish (a Swedish-speaking region's elevhälsoplan) is imported, stored, searched and quoted as
 * Swedish, and the answer card tells every user which language the quoted text is in.
 */
const SWEDISH = `<!doctype html><html lang="sv"><body>
<h1>Elevhälsoplan för Exempelregionen</h1>
<h2>1 Kuratorns tjänster</h2>
<p>Kuratorn stöder elevernas skolgång och välbefinnande. En elev som ber om det ska få träffa kuratorn senast den sjunde arbetsdagen efter att eleven bett om det.</p>
<p>Kuratorns samtal med eleven är konfidentiella och antecknas i elevhälsojournalen.</p>
<h2>2 Frånvaro</h2>
<p>Läraren följer elevens frånvaro och kontaktar vårdnadshavaren när frånvaron upprepas. Rektorn beslutar om ledighet som är längre än tre dagar.</p>
<h2>3 Den individuella planen</h2>
<p>Rektorn ansvarar för att elevens individuella plan görs upp tillsammans med eleven och vårdnadshavaren. Planen ses över minst en gång per läsår.</p>
</body></html>`;

const FINNISH = `<!doctype html><html><body>
<h1>Esimerkkialueen opiskeluhuoltosuunnitelma</h1>
<h2>1 Kuraattoripalvelut</h2>
<p>Kuraattori tukee oppilaiden koulunkäyntiä ja hyvinvointia. Oppilaan on päästävä keskustelemaan kuraattorin kanssa viimeistään seitsemäntenä työpäivänä siitä, kun hän sitä pyysi.</p>
<h2>2 Poissaolot</h2>
<p>Opettaja seuraa oppilaan poissaoloja ja on yhteydessä huoltajaan, kun poissaolot toistuvat. Rehtori päättää yli kolmen päivän lomista.</p>
</body></html>`;

const glossary = Glossary.load(join(ROOT, 'content', 'glossary.yml'));
const offTopic = OffTopic.load(join(ROOT, 'content', 'offtopic.yml'));

async function imported(html: string, file: string): Promise<{ plan: Plan; service: PlanService }> {
  const result = await importDocument(Buffer.from(html), file, { date: '2026-05-04' });
  const files: PlanFile[] = result.files.filter((f) => typeof f.content === 'string').map((f) => ({ path: f.path, text: f.content as string }));
  const plan = parsePlan(files, file);
  return { plan, service: new PlanService(plan, new PlanIndex(plan, glossary), 'http://x', offTopic) };
}

describe('a plan imported from a Swedish document', () => {
  let swedish: { plan: Plan; service: PlanService };
  beforeAll(async () => {
    swedish = await imported(SWEDISH, 'elevhalsoplan.html');
  });

  it('is stored as Swedish: titles and bodies under sv, nothing passed off as Finnish', async () => {
    const { plan } = swedish;
    expect(plan.meta).toMatchObject({ lang: 'sv', title: { sv: 'Elevhälsoplan för Exempelregionen' } });
    expect(plan.meta.title.fi).toBeUndefined();
    expect(plan.topLevel).toEqual(['kuratorns-tjanster', 'franvaro', 'den-individuella-planen']);
    for (const s of plan.sections.values()) {
      expect(s.lang).toBe('sv');
      expect(s.title.fi).toBeUndefined();
      expect(s.body.fi).toBeUndefined();
    }
    expect(plan.sections.get('franvaro')).toMatchObject({ number: '2', title: { sv: 'Frånvaro' } });
    expect(plan.sections.get('franvaro')!.body.sv![0]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('Rektorn beslutar om ledighet') });
  });

  it('is searched as Swedish: its passages are Swedish and its words are stemmed the Swedish way', () => {
    const { service } = swedish;
    // "beslutar" is the Swedish stem "beslut", never the Finnish "beslutar".
    expect(service.index.knows(stem('beslutar', 'sv'))).toBe(true);
    expect(service.index.knows(stem('beslutar', 'fi'))).toBe(false);
    expect(service.index.search('Vem bestämmer om ledigheten?', 3, 'sv').hits[0]?.section.id).toBe('franvaro');
    const hit = service.index.search('Hur snabbt får en elev träffa kuratorn?', 3, 'sv').hits[0];
    expect(hit.section.id).toBe('kuratorns-tjanster');
    expect(hit.passage?.lang).toBe('sv');
    for (const lang of ['fi', 'en'] as Lang[]) expect(service.index.search('Vem beslutar om ledighet?', 3, lang).hits[0].passage?.lang).toBe('sv');
  });

  it.each([
    ['sv', ''],
    ['fi', 'Tämä kohta on suunnitelmassa vain ruotsiksi.'],
    ['en', 'This section is in the plan in Swedish only.'],
  ] as [Lang, string][])('quotes the Swedish text to a %s user and says so where the user reads another language', (lang, note) => {
    const { plan, service } = swedish;
    const a = service.answer('Vem ansvarar för att elevens individuella plan görs upp?', lang);
    expect(a.kind === 'answer' && a.best.id).toBe('den-individuella-planen');
    if (a.kind !== 'answer') return;
    expect(a.best.passages.map((p) => p.lang)).toEqual(['sv']);
    expect(JSON.stringify(a.best.passages[0].blocks)).toContain('Rektorn ansvarar');
    const card = JSON.stringify(answerCard(a, plan, messages(lang)));
    expect(card).toContain('Rektorn ansvarar');
    if (note) expect(card).toContain(note);
    for (const l of ['fi', 'sv', 'en'] as Lang[]) {
      const other = messages(lang).planLanguage.card[l];
      if (other !== note) expect(card).not.toContain(other);
    }
    expect(card).not.toMatch(/finska|suomeksi|Finnish only/);
  });
});

describe('a plan imported from a Finnish document', () => {
  it('stays Finnish, and a Swedish or English user is told the quoted text is in Finnish', async () => {
    const { plan, service } = await imported(FINNISH, 'suunnitelma.html');
    expect(plan.meta.lang).toBe('fi');
    expect([...plan.sections.values()].map((s) => [s.lang, Object.keys(s.body)])).toEqual([
      ['fi', ['fi']],
      ['fi', ['fi']],
    ]);
    const a = service.answer('kuka päättää oppilaan lomista?', 'sv');
    expect(a.kind === 'answer' && a.best.passages[0].lang).toBe('fi');
    expect(JSON.stringify(answerCard(a, plan, messages('sv')))).toContain('Det här avsnittet finns i planen endast på finska.');
  });
});

describe('the plan loader', () => {
  const section = (id: string, title: string, body: string) => ({ path: `${id}.md`, text: `---\nid: ${id}\ntitle:\n  ${title}\n---\n${body}\n` });

  it('reads an unmarked body in the language _plan.yml names, and keeps Finnish the language of a section written in Finnish', () => {
    const plan = parsePlan(
      [
        section('franvaro', 'sv: Frånvaro', 'Läraren följer elevens frånvaro.'),
        section('kiusaaminen', 'fi: Kiusaaminen', 'Koulu puuttuu kiusaamiseen.\n\n<!-- lang:sv -->\nSkolan ingriper mot mobbning.'),
        { path: '_plan.yml', text: 'title:\n  sv: Elevhälsoplan\nlang: sv\n' },
      ],
      'test',
    );
    expect(plan.meta.lang).toBe('sv');
    expect(plan.sections.get('franvaro')).toMatchObject({ lang: 'sv', body: { sv: [{ kind: 'paragraph', text: 'Läraren följer elevens frånvaro.' }] } });
    expect(plan.sections.get('franvaro')!.body.fi).toBeUndefined();
    expect(plan.sections.get('kiusaaminen')).toMatchObject({ lang: 'fi', body: { sv: [{ kind: 'paragraph', text: 'Skolan ingriper mot mobbning.' }] } });
  });

  it('takes a plan without _plan.yml as written in the language its sections are in', () => {
    const plan = parsePlan([section('frequency', 'en: Absences', '<!-- lang:en -->\nTeachers follow absences.')], 'test');
    expect(plan.meta.lang).toBe('en');
    expect(plan.sections.get('frequency')).toMatchObject({ lang: 'en', title: { en: 'Absences' } });
    expect(plan.sections.get('frequency')!.body.fi).toBeUndefined();
  });
});
