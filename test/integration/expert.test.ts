import { randomUUID } from 'node:crypto';
import { FaqLinks } from '../../src/expert/faqLinks';
import { KeyRing } from '../../src/store/crypto';
import { botAdded, cardAction, cardText, collectText, message, post, TENANT, USER } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import { TEST_CASE_KEYS, type TestStore } from '../helpers/store';

const EXPERT = { id: '29:user-koordinaattori', name: 'Heidi Järvinen', aadObjectId: '0a1b2c3d-0008-4000-8000-000000000008' };
const ADMIN = { id: '29:user-admin', name: 'Pekka Pääkäyttäjä', aadObjectId: '0a1b2c3d-000a-4000-8000-00000000000a' };
const CHANNEL = '19:koordinaattorit@thread.tacv2';
const PUBLIC = 'https://opari.example.fi';

const invokeCard = (replies: { type: string; value?: { body?: { value?: unknown } } }[]) => replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value;

describe('ask an expert (human in the loop)', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack('expert', { env: { PUBLIC_URL: PUBLIC, ADMIN_USERS: ADMIN.aadObjectId } });
    ({ store, connector, bot } = stack);
    await post(bot.url, botAdded({ conversationId: 'a:admin-personal', serviceUrl: connector.url, user: ADMIN }), { expectReplies: false });
  });
  afterAll(() => stack?.stop());

  const channel = (user = EXPERT) => ({ scope: 'channel' as const, conversationId: `${CHANNEL};messageid=1733300000001`, serviceUrl: connector.url, user, locale: 'fi-FI' });
  const asker = () => ({ conversationId: 'a:aino-personal', serviceUrl: connector.url, locale: 'fi-FI' });
  const said = (replies: { type: string; text?: string }[]) => replies.find((r) => r.type === 'message')?.text ?? '';
  const ticketId = (text: string) => /T-[0-9A-F]{6}/.exec(text)?.[0];

  it("lets only an admin choose the experts' channel", async () => {
    const { replies } = await post(bot.url, message('asiantuntijakanava', channel(EXPERT)));
    expect(replies[0].text).toBe('Asiantuntijakanavan voi valita vain Oparin ylläpitäjä.');
    expect((await store.all<{ id: string }>('settings')).filter((s) => s.id === 'expert-channel')).toEqual([]);
  });

  it('offers the asker the question to check and edit before sending, with a reminder not to name the pupil', async () => {
    const q = 'mitä tehdään kun Matti Meikäläinen tuo käärmeen kouluun';
    const none = await post(bot.url, message(q, asker()));
    const card = none.replies[0].attachments?.[0].content;
    expect(cardText(none.replies[0])).toMatch(/Suunnitelma ei vastaa tähän/);
    const show = JSON.stringify(card);
    expect(show).toContain('"type":"Action.ShowCard"');
    expect(show).toContain(`"id":"expertQuestion"`);
    expect(show).toContain(`"value":"${q}"`);
    expect(collectText(card).join('\n')).toContain('älä mainitse oppilaan nimeä');
  });

  it('says the question waits for an experts\' channel (never "sent"), tells the admin once in their personal chat, and delivers it when the admin chooses the channel', async () => {
    const raw = 'mitä tehdään kun Matti Meikäläinen tuo käärmeen kouluun';
    const edited = 'mitä tehdään, jos oppilas tuo käärmeen kouluun';
    const asked = await post(bot.url, cardAction('expert.ask', { question: raw, expertQuestion: edited }, asker()));
    expect(said(asked.replies)).toMatch(/tallennettu \(tiketti T-[0-9A-F]{6}\), mutta asiantuntijakanavaa ei ole vielä valittu/);
    const kept = collectText(invokeCard(asked.replies)).join('\n');
    expect(kept).toMatch(/Odottaa asiantuntijakanavaa: tiketti T-[0-9A-F]{6}/);
    expect(kept).not.toMatch(/Lähetetty/);
    const id = ticketId(said(asked.replies))!;

    const hint = await connector.waitFor((c) => c.conversationId === 'a:admin-personal' && JSON.stringify(c.body).includes('kirjoita kanavalla'));
    expect(JSON.stringify(hint.body)).toContain('asiantuntijakanava');
    await post(bot.url, cardAction('expert.ask', { question: 'toinen kysymys käärmeistä' }, asker()));
    expect(connector.calls.filter((c) => c.conversationId === 'a:admin-personal' && JSON.stringify(c.body).includes('kirjoita kanavalla'))).toHaveLength(1);

    // The question is kept in the asker's edited wording, and encrypted at rest.
    const rawTickets = JSON.stringify(await store.all('tickets'));
    expect(rawTickets).not.toContain('käärme');
    expect(rawTickets).not.toContain('Meikäläinen');

    const set = await post(bot.url, message('asiantuntijakanava', channel(ADMIN)));
    expect(set.replies[0].text).toMatch(/asiantuntijakanava/);
    const delivered = await connector.waitFor((c) => c.conversationId.startsWith(CHANNEL) && JSON.stringify(c.body).includes(id));
    expect(JSON.stringify(delivered.body)).toContain(edited);
    expect(JSON.stringify(delivered.body)).not.toContain('Meikäläinen');
  });

  it('does not offer the experts a question that has a known right place (IT, pay, catering)', async () => {
    const { replies } = await post(bot.url, message('unohdin wilman salasanan, miten saan uuden', asker()));
    expect(cardText(replies[0])).toContain('IT-tuki');
    expect(JSON.stringify(replies[0].attachments?.[0].content)).not.toContain('expert.ask');
  });

  it("lets only experts, in their channel, handle a ticket — never its asker — and keeps the expert's wording in the FAQ", async () => {
    const q = 'mitä tehdään jos oppilaan lemmikkikäärme karkaa luokassa';
    const asked = await post(bot.url, cardAction('expert.ask', { question: q, expertQuestion: q }, asker()));
    const id = ticketId(said(asked.replies))!;
    expect(said(asked.replies)).toMatch(/lähti alueen opiskeluhuollon asiantuntijoille/);
    expect(collectText(invokeCard(asked.replies)).join('\n')).toContain(`Lähetetty asiantuntijoille: tiketti ${id}`);
    const ticketPost = await connector.waitFor((c) => c.conversationId.startsWith(CHANNEL) && JSON.stringify(c.body).includes(id));
    expect(JSON.stringify(ticketPost.body)).toContain(q);

    // The asker, in their own chat or in the experts' channel, and an expert outside the channel: refused, nothing changes.
    const refused = 'Tiketin voi käsitellä vain asiantuntijakanavalla, eikä omaa kysymystään voi käsitellä itse.';
    for (const [verb, where] of [
      ['expert.answer', asker()],
      ['expert.answer', channel(USER)],
      ['expert.claim', channel(USER)],
      ['expert.close', channel(USER)],
      ['expert.answer', { conversationId: 'a:heidi-personal', serviceUrl: connector.url, user: EXPERT, locale: 'fi-FI' }],
    ] as const) {
      const r = await post(bot.url, cardAction(verb, { ticketId: id, answer: 'Itse keksitty vastaus', saveFaq: 'true', faqQuestion: 'x' }, where));
      expect(invokeCard(r.replies)).toBe(refused);
    }
    const [untouched] = (await store.all<{ id: string; status: string }>('tickets')).filter((t) => t.id === id);
    expect(untouched.status).toBe('open');
    expect(await store.all('faq')).toHaveLength(0);

    const claim = await post(bot.url, cardAction('expert.claim', { ticketId: id }, channel()));
    expect(collectText(invokeCard(claim.replies)).join('\n')).toContain('Käsittelijä: Heidi Järvinen');
    const empty = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer: '   ' }, channel()));
    expect(collectText(invokeCard(empty.replies)).join('\n')).toContain('Kirjoita vastaus ennen lähettämistä.');

    // Saving to the FAQ takes the expert's wording of the question.
    const answer = 'Rauhoita luokka, sulje ovet ja ilmoita rehtorille. Huoltaja noutaa eläimen.';
    const noWording = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer, saveFaq: 'true', faqQuestion: ' ' }, channel()));
    expect(collectText(invokeCard(noWording.replies)).join('\n')).toContain('Kirjoita UKK:n kysymys');
    const faqQuestion = 'Mitä tehdään, kun lemmikkieläin karkaa luokassa?';
    const done = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer, saveFaq: 'true', faqQuestion }, channel()));
    expect(collectText(invokeCard(done.replies)).join('\n')).toContain('Vastattu');
    const toAsker = await connector.waitFor((c) => c.conversationId === 'a:aino-personal' && JSON.stringify(c.body).includes('Asiantuntija vastasi'));
    expect(JSON.stringify(toAsker.body)).toContain(answer);

    const again = await post(bot.url, cardAction('expert.answer', { ticketId: id, answer: 'toinen vastaus' }, channel()));
    expect(JSON.stringify(again.replies)).not.toContain('toinen vastaus');

    // At rest: neither the FAQ nor the ticket holds the question or the answer in clear.
    const rawFaq = JSON.stringify(await store.all('faq'));
    expect(rawFaq).not.toContain('lemmikki');
    expect(rawFaq).not.toContain('Rauhoita');
    expect(JSON.stringify(await store.all('tickets'))).not.toContain('Rauhoita');
  });

  it('answers from the FAQ on every instance, and serves its page only for a link signed for the tenant', async () => {
    const second = await startBot({ ...store.env, PUBLIC_URL: PUBLIC });
    try {
      const faq = await post(second.url, message('lemmikkieläin karkasi luokassa, mitä teen?', asker()));
      const text = cardText(faq.replies[0]);
      expect(text).toContain('Rauhoita luokka');
      expect(text).toMatch(/asiantuntijoiden vastaus \(UKK\)/);
      const cited = (faq.replies[0].entities?.[0] as { citation: { appearance: { url: string } }[] }).citation[0].appearance.url;
      expect(cited).toMatch(/\/faq\/faq-[0-9a-f]{8}\?t=.+&e=\d+&s=[A-Za-z0-9_-]{43}$/);
      const signed = new URL(cited.replace(PUBLIC, second.url));
      const page = await fetch(signed);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Mitä tehdään, kun lemmikkieläin karkaa luokassa?');
      expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors [^;]*teams\.microsoft\.com/);

      const id = signed.pathname.split('/').pop()!;
      const unsigned = await fetch(`${second.url}/faq/${id}`);
      expect(unsigned.status).toBe(404);
      expect(await unsigned.text()).not.toContain('Rauhoita');
      const otherTenant = new URL(signed);
      otherTenant.searchParams.set('t', '11111111-2222-4333-8444-555555555555');
      expect((await fetch(otherTenant)).status).toBe(404);
      // A genuine link of another tenant does not open this tenant's entry.
      const links = new FaqLinks(KeyRing.fromEnv(TEST_CASE_KEYS), second.url);
      expect((await fetch(links.url(id, '11111111-2222-4333-8444-555555555555'))).status).toBe(404);
      // An old link says it expired and how to get a new one.
      const old = new FaqLinks(KeyRing.fromEnv(TEST_CASE_KEYS), second.url, () => Date.now() - 2 * 24 * 3600_000);
      const expired = await fetch(old.url(id, TENANT));
      expect(expired.status).toBe(403);
      expect(await expired.text()).toContain('Linkki on vanhentunut');
    } finally {
      await second.stop();
    }
  });

  it('keeps 👍/👎 without the question in clear', async () => {
    await post(bot.url, cardAction('plan.feedback', { vote: 'down', question: 'Matti Meikäläinen ja kotiopetus', sectionIds: 'kotiopetus' }, asker()));
    const [vote] = await store.all<Record<string, unknown>>('feedback');
    expect(vote).toMatchObject({ vote: 'down', sectionIds: ['kotiopetus'], secret: expect.objectContaining({ kid: 'ktest' }) });
    expect(JSON.stringify(vote)).not.toContain('Meikäläinen');
  });

  it('asks once when the same Ask-an-expert click comes twice, and sends one answer to the asker however often it is submitted', async () => {
    const q = 'saako koulun katolle rakentaa mehiläispesän';
    const card = randomUUID();
    const before = (await store.all('tickets')).length;
    const ask = () => post(bot.url, { ...cardAction('expert.ask', { question: q, expertQuestion: q }, asker()), replyToId: card });
    const [a, b] = await Promise.all([ask(), ask()]);
    const c = await ask();
    expect((await store.all('tickets')).length).toBe(before + 1);
    const id = ticketId(collectText(invokeCard(c.replies)).join('\n'))!;
    for (const r of [a, b]) expect(collectText(invokeCard(r.replies)).join('\n')).toContain(id);
    expect(collectText(invokeCard(c.replies)).join('\n')).toContain(`Lähetetty asiantuntijoille: tiketti ${id}`);
    // The asker is told once, by the click that asked.
    expect([a, b, c].filter((r) => said(r.replies).includes(id))).toHaveLength(1);
    await connector.waitFor((x) => x.conversationId.startsWith(CHANNEL) && JSON.stringify(x.body).includes(id));
    expect(connector.calls.filter((x) => x.conversationId.startsWith(CHANNEL) && x.method === 'POST' && JSON.stringify(x.body).includes(q))).toHaveLength(1);

    const answer = 'Rehtori päättää kiinteistön omistajan kanssa.';
    const answerCard = randomUUID();
    const reply = () =>
      post(bot.url, { ...cardAction('expert.answer', { ticketId: id, answer, saveFaq: 'true', faqQuestion: 'Saako koulun katolle rakentaa mehiläispesän?' }, channel()), replyToId: answerCard });
    await Promise.all([reply(), reply()]);
    await reply();
    await connector.waitFor((x) => x.conversationId === 'a:aino-personal' && JSON.stringify(x.body).includes(answer));
    await new Promise((r) => setTimeout(r, 300));
    expect(connector.calls.filter((x) => x.conversationId === 'a:aino-personal' && JSON.stringify(x.body).includes(answer))).toHaveLength(1);
    expect((await store.all<{ ticketId?: string; kind: string }>('faq')).filter((f) => f.kind === 'entry' && f.ticketId === id)).toHaveLength(1);
  });

  it('refuses malformed ticket actions without changing anything', async () => {
    const bad = await post(bot.url, cardAction('expert.answer', { ticketId: '../../etc', answer: 'x' }, channel()));
    expect(invokeCard(bad.replies)).toBe('Tikettiä ei löytynyt.');
    const noQuestion = await post(bot.url, cardAction('expert.ask', { question: '', expertQuestion: '  ' }, asker()));
    expect(said(noQuestion.replies)).toMatch(/Kysymys puuttuu/);
    const long = await post(bot.url, cardAction('expert.ask', { question: 'x', expertQuestion: 'ä'.repeat(501) }, asker()));
    expect(said(long.replies)).toMatch(/Kysymys on liian pitkä/);
  });

  it("shows the experts the asker's words without links or markup", async () => {
    const asked = await post(bot.url, cardAction('expert.ask', { question: 'x', expertQuestion: 'Katso [tämä](javascript:alert(1)) <img src=x onerror=alert(1)>ohje' }, asker()));
    const id = ticketId(said(asked.replies))!;
    const card = JSON.stringify((await connector.waitFor((c) => c.conversationId.startsWith(CHANNEL) && JSON.stringify(c.body).includes(id))).body);
    expect(card).toContain('Katso tämä ohje');
    for (const bad of ['javascript:', '<img', 'onerror']) expect(card).not.toContain(bad);
  });
});
