import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { azuriteConnectionString, startAzurite } from '../../src/store/originals';
import { type BotReply, cardAction, cardText, collectText, message, post, USER } from '../helpers/activities';
import { ROOT, startBot, type RunningBot } from '../helpers/bot';
import { type Connector, startConnector } from '../helpers/connector';
import { startTestStore, type TestStore } from '../helpers/store';

/**
 * An admin sends the region's plan to Opari in a personal chat, as Teams delivers a file to a bot: a
 * message with an `application/vnd.microsoft.teams.file.download.info` attachment whose download URL a
 * local server here answers. Two bot processes share one Cosmos store and one Blob store, as two instances.
 */
const FIXTURES = join(__dirname, '..', 'fixtures', 'plan-import');
const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';
const OTHER = { id: '29:user-opettaja', name: 'Ville Opettaja', aadObjectId: '0a1b2c3d-0009-4000-8000-000000000009' };

/** Serves the fixtures at /<name>; /huge.pdf declares 60 MB. Counts the downloads. */
async function startFileServer(): Promise<{ url: string; downloads: string[]; stop(): Promise<void> }> {
  const downloads: string[] = [];
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent((req.url ?? '/').slice(1));
    downloads.push(name);
    if (name === 'huge.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(60 * 1024 * 1024) });
      res.write(Buffer.alloc(1024));
      return; // never finishes: the bot must stop reading on the declared length
    }
    const path = name.startsWith('../') ? join(FIXTURES, name.slice(3)) : join(FIXTURES, 'real', name);
    try {
      const bytes = readFileSync(path);
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(bytes.length) });
      res.end(bytes);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    downloads,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

