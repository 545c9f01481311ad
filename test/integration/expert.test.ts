import { randomUUID } from 'node:crypto';
import { cardAction, cardText, collectText, message, post, USER } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { type Connector, startConnector } from '../helpers/connector';
import { startTestStore, type TestStore } from '../helpers/store';

const EXPERT = { id: '29:user-koordinaattori', name: 'Heidi Järvinen', aadObjectId: '0a1b2c3d-0008-4000-8000-000000000008' };
const CHANNEL = '19:koordinaattorit@thread.tacv2';

describe('ask an expert (human in the loop)', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;

  beforeAll(async () => {
    store = await startTestStore('expert');
    connector = await startConnector();
    bot = await startBot({ ...store.env, PUBLIC_URL: 'https://opari.example.fi' });
  });
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
    await store?.stop();
  });

  const channel = () => ({ scope: 'channel' as const, conversationId: CHANNEL, serviceUrl: connector.url, user: EXPERT, locale: 'fi-FI' });
  const asker = () => ({ conversationId: 'a:aino-personal', serviceUrl: connector.url, locale: 'fi-FI' });

  it('keeps a question that cannot be delivered yet, and delivers it once the experts\' channel is chosen', async () => {
    const q = 'saako opettaja käyttää omaa autoa retkellä';
    const asked = await post(bot.url, cardAction('expert.ask', { question: q }, asker()));
    expect(asked.replies.find((r) => r.type === 'message')?.text).toMatch(/tallennettu \(tiketti T-[0-9A-F]{6}\).*yrittää uudelleen/);
    const [waiting] = await store.all<{ id: string; status: string; question: string }>('tickets');
    expect(waiting).toMatchObject({ status: 'unposted', question: q });

    const set = await post(bot.url, message('asiantuntijakanava', channel()));
    expect(set.replies[0].text).toMatch(/asiantuntijakanava/);
    const post1 = await connector.waitFor((c) => c.conversationId === CHANNEL && JSON.stringify(c.body).includes(q));
    expect(JSON.stringify(post1.body)).toContain('Aino Virtanen');
    const [delivered] = await store.all<{ id: string; status: string }>('tickets');
    expect(delivered.status).toBe('open');
  });

  it('refuses to set the experts\' channel outside a channel', async () => {
    const { replies } = await post(bot.url, message('asiantuntijakanava', asker()));
    expect(replies[0].text).toMatch(/vain Teams-tiimin kanavalla/);
  });

  it('posts the ticket, lets an expert claim and answer it, sends the answer to the asker and keeps it as FAQ', async () => {
    const q = 'mitä tehdään jos oppilaan lemmikkikäärme karkaa luokassa';
    const none = await post(bot.url, message(q, asker()));
    expect(cardText(none.replies[0])).toMatch(/Suunnitelma ei vastaa tähän/);

    const asked = await post(bot.url, cardAction('expert.ask', { question: q }, asker()));
    const id = /T-[0-9A-F]{6}/.exec(asked.replies.find((r) => r.type === 'message')?.text ?? '')?.[0];
    expect(id).toBeDefined();
    const kept = asked.replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value;
    expect(collectText(kept).join('\n')).toContain(`Lähetetty asiantuntijoille: tiketti ${id}`);
    const ticketPost = await connector.waitFor((c) => c.conversationId === CHANNEL && JSON.stringify(c.body).includes(id!));
    expect(JSON.stringify(ticketPost.body)).toContain(q);

    const empty = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer: '   ' }, channel()));
    const emptyCard = empty.replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value;
    expect(collectText(emptyCard).join('\n')).toContain('Kirjoita vastaus ennen lähettämistä.');

    const claim = await post(bot.url, cardAction('expert.claim', { ticketId: id }, channel()));
    expect(collectText(claim.replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value).join('\n')).toContain('Käsittelijä: Heidi Järvinen');

    const answer = 'Rauhoita luokka, sulje ovet ja ilmoita rehtorille. Huoltaja noutaa eläimen.';
    const before = connector.calls.length;
    const done = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer, saveFaq: 'true' }, channel()));
    expect(collectText(done.replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value).join('\n')).toContain('Vastattu');
    const toAsker = await connector.waitFor((c) => c.conversationId === 'a:aino-personal' && JSON.stringify(c.body).includes('Asiantuntija vastasi'));
    expect(connector.calls.length).toBeGreaterThan(before);
    expect(JSON.stringify(toAsker.body)).toContain(answer);

    const again = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer: 'toinen vastaus' }, channel()));
    expect(JSON.stringify(again.replies)).not.toContain('toinen vastaus');

    // The FAQ answers the same question from now on, on every instance.
    const second = await startBot({ ...store.env, PUBLIC_URL: 'https://opari.example.fi' });
    try {
      const faq = await post(second.url, message('lemmikkikäärme karkasi luokassa, mitä teen?', asker()));
      const text = cardText(faq.replies[0]);
      expect(text).toContain(answer);
      expect(text).toMatch(/asiantuntijoiden vastaus \(UKK\)/);
      // Its citation opens a page with the question and the answer.
      const cited = (faq.replies[0].entities?.[0] as { citation: { appearance: { url: string } }[] }).citation[0].appearance.url;
      const page = await fetch(cited.replace('https://opari.example.fi', second.url));
      expect(page.status).toBe(200);
      expect(await page.text()).toContain(answer);
    } finally {
      await second.stop();
    }
    expect(USER.name).toBe('Aino Virtanen');
  });

  it('asks once when the same Ask-an-expert click comes twice, and sends one answer to the asker however often it is submitted', async () => {
    const q = 'kuka päättää koulun kummieläimen nimestä';
    const card = randomUUID();
    const ask = () => post(bot.url, { ...cardAction('expert.ask', { question: q }, asker()), replyToId: card });
    const [a, b] = await Promise.all([ask(), ask()]);
    const c = await ask();
    const cardOf = (r: Awaited<ReturnType<typeof ask>>) => JSON.stringify(r.replies.find((x) => x.type === 'invokeResponse')?.value?.body?.value);
    expect(cardOf(b)).toBe(cardOf(a));
    expect(cardOf(c)).toBe(cardOf(a));
    const tickets = (await store.all<{ id: string; question: string }>('tickets')).filter((t) => t.question === q);
    expect(tickets).toHaveLength(1);
    const id = tickets[0].id;
    await connector.waitFor((x) => x.conversationId === CHANNEL && JSON.stringify(x.body).includes(id));
    expect(connector.calls.filter((x) => x.conversationId === CHANNEL && x.method === 'POST' && JSON.stringify(x.body).includes(q))).toHaveLength(1);

    const answer = 'Oppilaskunnan hallitus ehdottaa, rehtori päättää.';
    const answerCard = randomUUID();
    const reply = () => post(bot.url, { ...cardAction('expert.answer', { ticketId: id, answer, saveFaq: 'true' }, channel()), replyToId: answerCard });
    await Promise.all([reply(), reply()]);
    await reply();
    await connector.waitFor((x) => x.conversationId === 'a:aino-personal' && JSON.stringify(x.body).includes(answer));
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.calls.filter((x) => x.conversationId === 'a:aino-personal' && JSON.stringify(x.body).includes(answer))).toHaveLength(1);
    expect((await store.all<{ ticketId?: string; kind: string }>('faq')).filter((f) => f.kind === 'entry' && f.ticketId === id)).toHaveLength(1);
  });

  it('refuses malformed ticket actions without changing anything', async () => {
    const bad = await post(bot.url, cardAction('expert.answer', { ticketId: '../../etc', answer: 'x' }, channel()));
    expect(bad.replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value).toBe('Tikettiä ei löytynyt.');
    const noQuestion = await post(bot.url, cardAction('expert.ask', { question: '' }, asker()));
    expect(noQuestion.replies.find((r) => r.type === 'message')?.text).toMatch(/Kysymys puuttuu/);
  });
});
