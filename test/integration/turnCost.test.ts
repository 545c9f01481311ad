import type { IncomingMessage } from 'node:http';
import { cardText, message, post } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';

const QUESTIONS = [
  'millä perusteella oppilas saa avustajan',
  'kotiopetuksen kriteerit',
  'kuka kuuluu yhteisölliseen opiskeluhuoltoryhmään',
  'miten teen lastensuojeluilmoituksen',
  'kuraattorin yhteystiedot',
];

/** What a turn costs the store: under load every Cosmos request counts (RUs, latency, throttling). */
describe('store requests per turn', () => {
  let store: TestStore;
  let bot: RunningBot;
  const counts = { reads: 0, writes: 0 };

  beforeAll(async () => {
    store = await startTestStore('turn-cost');
    store.cosmos.server.on('request', (req: IncomingMessage) => {
      if (!/\/docs(\/|$)/.test(req.url ?? '')) return;
      const write = req.method === 'PUT' || req.method === 'PATCH' || req.method === 'DELETE' || (req.method === 'POST' && req.headers['x-ms-documentdb-isquery'] === undefined);
      counts[write ? 'writes' : 'reads']++;
    });
    bot = await startBot(store.env);
  });
  afterAll(async () => {
    await bot?.stop();
    await store?.stop();
  });

  const together = async (n: number, text: (i: number) => string) => {
    const before = { ...counts };
    const replies = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        post(
          bot.url,
          message(text(i), {
            conversationId: `a:cost-${i}`,
            locale: 'fi-FI',
            user: { id: `29:cost-${i}`, name: `Käyttäjä ${i}`, aadObjectId: `0a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}` },
          }),
        ),
      ),
    );
    return { replies, reads: counts.reads - before.reads, writes: counts.writes - before.writes };
  };

  it('reads one document and writes none for a help turn or a plan answer, also with ten conversations at once', async () => {
    await together(10, () => 'apua'); // first contact: each person's state is written once
    await together(10, (i) => QUESTIONS[i % QUESTIONS.length]); // the tenant's FAQ is looked up once
    const help = await together(10, () => 'apua');
    expect(help.replies.every((r) => cardText(r.replies[0]).includes('Hei, olen Opari'))).toBe(true);
    expect(help).toMatchObject({ reads: 10, writes: 0 });
    await new Promise((r) => setTimeout(r, 2100)); // the FAQ version is due for a check (FAQ_FRESHNESS_MS)
    const answers = await together(10, (i) => QUESTIONS[(i + 2) % QUESTIONS.length]);
    expect(answers.replies.every((r) => cardText(r.replies[0]).length > 0)).toBe(true);
    // One state read per turn, plus at most one shared check of the tenant's FAQ version.
    expect(answers.reads).toBeLessThanOrEqual(11);
    expect(answers.writes).toBe(0);
  });
});
