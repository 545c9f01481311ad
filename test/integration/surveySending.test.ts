import { cardAction, post } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { type Connector, startConnector } from '../helpers/connector';
import { startTestStore, type TestStore } from '../helpers/store';

const CHANNEL = '19:kanervakumpu-ohr@thread.tacv2';
const COORD = { id: '29:user-koordinaattori', name: 'Heidi Järvinen', aadObjectId: '0a1b2c3d-0008-4000-8000-000000000008' };
const CHAIR = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };
const STAFF = Array.from({ length: 60 }, (_, k) => ({ id: `29:m${k}`, name: `Henkilö ${k}`, aadObjectId: `0a1b2c3d-2${String(k).padStart(3, '0')}-4000-8000-000000000000` }));
const CASE_KEYS = `k1:${Buffer.alloc(32, 9).toString('base64')}`;

/**
 * Three instances share one store and one connector while a round's 61 invitations go out; one instance
 * is killed mid-way. Every invitee gets the card, a refused send (429) is retried after its Retry-After
 * and recorded sent only once delivered, and a blocked user (403) is recorded failed, never sent.
 */
describe('survey invitations across instances', () => {
  let store: TestStore;
  let connector: Connector;
  const bots: RunningBot[] = [];
  const chat = (p: { id: string }) => `a:1on1-${p.id}`;
  const inChannel = (user: typeof CHAIR) => ({ scope: 'channel' as const, conversationId: CHANNEL, serviceUrl: connector.url, user, locale: 'fi-FI' });
  const invoke = async (verb: string, data: Record<string, unknown>, o: ReturnType<typeof inChannel>) =>
    JSON.stringify((await post(bots[0].url, cardAction(verb, data, o), { expectReplies: false })).body);
  const delivered = (p: { id: string }) =>
    connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chat(p) && c.status === 201 && JSON.stringify(c.body).includes('Hyvinvointipulssi'));

  beforeAll(async () => {
    store = await startTestStore('survey-sending');
    connector = await startConnector();
    connector.members.push(COORD, CHAIR, ...STAFF);
    const env = { ...store.env, CASE_KEYS, SURVEY_POLL_MS: '200', SURVEY_LEASE_MS: '2000', LOG_LEVEL: 'info' };
    for (let i = 0; i < 3; i++) bots.push(await startBot(env));
    expect(await invoke('roles.add', { school: 'kanervakumpu', role: 'koordinaattori', person: COORD.id }, inChannel(CHAIR))).toContain('koordinaattori');
    connector.members.splice(0, 1);
    expect(await invoke('group.create', { type: 'communal', name: 'Kanervakummun yhteisöllinen OHR', school: 'kanervakumpu' }, inChannel(CHAIR))).toContain('on perustettu');
  }, 90_000);
  afterAll(async () => {
    for (const b of bots) await b.stop();
    await connector?.stop();
    await store?.stop();
  });

  it('delivers every invitation although an instance dies, retries 429 and records 403 as failed', async () => {
    connector.script.set(chat(STAFF[3]), [429, 429]);
    connector.script.set(chat(STAFF[4]), [503]);
    connector.failFor.set(chat(STAFF[5]), 403);
    const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date());
    const closes = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(new Date(Date.now() + 7 * 24 * 3600_000));
    const personalOfCoord = { scope: 'personal' as const, conversationId: 'a:coord', serviceUrl: connector.url, user: COORD, locale: 'fi-FI' };
    expect(
      JSON.stringify(
        (await post(bots[0].url, cardAction('survey.start', { survey: 'pulse', schools: 'kanervakumpu', opensOn: today, closesOn: closes }, personalOfCoord), { expectReplies: false })).body,
      ),
    ).toContain('on luotu');

    await connector.waitFor((c) => c.status === 201 && JSON.stringify(c.body).includes('Hyvinvointipulssi'), 30_000);
    await bots[1].stop('SIGKILL');

    const everyone = [CHAIR, ...STAFF].filter((p) => p !== STAFF[5]);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && everyone.some((p) => delivered(p).length === 0)) await new Promise((r) => setTimeout(r, 250));
    expect(everyone.filter((p) => delivered(p).length === 0).map((p) => p.id)).toEqual([]);
    // A card can repeat only if an instance died between its send and recording it (at most its in-flight sends).
    const repeats = everyone.reduce((n, p) => n + delivered(p).length - 1, 0);
    expect(repeats).toBeLessThanOrEqual(4);

    const invitations = async () => (await store.all<{ kind: string; status: string; person: { userId: string }; lastError?: string }>('surveyRounds')).filter((d) => d.kind === 'invite');
    const until = Date.now() + 20_000;
    while (Date.now() < until && (await invitations()).some((i) => i.status !== 'sent' && i.status !== 'failed')) await new Promise((r) => setTimeout(r, 250));
    const byUser = new Map((await invitations()).map((i) => [i.person.userId, i]));
    expect(byUser.size).toBe(61);
    expect(byUser.get(STAFF[5].id)).toMatchObject({ status: 'failed', lastError: '403' });
    expect([...byUser.values()].filter((i) => i.status === 'sent')).toHaveLength(60);
    // The refused sends came before the delivered one, and only the delivered one made it "sent".
    expect(connector.calls.filter((c) => c.conversationId === chat(STAFF[3]) && c.method === 'POST' && c.path.includes('/activities')).map((c) => c.status)).toEqual(
      expect.arrayContaining([429, 201]),
    );
    expect(delivered(STAFF[4])).toHaveLength(1);
    expect(connector.calls.filter((c) => c.conversationId === chat(STAFF[5]) && c.status === 201 && c.path.includes('/activities'))).toEqual([]);
  }, 120_000);
});
