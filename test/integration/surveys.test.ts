import { cardAction, cardText, message, post } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { type Connector, startConnector } from '../helpers/connector';
import { startTestStore, type TestStore } from '../helpers/store';

const CHANNEL = '19:koivurinne-ohr@thread.tacv2';
const COORD = { id: '29:user-koordinaattori', name: 'Heidi Järvinen', aadObjectId: '0a1b2c3d-0008-4000-8000-000000000008' };
const CHAIR = { id: '29:user-rehtori', name: 'Jari Nieminen', aadObjectId: '0a1b2c3d-0004-4000-8000-000000000004' };
const FIRST = ['Aino', 'Mikko', 'Laura', 'Sanna', 'Pekka', 'Riikka', 'Timo', 'Outi', 'Ville', 'Kaisa'];
const STAFF = FIRST.map((f, k) => ({ id: `29:staff-${k}`, name: `${f} Koskinen${k}`, aadObjectId: `0a1b2c3d-1${String(k).padStart(3, '0')}-4000-8000-000000000000` }));
const CASE_KEYS = `k1:${Buffer.alloc(32, 7).toString('base64')}`;

interface InvokeBody {
  statusCode?: number;
  value?: unknown;
}
type Person = typeof COORD;

function helsinkiDay(offsetDays = 0): string {
  const f = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki', year: 'numeric', month: '2-digit', day: '2-digit' });
  return f.format(new Date(Date.now() + offsetDays * 24 * 3600_000));
}

