import { randomUUID } from 'node:crypto';
import { cardAction, collectText, message, post, type BotReply } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import { referral } from '../helpers/referral';
import type { TestStore } from '../helpers/store';

const TEACHER = { id: '29:user-opettaja', name: 'Sanna Heikkinen', aadObjectId: '0a1b2c3d-0005-4000-8000-000000000005' };
const KURAATTORI = { id: '29:user-kuraattori', name: 'Aino Virtanen', aadObjectId: '0a1b2c3d-0001-4000-8000-000000000001' };
const OUTSIDER = { id: '29:user-other', name: 'Olli Ulkopuolinen', aadObjectId: '0a1b2c3d-0009-4000-8000-000000000009' };
const CHANNEL = '19:koivurinne-ohr@thread.tacv2';
const PUPIL = 'Matti Meikäläinen';
const DESCRIPTION = 'Oppilas on ollut välitunneilla yksin ja kertonut nukkuvansa huonosti.';

const validReferral = () => referral({ name: PUPIL, class: '5B', description: DESCRIPTION });

const invokeCard = (replies: BotReply[]) => replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value;
/** Everything a user reads on the returned card: texts, labels, facts, values, button titles. */
const invokeText = (replies: BotReply[]) => JSON.stringify(invokeCard(replies) ?? '');