describe("uploading and publishing the region's own plan from Teams", () => {
  let store: TestStore;
  let blobs: { url: string; close(): Promise<void> };
  let files: Awaited<ReturnType<typeof startFileServer>>;
  let connector: Connector;
  let bot: RunningBot;
  let second: RunningBot;
  const PUBLIC_URL = 'https://opari.example.fi';

  beforeAll(async () => {
    store = await startTestStore('plans');
    blobs = await startAzurite();
    files = await startFileServer();
    connector = await startConnector();
    const env = { ...store.env, BLOB_CONNECTION_STRING: azuriteConnectionString(blobs.url), PUBLIC_URL, PLAN_POLL_MS: '300', ADMIN_USERS: USER.aadObjectId };
    // Two processes (the second after the first has created the containers), each building the plan's index.
    bot = await startBot(env, { healthyWithinMs: 60_000 });
    second = await startBot(env, { healthyWithinMs: 60_000 });
  });
  afterAll(async () => {
    await Promise.all([bot?.stop(), second?.stop()]);
    await connector?.stop();
    await files?.stop();
    await blobs?.close();
    await store?.stop();
  });

  const personal = (conversationId: string, user = USER) => ({ conversationId, serviceUrl: connector.url, locale: 'fi-FI', user });
  const upload = (name: string, conversationId: string, o: { path?: string; user?: typeof USER; scope?: 'personal' | 'channel' } = {}) => ({
    ...message('', { ...personal(conversationId, o.user), scope: o.scope }),
    text: undefined,
    attachments: [
      {
        contentType: FILE_INFO,
        name,
        contentUrl: `${files.url}/${o.path ?? name}`,
        content: { downloadUrl: `${files.url}/${encodeURIComponent(o.path ?? name)}`, uniqueId: 'x', fileType: name.split('.').pop() },
      },
    ],
  });
  /** The next thing the bot sent proactively to a conversation (the preview card or a refusal). */
  const proactive = async (conversationId: string, after: number) => {
    const call = await connector.waitFor((c) => c.conversationId === conversationId && c.method === 'POST' && connector.calls.indexOf(c) >= after, 30_000);
    return call.body as unknown as BotReply;
  };
  const invokeCard = (r: { replies: BotReply[] }) => r.replies.find((x) => x.type === 'invokeResponse')?.value?.body?.value;
  const citations = (reply: BotReply | undefined) =>
    ((reply?.entities?.find((e) => e.type === 'https://schema.org/Message') as { citation?: { appearance: { name: string; url: string; abstract: string } }[] } | undefined)?.citation ?? []).map(
      (c) => c.appearance,
    );

  let versionId = '';

  it('acknowledges at once, imports in the background and shows the structure with what to check', async () => {
    const conv = 'a:admin-upload';
    const before = connector.calls.length;
    const ack = await post(bot.url, upload('ammatillinen-koulutus-opas-fi.pdf', conv));
    expect(ack.replies.map((r) => r.text)).toEqual(['Luen tiedostoa ammatillinen-koulutus-opas-fi.pdf. Näytän hetken kuluttua, mitä siitä löytyi.']);
    const preview = await proactive(conv, before);
    const text = cardText(preview);
    expect(text).toContain('Luonnos: Opiskelijan tuki ja turvallinen opiskeluympäristö');
    expect(text).toContain('3 lukua, 35 alakohtaa, 3\u00a0870 sanaa · 16 sivua · Tiedosto: ammatillinen-koulutus-opas-fi.pdf');
    expect(text).toContain('1 Osaamisen hankkiminen · 8 alakohtaa · s. 4');
    expect(text).toContain('2 Turvallinen opiskeluympäristö · 14 alakohtaa · s. 6');
    expect(text).toContain('• table of contents dropped (pages 2–3, 38 entries)');
    versionId = /"versionId":"(v-\d{8}-[0-9a-f]{8})"/.exec(JSON.stringify(preview))![1];
  });

  it('answers a question from the draft on the card, while everyone else still gets the plan in force', async () => {
    const tried = await post(bot.url, cardAction('plan.draft.try', { versionId, question: 'kurinpito asuntolassa' }, personal('a:admin-upload')));
    expect(collectText(invokeCard(tried)).join('\n')).toContain('Luonnoksen vastaus: 2.7 Kurinpito asuntolassa (86 §) (s. 9)');
    const asked = await post(second.url, message('kurinpito asuntolassa', personal('a:someone')));
    expect(
      citations(asked.replies[0])
        .map((c) => c.name)
        .join(),
    ).not.toContain('86 §');
  });

  it('publishes: every instance answers from the new plan within seconds, cited by its numbers and pages', async () => {
    const published = await post(bot.url, cardAction('plan.draft.publish', { versionId }, personal('a:admin-upload')));
    expect(collectText(invokeCard(published)).join('\n')).toContain('Julkaistu: Opiskelijan tuki ja turvallinen opiskeluympäristö.');
    for (const instance of [bot, second]) {
      let reply: BotReply | undefined;
      for (let i = 0; i < 50 && !citations(reply)[0]?.name.includes('86 §'); i++) {
        reply = (await post(instance.url, message('kurinpito asuntolassa', personal('a:someone')))).replies[0];
        if (!citations(reply)[0]?.name.includes('86 §')) await new Promise((r) => setTimeout(r, 200));
      }
      const [first] = citations(reply);
      expect(first.name).toBe('2.7 Kurinpito asuntolassa (86 §) (s. 9)');
      expect(first.abstract).toBe('2 Turvallinen opiskeluympäristö › 2.7 Kurinpito asuntolassa (86 §)');
      expect(reply!.text).toMatch(/^2\.7 Kurinpito asuntolassa \(86 §\) \(s\. 9\) \[1\]/);
      expect(cardText(reply)).toContain('Lähde: Opiskelijan tuki ja turvallinen opiskeluympäristö › 2 Turvallinen opiskeluympäristö › 2.7 Kurinpito asuntolassa (86 §) (s. 9)');
    }
  });

  it("links the plan page to the original document at the section's page, served by any instance", async () => {
    const page = await (await fetch(`${second.url}/plan/turvallinen-opiskeluymparisto/kurinpito-asuntolassa-86`)).text();
    expect(page).toContain('<h1>2.7 Kurinpito asuntolassa (86 §)</h1>');
    const href = /<a class="original" href="([^"]+)">Alkuperäinen asiakirja \(sivu 9\)<\/a>/.exec(page)?.[1];
    expect(href).toBe(`/plan-file/${versionId}/ammatillinen-koulutus-opas-fi.pdf#page=9`);
    const original = await fetch(`${second.url}${href!.replace(/#.*/, '')}`);
    expect(original.status).toBe(200);
    expect(original.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await original.arrayBuffer()).equals(readFileSync(join(FIXTURES, 'real', 'ammatillinen-koulutus-opas-fi.pdf')))).toBe(true);
  });

  it('keeps the previous version: a second upload is published, then the first restored', async () => {
    const conv = 'a:admin-upload';
    const before = connector.calls.length;
    await post(bot.url, upload('lukiolaki-fi.docx', conv));
    const preview = await proactive(conv, before);
    const second = /"versionId":"(v-\d{8}-[0-9a-f]{8})"/.exec(JSON.stringify(preview))![1];
    await post(bot.url, cardAction('plan.draft.publish', { versionId: second }, personal(conv)));
    const list = await post(bot.url, message('suunnitelman versiot', personal(conv)));
    const listed = JSON.stringify(list.replies[0].attachments![0].content);
    expect(cardText(list.replies[0])).toMatch(/Lukiolaki · lukiolaki-fi\.docx · julkaistu (ma|ti|ke|to|pe|la|su) \d+\.\d+\.\d{4}\nVoimassa/);
    expect(listed).toContain(`"verb":"plan.version.restore","data":{"versionId":"${versionId}"}`);
    const restored = await post(bot.url, cardAction('plan.version.restore', { versionId }, personal(conv)));
    expect(collectText(invokeCard(restored)).join('\n')).toContain('Palautettu: Opiskelijan tuki ja turvallinen opiskeluympäristö.');
    const asked = await post(bot.url, message('kurinpito asuntolassa', personal('a:someone')));
    expect(citations(asked.replies[0])[0].name).toBe('2.7 Kurinpito asuntolassa (86 §) (s. 9)');
  });

  it('discards a draft: the plan in force stays', async () => {
    const conv = 'a:admin-upload';
    const before = connector.calls.length;
    await post(bot.url, upload('sosiaalihuoltolaki-fi.html', conv));
    const draft = /"versionId":"(v-\d{8}-[0-9a-f]{8})"/.exec(JSON.stringify(await proactive(conv, before)))![1];
    const discarded = await post(bot.url, cardAction('plan.draft.discard', { versionId: draft }, personal(conv)));
    expect(invokeCard(discarded)).toBe('Luonnos Sosiaalihuoltolaki hylättiin. Voimassa oleva suunnitelma ei muuttunut.');
    const again = await post(bot.url, cardAction('plan.draft.publish', { versionId: draft }, personal(conv)));
    expect(invokeCard(again)).toBe('Tätä suunnitelman versiota ei enää ole.');
  });

  it('makes one draft of a message Teams delivers twice, even to another instance', async () => {
    const conv = 'a:admin-redelivery';
    const drafts = async () => (await store.all<{ kind: string; status: string; file?: { name: string } }>('plans')).filter((d) => d.kind === 'version' && d.file?.name === 'lukiolaki-fi.html');
    const before = connector.calls.length;
    const activity = upload('lukiolaki-fi.html', conv);
    await post(bot.url, activity);
    await proactive(conv, before);
    // The same activity (same id) again: to this instance, and to the other one.
    await post(bot.url, activity);
    await post(second.url, activity);
    await new Promise((res) => setTimeout(res, 1500));
    expect((await drafts()).map((d) => d.status)).toEqual(['draft']);
    const previews = connector.calls.filter((c, i) => i >= before && c.conversationId === conv && c.method === 'POST' && JSON.stringify(c.body).includes('versionId'));
    expect(previews).toHaveLength(1);
  });

  describe('refuses, with a clear message, and changes nothing', () => {
    const versionsNow = async () =>
      (await store.all<{ kind: string; status: string }>('plans'))
        .filter((d) => d.kind === 'version')
        .map((d) => d.status)
        .sort();
    let versions: string[];
    beforeAll(async () => {
      versions = await versionsNow();
    });
    afterAll(async () => {
      expect(await versionsNow()).toEqual(versions);
      const asked = await post(bot.url, message('kurinpito asuntolassa', personal('a:someone')));
      expect(citations(asked.replies[0])[0].name).toBe('2.7 Kurinpito asuntolassa (86 §) (s. 9)');
    });

    it('a user who is not an admin, without even downloading the file', async () => {
      const n = files.downloads.length;
      const r = await post(bot.url, upload('lukiolaki-fi.pdf', 'a:teacher', { user: OTHER }));
      expect(r.replies.map((x) => x.text)).toEqual(['Vain Oparin ylläpitäjä voi tuoda suunnitelman. Tiedostoa ei käsitelty.']);
      await new Promise((res) => setTimeout(res, 300));
      expect(files.downloads.length).toBe(n);
    });

    it('a file sent in a channel', async () => {
      const r = await post(bot.url, upload('lukiolaki-fi.pdf', '19:kanava@thread.tacv2', { scope: 'channel' }));
      expect(r.replies.map((x) => x.text)).toEqual(['Lähetä suunnitelma minulle henkilökohtaisessa keskustelussa.']);
    });

    it('a file of the wrong type', async () => {
      const r = await post(bot.url, upload('README.md', 'a:admin-upload'));
      expect(r.replies.map((x) => x.text)).toEqual(['Tiedosto README.md ei ole PDF, Word-asiakirja (.docx) eikä tallennettu verkkosivu (.html). Mitään ei muutettu.']);
    });

    it.each([
      ['huge.pdf', 'huge.pdf', 'Tiedosto huge.pdf on yli 50 Mt. Mitään ei muutettu.'],
      ['salattu.pdf', '../salattu.pdf', 'Tiedosto salattu.pdf on suojattu salasanalla. Tallenna siitä kopio ilman salasanaa ja lähetä se. Mitään ei muutettu.'],
      ['skannattu.pdf', '../skannattu.pdf', 'Tiedostossa skannattu.pdf ei ole luettavaa tekstiä: se on ilmeisesti skannattu kuvina ja tarvitsee tekstintunnistuksen (OCR). Mitään ei muutettu.'],
      ['rikki.docx', 'lukiolaki-fi.pdf', 'Tiedostoa rikki.docx ei voitu lukea: se voi olla vioittunut. Mitään ei muutettu.'],
    ])('%s', async (name, path, text) => {
      const conv = `a:refuse-${name}`;
      const before = connector.calls.length;
      const ack = await post(bot.url, upload(name, conv, { path }));
      expect(ack.replies[0].text).toContain(name);
      expect((await proactive(conv, before)).text).toBe(text);
    });
  });
});

