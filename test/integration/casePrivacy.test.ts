import { botAdded, cardAction, collectText, message, post } from '../helpers/activities';
import type { RunningBot } from '../helpers/bot';
import type { Connector, RecordedCall } from '../helpers/connector';
import { startStack, type Stack } from '../helpers/stack';
import { referral } from '../helpers/referral';
import type { TestStore } from '../helpers/store';

/**
 * Case details never reach a shared message. Every request is posted without expectReplies, so everything
 * the bot sends goes through the recording connector; an invoke's own response (what only the person who
 * clicked sees) comes back in the HTTP body.
 */
const TEACHER = { id: '29:user-opettaja', name: 'Sanna Heikkinen', aadObjectId: '0a1b2c3d-0005-4000-8000-000000000005' };
const KURAATTORI = { id: '29:user-kuraattori', name: 'Aino Virtanen', aadObjectId: '0a1b2c3d-0001-4000-8000-000000000001' };
const KURAATTORI2 = { id: '29:user-kuraattori2', name: 'Leena Korhonen', aadObjectId: '0a1b2c3d-0002-4000-8000-000000000002' };
/** A kuraattori who has not opened a chat with Opari. */
const KURAATTORI3 = { id: '29:user-kuraattori3', name: 'Kaisa Nieminen', aadObjectId: '0a1b2c3d-0003-4000-8000-000000000003' };
const OUTSIDER = { id: '29:user-other', name: 'Olli Ulkopuolinen', aadObjectId: '0a1b2c3d-0009-4000-8000-000000000009' };
const CHANNEL = '19:koivurinne-ohr@thread.tacv2';
const PUPIL = 'Ville Vainikainen';
const CLASS = '9Ö';
const DESCRIPTION = 'Oppilas on kertonut kotona olevan riitoja ja nukkuu huonosti.';
/** Any of these in a shared conversation is a leak. */
const SECRETS = ['Vainikainen', 'Ville', CLASS, 'riitoja', 'nukkuu huonosti', 'V. V.'];

type Invoke = { statusCode?: number; type?: string; value?: unknown };