describe('staff well-being surveys over HTTP', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let roundId = '';
  const tickets = new Map<string, string>();
  const personal = (p: Person) => `a:personal-${p.id}`;
  const inChannel = (user: Person) => ({ scope: 'channel' as const, conversationId: CHANNEL, serviceUrl: connector.url, user, locale: 'fi-FI' });
  const inPersonal = (user: Person) => ({ scope: 'personal' as const, conversationId: personal(user), serviceUrl: connector.url, user, locale: 'fi-FI' });
  const invoke = async (verb: string, data: Record<string, unknown>, o: ReturnType<typeof inChannel> | ReturnType<typeof inPersonal>) =>
    (await post(bot.url, cardAction(verb, data, o), { expectReplies: false })).body as InvokeBody;
  const text = (b: InvokeBody) => JSON.stringify(b.value ?? '');
  /** Where a person's survey cards arrive: their stored personal chat, or the 1:1 chat Opari created. */
  const chatOf = (p: Person) => (installed.includes(p) ? personal(p) : `a:1on1-${p.id}`);
  const cardsTo = (p: Person, what: string) => connector.calls.filter((c) => c.method === 'POST' && c.conversationId === chatOf(p) && JSON.stringify(c.body).includes(what));
  const installed = [STAFF[0], STAFF[1], STAFF[2]];
  /** Waits until the store shows what a background job has recorded. */
  async function until<T>(read: () => Promise<T>, ok: (x: T) => boolean, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const x = await read();
      if (ok(x) || Date.now() > deadline) return x;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const answer = (p: Person, values: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    invoke('survey.answer', { roundId, schoolId: 'koivurinne', ticket: '', ...values, ...extra }, inPersonal(p));

  beforeAll(async () => {
    store = await startTestStore('surveys');
    connector = await startConnector();
    connector.members.push(COORD, CHAIR, ...STAFF);
    bot = await startBot({ ...store.env, CASE_KEYS, SURVEY_POLL_MS: '300', SURVEY_LEASE_MS: '3000' });
    // Three staff members use Opari already: their personal chats are stored.
    for (const p of [COORD, ...installed]) await post(bot.url, { ...cardAction('x', {}, inPersonal(p)), type: 'installationUpdate', action: 'add', name: undefined, value: undefined });
    // The admin grants the coordinator role; the principal sets up the communal group (in Finnish, from a
    // client set to English: the group posts in Finnish) and calls a meeting.
    expect(text(await invoke('roles.add', { school: 'koivurinne', role: 'koordinaattori', person: COORD.id }, inChannel(CHAIR)))).toContain('Hyvinvointikyselyjen koordinaattori');
    connector.members.splice(0, 1); // the coordinator is not staff of the school
    const created = await invoke('group.create', { type: 'communal', name: 'Koivurinteen yhteisöllinen OHR', school: 'koivurinne', lang: 'fi' }, { ...inChannel(CHAIR), locale: 'en-US' });
    expect(text(created)).toContain('on perustettu');
    expect(
      text(
        await invoke(
          'form.submit',
          { formId: 'kokous', title: 'Yhteisöllinen OHR', date: '2031-02-12', time: '14:30', duration: '60', place: 'Opettajainhuone', recurrence: 'once', until: '', dates: '' },
          inChannel(CHAIR),
        ),
      ),
    ).toContain('Kokouksia kutsuttu: 1');
  }, 60_000);
  afterAll(async () => {
    await bot?.stop();
    await connector?.stop();
    await store?.stop();
  });

  it('tells someone without the coordinator role who runs surveys', async () => {
    const r = await post(bot.url, message('kysely', inPersonal(STAFF[0])));
    expect(r.replies.map((x) => x.text ?? '').join('\n')).toContain('hyvinvointikyselyjen koordinaattori');
  });

  it('a coordinator starts a pulse round; a wrong date comes back beside its field with the values kept', async () => {
    const list = await post(bot.url, message('kysely', inPersonal(COORD)));
    expect(cardText(list.replies[0])).toContain('Ei vielä kyselykierroksia.');
    const form = await invoke('survey.new', {}, inPersonal(COORD));
    expect(text(form)).toContain('Koivurinteen koulu – yhteisöllisen ryhmän keskustelu');
    const wrong = await invoke('survey.start', { survey: 'pulse', schools: 'koivurinne', opensOn: helsinkiDay(), closesOn: helsinkiDay(-1) }, inPersonal(COORD));
    expect(text(wrong)).toContain('Sulkeutumisen pitää olla aloituspäivän jälkeen.');
    expect(text(wrong)).toContain(`"value":"${helsinkiDay()}"`);
    const started = await invoke('survey.start', { survey: 'pulse', schools: 'koivurinne', opensOn: helsinkiDay(), closesOn: helsinkiDay(7) }, inPersonal(COORD));
    expect(text(started)).toContain('on luotu');
    const [round] = (await store.all<{ id: string; kind: string }>('surveyRounds')).filter((d) => d.kind === 'round');
    roundId = round.id;
  });

  it("invites every member of the group's conversation in a personal chat, creating the 1:1 chat where none is stored", async () => {
    for (const p of [CHAIR, ...STAFF]) await connector.waitFor((c) => c.method === 'POST' && c.conversationId === chatOf(p) && JSON.stringify(c.body).includes('Hyvinvointipulssi'), 20_000);
    await bot.waitForLog((l) => l.event === 'surveys.round.opened' && l.invited === 11);
    for (const p of [CHAIR, ...STAFF]) expect(cardsTo(p, 'Hyvinvointipulssi')).toHaveLength(1);
    expect(
      connector.calls
        .filter((c) => c.path.match(/\/v3\/conversations\/?$/))
        .map((c) => c.conversationId)
        .sort(),
    ).toEqual([CHAIR, ...STAFF.slice(3)].map((p) => `a:1on1-${p.id}`).sort());
    const card = JSON.stringify(cardsTo(STAFF[0], 'Hyvinvointipulssi')[0].body);
    expect(card).toContain('Minulla on ollut viime viikkoina töissä virtaa ja intoa.');
    expect(card).toContain('Vastausaika päättyy');
    const invites = () => store.all<{ kind: string; status: string }>('surveyRounds').then((all) => all.filter((d) => d.kind === 'invite'));
    const invitations = await until(invites, (xs) => xs.every((i) => i.status === 'sent'));
    expect(invitations.map((i) => i.status)).toEqual(Array(11).fill('sent'));
  }, 30_000);

  it('takes an answer once, gives back a wrong one with its values, and lets the respondent change it until closing', async () => {
    const wrong = await answer(STAFF[0], { vigour: '9', workload: '2' });
    expect(text(wrong)).toContain('Tarkista merkityt kohdat');
    expect(text(wrong)).toContain('Valitse jokin vaihtoehdoista.');
    expect(text(wrong)).toMatch(/"id":"workload"[^}]*"value":"2"/);
    expect(text(await answer(STAFF[0], {}))).toContain('Vastaa ainakin yhteen kysymykseen.');
    const ok = await answer(STAFF[0], { vigour: '4', exhaustion: '2', workload: '2', influence: '4', respect: '5', sharedTask: '5', workAbility: '8', profession: 'welfare' });
    expect(text(ok)).toContain('Kiitos vastauksistasi!');
    expect(text(ok)).toContain(`Voit muuttaa vastauksiasi ${helsinkiDay(7).split('-').reverse().map(Number).join('.')} asti.`);
    const ticket = /"ticket":"(a[0-9a-f]{32})"/.exec(text(ok))![1];
    expect(text(await answer(STAFF[0], { vigour: '1' }))).toContain('Olet jo vastannut');
    const prefilled = await invoke('survey.change', { roundId, schoolId: 'koivurinne', ticket }, inPersonal(STAFF[0]));
    expect(text(prefilled)).toMatch(/"id":"respect"[^}]*"value":"5"/);
    expect(text(await invoke('survey.change', { roundId, schoolId: 'koivurinne', ticket }, inPersonal(STAFF[1])))).toContain('ei löytynyt sinulle');
    const changed = await answer(STAFF[0], { vigour: '5', workload: '3', workAbility: '9' }, { ticket });
    expect(text(changed)).toContain('Muutetut vastauksesi on tallennettu');
    expect(text(await answer(COORD, { vigour: '3' }))).toContain('tätä kyselyä ei löytynyt sinulle');
    const answers = (await store.all<{ kind: string; values: Record<string, unknown> }>('surveyRounds')).filter((d) => d.kind === 'answer');
    expect(answers).toHaveLength(1);
    expect(answers[0].values).toEqual({ vigour: 5, workload: 3, workAbility: 9 });
    tickets.set(STAFF[0].id, ticket);
  });

  it('reminds only those who have not answered, once', async () => {
    for (const [k, p] of STAFF.slice(1, 8).entries()) {
      expect(
        text(await answer(p, { vigour: String(2 + (k % 3)), exhaustion: '2', workload: String(1 + (k % 4)), influence: '4', respect: '4', sharedTask: '5', workAbility: String(4 + k) })),
      ).toContain('Kiitos');
    }
    const doc = (await store.all<{ id: string; kind: string; roundId: string }>('surveyRounds')).find((d) => d.kind === 'round')!;
    await store
      .container('surveyRounds')
      .item(doc.id, doc.roundId)
      .patch([{ op: 'set', path: '/remindAt', value: new Date(Date.now() - 1000).toISOString() }]);
    const notAnswered = [CHAIR, STAFF[8], STAFF[9]];
    for (const p of notAnswered) await connector.waitFor((c) => c.conversationId === chatOf(p) && JSON.stringify(c.body).includes('Muistutus: Hyvinvointipulssi'), 20_000);
    await new Promise((r) => setTimeout(r, 1500));
    for (const p of notAnswered) expect(cardsTo(p, 'Muistutus')).toHaveLength(1);
    for (const p of STAFF.slice(0, 8)) expect(cardsTo(p, 'Muistutus')).toHaveLength(0);
    const invitations = await until(
      () => store.all<{ kind: string; reminder: string }>('surveyRounds').then((all) => all.filter((d) => d.kind === 'invite')),
      (xs) => xs.every((i) => i.reminder === 'done'),
    );
    // Every invitation says only "done": not whether its person had answered.
    expect(invitations.map((i) => i.reminder)).toEqual(Array(11).fill('done'));
  }, 30_000);

  it("closes: the coordinator gets the results with the chart, the group gets the agenda item and the results in the group's language, and nothing in Cosmos links an answer to a person", async () => {
    await answer(STAFF[8], { vigour: '3', workload: '2', respect: '4', workAbility: '7' });
    const closing = await invoke('survey.close', { roundId }, inPersonal(COORD));
    expect(text(closing)).toContain('Kierros suljetaan');
    const toCoord = await connector.waitFor((c) => c.method === 'POST' && c.conversationId === personal(COORD) && JSON.stringify(c.body).includes('tulokset'), 30_000);
    const coordCard = JSON.stringify(toCoord.body);
    expect(coordCard).toContain('Chart.VerticalBar.Grouped');
    expect(coordCard).toContain('9 vastaajaa');
    expect(coordCard).toMatch(/Vahvinta: Yhteinen tehtävä \(100 % myönteisiä\)\. Heikointa: Työmäärä/);
    const agenda = await connector.waitFor((c) => c.method === 'PUT' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('(Koivurinteen koulu)'), 20_000);
    expect(JSON.stringify(agenda.body)).toContain('Henkilöstön hyvinvointi: Hyvinvointipulssi');
    expect(JSON.stringify(agenda.body)).toContain('– tulokset (Koivurinteen koulu)');
    const groupCard = await connector.waitFor((c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('"survey.workshop"'));
    expect(JSON.stringify(groupCard.body)).toContain('Varaa työpaja');
    expect(JSON.stringify(groupCard.body)).toContain('Tulokset ovat ryhmän seuraavan kokouksen asialistalla');
    await bot.waitForLog((l) => l.event === 'surveys.round.closed');
    await new Promise((r) => setTimeout(r, 1000));

    const everything: { container: string; doc: Record<string, unknown> }[] = [];
    for (const c of ['state', 'conversations', 'tickets', 'settings', 'faq', 'cases', 'counters', 'audit', 'roles', 'groups', 'meetings', 'reminders', 'feedback', 'surveyRounds', 'surveyResults']) {
      for (const doc of await store.all(c)) everything.push({ container: c, doc });
    }
    const respondents = STAFF.slice(0, 9);
    const identities = respondents.flatMap((p) => [p.id, p.aadObjectId, p.name, ...p.name.split(' '), personal(p), `a:1on1-${p.id}`]);
    // Nothing of a survey names a respondent…
    for (const { container, doc } of everything.filter((e) => e.container.startsWith('survey'))) {
      const json = JSON.stringify(doc);
      for (const id of identities) expect({ container, found: json.includes(id) ? id : null }).toEqual({ container, found: null });
    }
    // …and no document that names one (group membership, a stored chat, user state) mentions the round.
    for (const { container, doc } of everything.filter((e) => identities.some((id) => JSON.stringify(e.doc).includes(id)))) {
      expect({ container, round: JSON.stringify(doc).includes(roundId) }).toEqual({ container, round: false });
    }
    const kinds = everything.filter((e) => e.container === 'surveyRounds').map((e) => e.doc.kind);
    expect(kinds).not.toContain('answered'); // the "has answered" list is gone
    expect(kinds).not.toContain('invite');
    expect(kinds).not.toContain('answer');
    expect(kinds.filter((k) => k === 'sealed')).toHaveLength(1);
    const sealed = everything.find((e) => e.doc.kind === 'sealed')!.doc as { answers: { values: Record<string, unknown>; day: string }[] };
    expect(sealed.answers).toHaveLength(9);
    expect(sealed.answers.every((a) => /^\d{4}-\d{2}-\d{2}$/.test(a.day) && !('profession' in a.values))).toBe(true);
    // The answer turns logged nothing that ties a respondent's chat to the round.
    const answerLines = bot.logs().filter((l) => respondents.some((p) => l.conversationId === personal(p)));
    expect(answerLines.length).toBeGreaterThan(0);
    expect(answerLines.filter((l) => JSON.stringify(l).includes(roundId))).toEqual([]);
  }, 60_000);

  it('serves the aggregate CSV only behind its signed link', async () => {
    const res = await invoke('survey.results', { roundId }, inPersonal(COORD));
    const url = /"url":"(http[^"]+results\.csv[^"]+)"/.exec(text(res))![1].replace(/\\u0026/g, '&');
    const local = url.replace(/^https?:\/\/[^/]+/, bot.url);
    const ok = await fetch(local);
    expect(ok.status).toBe(200);
    const csv = await ok.text();
    expect(csv.split('\r\n')[0]).toContain('unit,unit_kind,schools,measure');
    expect(csv).toContain('koivurinne,school,koivurinne,vigour,item,9');
    for (const p of STAFF) expect(csv).not.toContain(p.name);
    expect((await fetch(local.replace(/sig=[0-9a-f]+/, 'sig=00'))).status).toBe(404);
  });

  it('the group books a workshop and records its action; the next round asks whether it helped and shows it beside the action', async () => {
    const unitId = 'school:koivurinne';
    const [group] = await store.all<{ id: string }>('groups');
    const ids = { roundId, unitId, groupId: group.id };
    const form = await invoke('survey.workshop', ids, inChannel(CHAIR));
    expect(text(form)).toContain('Kehittämistyöpaja');
    expect(text(await invoke('survey.workshop.book', { ...ids, title: 'Työpaja', date: '2031-01-20', time: '25:00', duration: '90', place: '' }, inChannel(CHAIR)))).toContain(
      'Tarkista merkityt kentät',
    );
    const notChair = await invoke('survey.workshop.book', { ...ids, title: 'Työpaja', date: '2031-01-20', time: '14:00', duration: '90', place: 'Kirjasto' }, inChannel(STAFF[0]));
    expect(text(notChair)).toContain('Vain ryhmän puheenjohtaja');
    const booked = await invoke('survey.workshop.book', { ...ids, title: 'Työpaja: pulssin tulokset', date: '2031-01-20', time: '14:00', duration: '90', place: 'Kirjasto' }, inChannel(CHAIR));
    expect(text(booked)).toContain('Työpaja on varattu');
    const workshop = (await store.all<{ kind?: string; agenda: { title: string }[] }>('meetings')).find((m) => m.kind === 'workshop')!;
    expect(workshop.agenda.map((i) => i.title)).toEqual(expect.arrayContaining(['Keskustelu: mikä tukee, mikä kuormittaa', 'Valitut toimenpiteet', 'Vastuuhenkilö', 'Seurantapäivä']));
    expect(workshop.agenda[0].title).toMatch(/^Kyselyn tulokset: Hyvinvointipulssi .*Koivurinteen koulu\. Vahvinta/);
    const pupil = await invoke('survey.action.save', { ...ids, text: 'Keskustellaan Matti Meikäläisen kanssa', owner: 'Jari', followUpOn: '2031-03-01' }, inChannel(CHAIR));
    expect(text(pupil)).toContain('ei käsitellä yksittäistä oppilasta');
    const saved = await invoke('survey.action.save', { ...ids, text: 'Tauko yhdessä joka perjantai', owner: 'Rehtori', followUpOn: '2031-03-01' }, inChannel(CHAIR));
    expect(text(saved)).toContain('Toimenpide tallennettu');

    const started = await invoke('survey.start', { survey: 'pulse', schools: 'koivurinne', opensOn: helsinkiDay(), closesOn: helsinkiDay(14) }, inPersonal(COORD));
    expect(text(started)).toContain('on luotu');
    const next = (await store.all<{ id: string; kind: string; status: string }>('surveyRounds')).find((d) => d.kind === 'round' && d.status !== 'closed')!;
    await connector.waitFor((c) => c.conversationId === chatOf(STAFF[5]) && JSON.stringify(c.body).includes('Tauko yhdessä joka perjantai'), 20_000);
    await bot.waitForLog((l) => l.event === 'surveys.round.opened' && l.roundId === next.id);
    roundId = next.id;
    for (const p of STAFF.slice(0, 6)) expect(text(await answer(p, { vigour: '4', followUp: p === STAFF[0] ? '2' : '5' }))).toContain('Kiitos');
    await invoke('survey.close', { roundId }, inPersonal(COORD));
    const card = await connector.waitFor(
      (c) => c.method === 'POST' && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('Tauko yhdessä joka perjantai') && JSON.stringify(c.body).includes('Auttanut'),
      30_000,
    );
    expect(JSON.stringify(card.body)).toContain('Auttanut: 83 % samaa mieltä (n = 6)');
    expect(JSON.stringify(card.body)).toContain('Tauko yhdessä joka perjantai (vastuu: Rehtori, seuranta 1.3.2031)');
    expect(JSON.stringify(card.body)).toContain('Chart.Line'); // two rounds: the trend
  }, 90_000);
});