describe('a plan kept as files (PLAN_DIR) imported from a PDF', () => {
  let dir: string;
  let bot: RunningBot;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'plan-dir-'));
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'planImport.js'), join(FIXTURES, 'real', 'lukiolaki-fi.pdf'), '--out', join(dir, 'plan')], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    bot = await startBot({ PLAN_DIR: join(dir, 'plan'), PUBLIC_URL: 'https://opari.example.fi' }, { healthyWithinMs: 60_000 });
  });
  afterAll(async () => {
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers from it with numbers and pages, and its plan pages link to the original kept beside it', async () => {
    const asked = await post(bot.url, message('Henkilökohtainen opintosuunnitelma', { conversationId: 'a:dir', locale: 'fi-FI' }));
    expect(asked.replies[0].text).toMatch(/^26 § Henkilökohtainen opintosuunnitelma \(s\. 2\) \[1\]/);
    const page = await (await fetch(`${bot.url}/plan/opiskelijan-oikeudet-ja-velvollisuudet/henkilokohtainen-opintosuunnitelma`)).text();
    const href = /<a class="original" href="([^"]+)">Alkuperäinen asiakirja \(sivu 2\)<\/a>/.exec(page)?.[1];
    expect(href).toBe('/plan-file/local/lukiolaki-fi.pdf#page=2');
    const original = await fetch(`${bot.url}/plan-file/local/lukiolaki-fi.pdf`);
    expect(original.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await original.arrayBuffer()).equals(readFileSync(join(FIXTURES, 'real', 'lukiolaki-fi.pdf')))).toBe(true);
    expect((await fetch(`${bot.url}/plan-file/local/..%2Fplan.yml`)).status).toBe(404);
  });
});