describe('case details never reach a shared message', () => {
  let store: TestStore;
  let bot: RunningBot;
  let connector: Connector;
  let stack: Stack;
  let caseId = '';
  const THREAD = '1733300000000';
  const personal = (user: typeof TEACHER) => ({ conversationId: `a:${user.id}`, serviceUrl: connector.url, user, locale: 'fi-FI' });
  // As Teams sends it: a card action in a channel arrives in the notice's thread.
  const channel = (user: typeof TEACHER) => ({ scope: 'channel' as const, conversationId: `${CHANNEL};messageid=${THREAD}`, serviceUrl: connector.url, user, locale: 'fi-FI' });
  const act = async (verb: string, data: Record<string, unknown>, where: object) => (await post(bot.url, cardAction(verb, data, where), { expectReplies: false })).body as Invoke;
  const text = (r: Invoke) => JSON.stringify(r);
  const shared = () => connector.calls.filter((c) => !c.conversationId.startsWith('a:'));
  const leaks = (calls: RecordedCall[]) => calls.filter((c) => SECRETS.some((s) => JSON.stringify(c.body).includes(s))).map((c) => `${c.method} ${c.conversationId}`);

  beforeAll(async () => {
    stack = await startStack('caseprivacy', { members: [TEACHER, KURAATTORI, KURAATTORI2, KURAATTORI3, OUTSIDER] });
    ({ store, connector, bot } = stack);
    // Personal chats with Opari exist for everyone but the outsider (installed by them, as in Teams).
    for (const u of [TEACHER, KURAATTORI, KURAATTORI2]) await post(bot.url, botAdded(personal(u)), { expectReplies: false });
    await post(bot.url, cardAction('school.channel.set', { school: 'koivurinne' }, { ...channel(TEACHER), conversationId: CHANNEL }));
    for (const k of [KURAATTORI, KURAATTORI2, KURAATTORI3])
      await post(bot.url, cardAction('roles.add', { school: 'koivurinne', role: 'kuraattori', person: k.id }, { ...channel(TEACHER), conversationId: CHANNEL }));
  });
  afterAll(() => stack?.stop());

  afterEach(() => {
    // Whatever a test did, nothing about the pupil went to the channel (POST or PUT), ever.
    expect(leaks(shared())).toEqual([]);
  });

  it("shows the initiator the pupil's initials and class in their own summary, and posts the channel a notice without them", async () => {
    const summary = await act('form.submit', referral({ name: PUPIL, class: CLASS, description: DESCRIPTION }), personal(TEACHER));
    expect(text(summary)).toContain('{"title":"Oppilas","value":"V. V., 9Ö"}');
    expect(text(summary)).toContain('komennolla \\"omat asiat\\"');
    const notice = await connector.waitFor((c) => c.conversationId === CHANNEL && c.method === 'POST' && JSON.stringify(c.body).includes('OH-'));
    caseId = (await store.all<{ id: string }>('cases'))[0].id;
    expect(JSON.stringify(notice.body)).toContain('case.view');
  });

  it.each([
    ['case.view', 'the automatic refresh of a viewer', KURAATTORI],
    ['case.open', 'the Open button of the initiator', TEACHER],
  ])('answers %s (%s) with the details for that person only, and never updates the channel message', async (verb, _what, user) => {
    const before = connector.calls.length;
    const r = await act(verb, { caseId, schoolId: 'koivurinne' }, channel(user));
    expect(r.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(text(r)).toContain(PUPIL);
    expect(text(r)).toContain(DESCRIPTION);
    // teams-ai would have written this card into the channel message (PUT) because it carries `refresh`.
    expect(connector.calls.slice(before).filter((c) => c.method === 'PUT')).toEqual([]);
  });

  it('gives someone without need to know the redacted notice', async () => {
    const r = await act('case.open', { caseId, schoolId: 'koivurinne' }, channel(OUTSIDER));
    expect(text(r)).not.toContain(PUPIL);
    expect(text(r)).toContain('Sinulla ei ole oikeutta');
  });

  it("keeps taking responsibility, changing the status and the admin's audit trail in the acting person's own view", async () => {
    const before = connector.calls.length;
    expect(text(await act('case.assign', { caseId, schoolId: 'koivurinne' }, channel(KURAATTORI)))).toContain('Vastuuhenkilö');
    expect(text(await act('case.status', { caseId, schoolId: 'koivurinne', to: 'kasittelyssa' }, channel(KURAATTORI)))).toContain('Käsittelyssä');
    const audit = await act('case.audit', { caseId, schoolId: 'koivurinne' }, channel(KURAATTORI));
    expect(collectText(audit.value).join('\n')).toMatch(/Asian OH-\d{4}-\d{4} loki[\s\S]*read[\s\S]*assigned/);
    // The trail (who read the case) is not posted to the channel either.
    expect(connector.calls.slice(before)).toEqual([]);
  });

  it("sends the details of an Action.Submit click in the channel to the person's personal chat, and leaves the channel message alone", async () => {
    const before = connector.calls.length;
    const submit = { ...message('', channel(KURAATTORI)), text: undefined, replyToId: 'notice-message-id', value: { verb: 'case.open', caseId, schoolId: 'koivurinne' } };
    expect((await post(bot.url, submit, { expectReplies: false })).status).toBe(200);
    const calls = connector.calls.slice(before);
    const toPersonal = calls.find((c) => c.conversationId === `a:${KURAATTORI.id}`);
    expect(JSON.stringify(toPersonal?.body)).toContain(PUPIL);
    expect(calls.filter((c) => c.method === 'PUT')).toEqual([]);
    expect(JSON.stringify(calls.find((c) => c.conversationId.startsWith(CHANNEL))?.body)).toContain('henkilökohtaiseen keskusteluusi');

    // Someone with no personal chat with Opari is told where to open it; the channel gets nothing else.
    const outsider = await post(bot.url, { ...submit, ...message('', channel(OUTSIDER)), text: undefined, value: submit.value }, { expectReplies: false });
    expect(outsider.status).toBe(200);
  });

  it("lets the responsible kuraattori hand the case over to the other kuraattori of the school, audited and told in the new one's personal chat", async () => {
    const choose = await act('case.handover', { caseId, schoolId: 'koivurinne' }, channel(KURAATTORI));
    expect(text(choose)).toContain(KURAATTORI2.name);
    expect(text(choose)).not.toContain(TEACHER.name);
    // Only the responsible person may hand over, and only to a holder of the same role at the school.
    expect((await act('case.handover', { caseId, schoolId: 'koivurinne' }, channel(KURAATTORI2))).value).toBe('Vain asian vastuuhenkilö voi siirtää asian.');
    expect(text(await act('case.handover.to', { caseId, schoolId: 'koivurinne', to: OUTSIDER.id }, channel(KURAATTORI)))).toContain(`Vastuuhenkilö","value":"${KURAATTORI.name}`);

    const done = await act('case.handover.to', { caseId, schoolId: 'koivurinne', to: KURAATTORI2.id }, channel(KURAATTORI));
    expect(text(done)).toContain(`uusi vastuuhenkilö on ${KURAATTORI2.name}`);
    const told = await connector.waitFor((c) => c.conversationId === `a:${KURAATTORI2.id}` && JSON.stringify(c.body).includes('siirrettiin sinun vastuullesi'));
    expect(JSON.stringify(told.body)).toMatch(/OH-\d{4}-\d{4}/);
    expect(JSON.stringify(told.body)).not.toContain('Vainikainen');
    expect((await act('case.handover.to', { caseId, schoolId: 'koivurinne', to: KURAATTORI2.id }, channel(KURAATTORI))).value).toBe('Vain asian vastuuhenkilö voi siirtää asian.');

    const audit = (await store.all<{ caseId: string; action: string; by: string; detail?: string }>('audit')).filter((a) => a.caseId === caseId && a.action === 'handed-over');
    expect(audit).toEqual([expect.objectContaining({ by: KURAATTORI.aadObjectId, detail: KURAATTORI2.aadObjectId })]);
  });

  it('tells the one handing over when Opari cannot tell the new holder (no chat with Opari), instead of claiming it did', async () => {
    const before = connector.calls.length;
    const done = await act('case.handover.to', { caseId, schoolId: 'koivurinne', to: KURAATTORI3.id }, channel(KURAATTORI2));
    expect(text(done)).toContain(`uusi vastuuhenkilö on ${KURAATTORI3.name}. Opari ei voi kertoa siitä hänelle, koska hän ei ole vielä avannut keskustelua Oparin kanssa: kerro hänelle itse.`);
    expect(connector.calls.slice(before).filter((c) => c.conversationId === `a:${KURAATTORI3.id}`)).toEqual([]);
    const handover = (await store.all<{ id: string; deliveries?: Record<string, { state: string; lastError?: string }> }>('cases')).find((c) => c.id === caseId)?.deliveries?.handover;
    expect(handover).toMatchObject({ state: 'failed', lastError: 'noChat' });

    // Handed back, the note reaches the holder who has a chat, and the card just says it was done.
    const back = await act('case.handover.to', { caseId, schoolId: 'koivurinne', to: KURAATTORI2.id }, channel(KURAATTORI3));
    expect(text(back)).toContain(`uusi vastuuhenkilö on ${KURAATTORI2.name}.`);
    expect(text(back)).not.toMatch(/Opari ei voi|yrittää uudelleen/);
    await connector.waitFor((c) => c.conversationId === `a:${KURAATTORI2.id}` && JSON.stringify(c.body).includes(`siirtäjä ${KURAATTORI3.name}`));
  });

  it('lists "omat asiat" with status and deadline: initials for the initiator, none for the new assignee, nothing in a channel', async () => {
    await post(bot.url, message('omat asiat', personal(TEACHER)), { expectReplies: false });
    const mine = await connector.waitFor((c) => c.conversationId === `a:${TEACHER.id}` && JSON.stringify(c.body).includes('Omat asiat'));
    const teacherList = JSON.stringify(mine.body);
    expect(teacherList).toMatch(/OH-\d{4}-\d{4} · Yhteydenotto opiskeluhuoltoon/);
    expect(teacherList).toContain('{"title":"Oppilas","value":"V. V., 9Ö"}');
    expect(teacherList).toMatch(/Käsittelyssä · Aloitit/);
    expect(JSON.stringify(mine.body)).toMatch(/"Määräaika","value":"(ma|ti|ke|to|pe|la|su) \d+\.\d+\.\d{4}"/);
    // The case number alone, pasted from a notice: the same list, where that case is.
    const number = /OH-\d{4}-\d{4}/.exec(teacherList)![0];
    const pasted = await post(bot.url, message(number, personal(TEACHER)));
    expect(JSON.stringify(pasted.replies[0].attachments?.[0].content)).toContain(`${number} · Yhteydenotto opiskeluhuoltoon`);

    const assigned = await post(bot.url, message('my cases', { ...personal(KURAATTORI2), locale: 'en-US' }));
    const list = JSON.stringify(assigned.replies[0].attachments?.[0].content);
    expect(list).toContain('Your responsibility');
    expect(list).not.toContain('V. V.');
    expect((await post(bot.url, message('mina ärenden', personal(KURAATTORI)))).replies[0].attachments?.[0]).toBeDefined();
    expect(JSON.stringify((await post(bot.url, message('mun asiat', personal(KURAATTORI2)))).replies[0].attachments?.[0].content)).toContain('Omat asiat');

    const inChannel = await post(bot.url, message('omat asiat', channel(TEACHER)));
    expect(inChannel.replies[0].text).toMatch(/vain henkilökohtaisessa keskustelussa/);
    expect((await post(bot.url, message(number, channel(TEACHER)))).replies[0].text).toMatch(/vain henkilökohtaisessa keskustelussa/);
    const listed = (await store.all<{ caseId: string; action: string }>('audit')).filter((a) => a.caseId === caseId && a.action === 'listed');
    expect(listed.length).toBeGreaterThanOrEqual(1);
  });

  it('posted the channel the notice and two pointers to personal chats, and never replaced a message there', () => {
    const calls = shared();
    expect(calls.map((c) => c.method)).toEqual(['POST', 'POST', 'POST']);
    expect(collectText(calls[2].body).join('') + String(calls[2].body.text)).toContain('Avaa asia henkilökohtaisessa keskustelussa');
  });

  it('audits every role grant and revocation, by whom and for whom as ids, never names', async () => {
    await act('roles.remove', { schoolId: 'koivurinne', role: 'kuraattori', userId: KURAATTORI2.id }, { ...channel(TEACHER), conversationId: CHANNEL });
    const roles = (await store.all<{ action: string; by: string; detail?: string; caseId?: string }>('audit')).filter((a) => a.action.startsWith('role-'));
    const seen = roles.map(({ action, by, detail, caseId }) => ({ action, by, detail, caseId })).sort((a, b) => `${a.action}${a.detail}`.localeCompare(`${b.action}${b.detail}`));
    expect(seen).toEqual([
      { action: 'role-granted', by: TEACHER.aadObjectId, detail: `koivurinne:kuraattori:${KURAATTORI.aadObjectId}`, caseId: undefined },
      { action: 'role-granted', by: TEACHER.aadObjectId, detail: `koivurinne:kuraattori:${KURAATTORI2.aadObjectId}`, caseId: undefined },
      { action: 'role-granted', by: TEACHER.aadObjectId, detail: `koivurinne:kuraattori:${KURAATTORI3.aadObjectId}`, caseId: undefined },
      { action: 'role-revoked', by: TEACHER.aadObjectId, detail: `koivurinne:kuraattori:${KURAATTORI2.aadObjectId}`, caseId: undefined },
    ]);
    expect(JSON.stringify(roles)).not.toContain(KURAATTORI2.name);
  });
});