describe('forms and cases over HTTP', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;
  const personal = (user = TEACHER, locale = 'fi-FI') => ({ conversationId: `a:${user.id}`, serviceUrl: connector.url, user, locale });
  const channel = (user = TEACHER) => ({ scope: 'channel' as const, conversationId: CHANNEL, serviceUrl: connector.url, user, locale: 'fi-FI' });
  const submit = (data: Record<string, unknown>, opts = personal(), replyToId = randomUUID()) => post(bot.url, { ...cardAction('form.submit', data, opts), replyToId });

  beforeAll(async () => {
    stack = await startStack('forms', { members: [TEACHER, KURAATTORI, OUTSIDER] });
    ({ store, connector, bot } = stack);
    // Local mode without ADMIN_USERS: everyone may administer. Set the school's channel and a kuraattori.
    await post(bot.url, cardAction('school.channel.set', { school: 'koivurinne' }, channel()));
    await post(bot.url, cardAction('roles.add', { school: 'koivurinne', role: 'kuraattori', person: KURAATTORI.id }, channel()));
  });
  afterAll(() => stack?.stop());

  it('lists the forms and opens "uusi asia" in a personal chat, but not in a channel', async () => {
    const list = await post(bot.url, message('lomakkeet', personal()));
    const text = collectText(list.replies[0].attachments?.[0].content).join('\n');
    for (const title of ['Yhteydenotto opiskeluhuoltoon', 'Avustajan tarpeen arviointi', 'Tiedonsiirto nivelvaiheessa', 'Kokous', 'Muistio']) expect(text).toContain(title);
    // Asked for as people ask: "näytä lomakkeet", "show me the forms".
    for (const [asked, title] of [
      ['näytä lomakkeet', 'Yhteydenotto opiskeluhuoltoon'],
      ['show me the forms', 'Referral to student welfare'],
    ])
      expect(collectText((await post(bot.url, message(asked, personal()))).replies[0].attachments?.[0].content).join('\n')).toContain(title);
    const form = await post(bot.url, message('uusi asia', personal()));
    expect(JSON.stringify(form.replies[0].attachments?.[0].content)).toContain('"label":"Oppilaan nimi"');
    const asked = await post(bot.url, message('avaa uusi asia -lomake', personal()));
    expect(JSON.stringify(asked.replies[0].attachments?.[0].content)).toContain('"label":"Oppilaan nimi"');
    const inChannel = await post(bot.url, message('uusi asia', channel()));
    expect(inChannel.replies[0].text).toMatch(/vain henkilökohtaisessa keskustelussa/);
  });

  it("re-renders an invalid form with the user's values kept and the errors next to the fields, storing nothing", async () => {
    const { replies } = await submit({ ...validReferral(), description: '', madeWith: 'none', pupilInformed: 'false' });
    const card = invokeCard(replies) as { body: unknown[] };
    const text = collectText(card).join('\n');
    expect(text).toContain('Tarkista merkityt kentät');
    expect(text).toContain('⚠ Pakollinen tieto.');
    expect(text).toContain('⚠ Tämä on vahvistettava ennen lähettämistä.'); // OHL 16 §: the pupil must be told
    expect(JSON.stringify(card)).toContain(`"value":"${PUPIL}"`);
    expect(await store.all('cases')).toHaveLength(0);
  });

  it.each([
    ['an unknown field', { ...validReferral(), isAdmin: 'true' }],
    ['a wrong type', { ...validReferral(), pupilInformed: 42 }],
    ['a 1 MB string', { ...validReferral(), description: 'x'.repeat(1024 * 1024) }],
    ['script in text', { ...validReferral(), description: '<script>alert(1)</script>' }],
    ['a choice that is not offered', { ...validReferral(), target: 'poliisi' }],
  ])('refuses %s clearly and stores nothing', async (_name, data) => {
    const { status, replies } = await submit(data);
    expect(status).toBe(200);
    expect(invokeText(replies)).toMatch(/Tarkista merkityt kentät|liian suuret/);
    expect(await store.all('cases')).toHaveLength(0);
  });

  it('stores a valid referral once, with a case number and the OHL 15 § deadline, and notifies the school channel without pupil data', async () => {
    const replyToId = randomUUID();
    const first = await submit(validReferral(), personal(), replyToId);
    const text = invokeText(first.replies);
    const number = /OH-\d{4}-\d{4}/.exec(text)?.[0];
    expect(number).toMatch(/^OH-20\d\d-0001$/);
    expect(text).toMatch(/Oppilas on tavattava viimeistään (ma|ti|ke|to|pe|la|su) \d+\.\d+\.\d{4} \(7\. koulun työpäivä, OHL 15 §\)/);

    // A double click, a Teams retry and a replayed invoke: the same case, no second number.
    const again = await Promise.all([submit(validReferral(), personal(), replyToId), submit(validReferral(), personal(), replyToId), submit(validReferral(), personal(), replyToId)]);
    for (const r of again) expect(invokeText(r.replies)).toContain(number!);
    expect(invokeText(again[0].replies)).toContain('Lomake oli jo lähetetty');
    const cases = await store.all<Record<string, unknown>>('cases');
    expect(cases).toHaveLength(1);

    // Encrypted at rest: neither the pupil's name nor the description is readable in the raw document.
    const raw = JSON.stringify(cases[0]);
    expect(raw).not.toContain('Meikäläinen');
    expect(raw).not.toContain('nukkuvansa');
    expect(cases[0]).toMatchObject({ number, schoolId: 'koivurinne', service: 'kuraattori', secret: { kid: 'ktest', iv: expect.any(String), tag: expect.any(String), data: expect.any(String) } });

    const notice = await connector.waitFor((c) => c.conversationId === CHANNEL && JSON.stringify(c.body).includes(number!));
    const noticeJson = JSON.stringify(notice.body);
    expect(noticeJson).not.toContain('Meikäläinen');
    expect(noticeJson).not.toContain('5B');
    expect(noticeJson).not.toContain('nukkuvansa');
    expect(noticeJson).toContain('Koivurinteen koulu');
    const card = (notice.body.attachments as { content: { refresh: { userIds: string[] } } }[])[0].content;
    expect(card.refresh.userIds).toEqual(expect.arrayContaining([TEACHER.id, KURAATTORI.id]));
    expect(card.refresh.userIds).not.toContain(OUTSIDER.id);
  });

  it('shows the details to the initiator and the kuraattori, a redacted card to anyone else, and audits every read', async () => {
    const [c] = await store.all<{ id: string; number: string }>('cases');
    const ids = { caseId: c.id, schoolId: 'koivurinne' };
    const forKuraattori = await post(bot.url, cardAction('case.view', ids, channel(KURAATTORI)));
    expect(invokeText(forKuraattori.replies)).toContain(PUPIL);
    expect(invokeText(forKuraattori.replies)).toContain(DESCRIPTION);
    const forOutsider = await post(bot.url, cardAction('case.open', ids, channel(OUTSIDER)));
    expect(invokeText(forOutsider.replies)).not.toContain(PUPIL);
    expect(invokeText(forOutsider.replies)).toContain('Sinulla ei ole oikeutta');

    // The kuraattori takes responsibility and starts handling: vireillä → käsittelyssä.
    const assigned = await post(bot.url, cardAction('case.assign', ids, channel(KURAATTORI)));
    expect(invokeText(assigned.replies)).toContain('Vastuuhenkilö');
    const started = await post(bot.url, cardAction('case.status', { ...ids, to: 'kasittelyssa' }, channel(KURAATTORI)));
    expect(invokeText(started.replies)).toContain('Käsittelyssä');
    const notAllowed = await post(bot.url, cardAction('case.status', { ...ids, to: 'paattynyt' }, channel(OUTSIDER)));
    expect(invokeCard(notAllowed.replies)).toBe('Vain asian käsittelijät voivat muuttaa asiaa.');

    const audit = await store.all<{ caseId: string; action: string; by: string; conversationId?: string }>('audit');
    const actions = audit.filter((a) => a.caseId === c.id).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['created', 'duplicate-submit', 'read', 'denied', 'assigned', 'status']));
    expect(audit.find((a) => a.action === 'denied')).toMatchObject({ by: OUTSIDER.aadObjectId, conversationId: CHANNEL });
    expect(JSON.stringify(audit)).not.toContain('Meikäläinen');
  });

  it('exports everything about one pupil for a GDPR request and deletes a case keeping its audit trail', async () => {
    const [c] = await store.all<{ id: string; number: string }>('cases');
    const exported = await post(bot.url, cardAction('gdpr.export', { pupilName: ' matti  meikäläinen ', pupilClass: '5b' }, personal()));
    expect(invokeText(exported.replies)).toContain('Oppilaasta on tallennettu 1 asia.');
    expect(invokeText(exported.replies)).toContain(DESCRIPTION);
    // As the details card shows a matter — labelled fields and its history in words — not the stored JSON.
    const shown = invokeText(exported.replies);
    expect(shown).toContain(`{"title":"Lyhyt kuvaus","value":"${DESCRIPTION}"}`);
    expect(shown).toMatch(/"Vaiheet"[\s\S]*· Vireille"[\s\S]*· Vastuuhenkilö otti asian"[\s\S]*· Tila muuttui: Käsittelyssä"/);
    expect(shown).not.toMatch(/\\"values\\"|\\"history\\"/);

    const confirm = await post(bot.url, message(`poista asia ${c.number}`, personal()));
    expect(collectText(confirm.replies[0].attachments?.[0].content).join('\n')).toContain(`Poistetaanko asia ${c.number}`);
    const deleted = await post(bot.url, cardAction('case.delete', { number: c.number }, personal()));
    expect(invokeCard(deleted.replies)).toContain(`Asia ${c.number} poistettiin`);
    expect(await store.all('cases')).toHaveLength(0);
    const trail = (await store.all<{ caseId: string; action: string }>('audit')).filter((a) => a.caseId === c.id).map((a) => a.action);
    expect(trail).toEqual(expect.arrayContaining(['created', 'exported', 'deleted']));
  });

  it("says so when the school channel's notice could not go out, and sends it once when the same submit comes again", async () => {
    const replyToId = randomUUID();
    connector.failFor.set(CHANNEL, 503);
    const first = await submit({ ...validReferral(), pupilName: 'Liisa Laine' }, personal(), replyToId);
    expect(invokeText(first.replies)).toContain('Ilmoitusta koulun opiskeluhuoltokanavalle ei saatu lähetettyä vielä');
    const [c] = await store.all<{ id: string; number: string; deliveries?: { notice?: { state: string } } }>('cases');
    expect(c.deliveries?.notice?.state).toBe('failed');
    connector.failFor.delete(CHANNEL);
    const noticed = () => connector.calls.filter((x) => x.method === 'POST' && x.conversationId === CHANNEL && x.status === 201 && JSON.stringify(x.body).includes(c.number));
    const [again, once] = await Promise.all([
      submit({ ...validReferral(), pupilName: 'Liisa Laine' }, personal(), replyToId),
      submit({ ...validReferral(), pupilName: 'Liisa Laine' }, personal(), replyToId),
    ]);
    for (const r of [again, once]) expect(invokeText(r.replies)).toContain(c.number);
    expect([again, once].some((r) => !invokeText(r.replies).includes('ei saatu lähetettyä'))).toBe(true);
    expect(noticed()).toHaveLength(1);
    expect(await submit({ ...validReferral(), pupilName: 'Liisa Laine' }, personal(), replyToId).then((r) => invokeText(r.replies))).not.toMatch(/ei saatu lähetettyä|on lähdössä/);
    expect(noticed()).toHaveLength(1);
    expect((await store.all<{ deliveries?: { notice?: { state: string } } }>('cases'))[0].deliveries?.notice?.state).toBe('sent');
  });
});
