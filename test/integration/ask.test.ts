import { cardAction, cardText, collectText, message, post, type BotReply } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { startTestStore, type TestStore } from '../helpers/store';

const PUBLIC_URL = 'https://opari.example.fi';

/** Cited section ids, best first, as Teams and tooling read them from the reply. */
function citedIds(reply: BotReply | undefined): string[] {
  const entity = reply?.entities?.find((e) => e.type === 'https://schema.org/Message') as { citation?: { position: number; appearance: { url: string; name: string } }[] } | undefined;
  return (entity?.citation ?? []).map((c) => c.appearance.url.replace(`${PUBLIC_URL}/plan/`, '').replace(/[?#].*$/, ''));
}

function actions(reply: BotReply | undefined): { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> }[] {
  const out: { type: string; title: string; verb?: string; url?: string; data?: Record<string, unknown> }[] = [];
  const walk = (n: unknown) => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o as never);
      Object.values(o).forEach(walk);
    }
  };
  walk(reply?.attachments?.[0]?.content);
  return out;
}

describe('ask the plan over HTTP', () => {
  let store: TestStore;
  let bot: RunningBot;

  beforeAll(async () => {
    store = await startTestStore('ask');
    bot = await startBot({ ...store.env, PUBLIC_URL });
  });
  afterAll(async () => {
    await bot?.stop();
    await store?.stop();
  });

  it('answers "millä perusteella oppilas saa avustajan?" with the criteria in the plan\'s own words, the source and a citation', async () => {
    const { replies } = await post(bot.url, message('millä perusteella oppilas saa avustajan?', { locale: 'fi-FI' }));
    expect(replies).toHaveLength(1);
    const text = cardText(replies[0]);
    expect(text).toContain('Avustajapalvelujen kriteerit');
    expect(text).toMatch(/• .*(vamma|sairaus)/); // the criteria as a list
    expect(text).toMatch(/Lähde: Esimerkkialueen opiskeluhuoltosuunnitelma › Avustajapalvelujen kriteerit/);
    expect(citedIds(replies[0])[0]).toBe('avustajakriteerit');
    expect(replies[0].text).toMatch(/\[1\]/);
    const open = actions(replies[0]).find((a) => a.type === 'Action.OpenUrl');
    expect(open).toMatchObject({ title: 'Avaa koko kohta', url: expect.stringMatching(new RegExp(`^${PUBLIC_URL}/plan/avustajakriteerit#p-\\d+$`)) });
    // The link opens the plan page at the quoted passage: the anchor is on the block the card quotes first.
    const anchor = open!.url!.split('#')[1];
    const page = await (await fetch(`${bot.url}/plan/avustajakriteerit`)).text();
    const block = new RegExp(`id="${anchor}">([\\s\\S]*?)</(p|ul|ol)>`).exec(page)?.[1] ?? '';
    const anchored = block.replace(/<[^>]+>/g, '').trim();
    expect(anchored.length).toBeGreaterThan(20);
    expect(text).toContain(anchored.slice(0, 40));
    expect(actions(replies[0]).some((a) => a.verb === 'forms.open' && a.data?.formId === 'avustajatarve')).toBe(true);
    expect(
      actions(replies[0])
        .filter((a) => a.verb === 'plan.feedback')
        .map((a) => a.title),
    ).toEqual(['👍', '👎']);
  });

  it('answers an English question from the Finnish plan in English, with the section cited', async () => {
    const { replies } = await post(bot.url, message('what are the home-schooling criteria?', { locale: 'en-US' }));
    expect(citedIds(replies[0])[0]).toMatch(/^kotiopetus/);
    const text = cardText(replies[0]);
    expect(text).toMatch(/Home education/);
    expect(text).toMatch(/Source: Student welfare plan of Esimerkkialue/);
    expect(actions(replies[0]).find((a) => a.type === 'Action.OpenUrl')?.title).toBe('Open whole section');
  });

  it('finds inflected, misspelled and Swedish questions', async () => {
    const cases: [string, string, RegExp][] = [
      ['kotiopetukseen siirtyminen', 'fi-FI', /^(lomakkeisto\/)?kotiopetus/],
      ['erityisopetukseen siirtämisen perusteet', 'fi-FI', /^erityisopetus/],
      ['kenelle ilmoitan kiusaamisesta', 'fi-FI', /^turvallisuus/],
      ['när får en elev en assistent?', 'sv-FI', /^(avustajakriteerit|lomakkeisto\/avustajatarve)$/],
      ['HOJKS', 'fi-FI', /^(erityisopetus|opiskeluhuolto\/kasitteet)/],
    ];
    for (const [q, locale, expected] of cases) {
      const { replies } = await post(bot.url, message(q, { locale }));
      expect([q, citedIds(replies[0])[0]]).toEqual([q, expect.stringMatching(expected)]);
    }
  });

  it.each([
    ['what is the weather tomorrow', 'en-US', 'The plan does not cover this', 'and this is not one of them'],
    ['kerro vitsi', 'fi-FI', 'Suunnitelma ei vastaa tähän', 'eikä tämä ole niitä'],
    ['vad är lösenordet till wifi', 'sv-FI', 'Planen svarar inte på det här', 'I sådana frågor hjälper IT-supporten.'],
    ['milloin on palkkapäivä', 'fi-FI', 'Suunnitelma ei vastaa tähän', 'Tällaisissa asioissa auttaa palkka- ja henkilöstöhallinto.'],
    ['mitä pidät kuun pinnan koostumuksesta', 'fi-FI', 'Suunnitelma ei vastaa tähän', 'En löytänyt opiskeluhuoltosuunnitelmasta'],
  ])('says plainly that the plan does not cover "%s", with no citation, and offers the experts only what has no known right place', async (q, locale, title, why) => {
    const { replies } = await post(bot.url, message(q, { locale }));
    expect(cardText(replies[0])).toContain(title);
    expect(cardText(replies[0])).toContain(why);
    expect(citedIds(replies[0])).toEqual([]);
    // IT and pay have their own services (the card says which): not a question for the welfare experts.
    const pointer = /IT-supporten|henkilöstöhallinto/.test(why);
    expect(actions(replies[0]).some((a) => a.verb === 'expert.ask' && a.data?.question === q)).toBe(!pointer);
  });

  it('says the plan does not say it yet when the question is about what the plan leaves for the region to write, showing the placeholder with no citation', async () => {
    const q = 'Kielletäänkö nikotiinipussit meidän koulun järjestyssäännöissä?';
    const { replies } = await post(bot.url, message(q, { locale: 'fi-FI' }));
    const text = cardText(replies[0]);
    expect(text).toContain('Suunnitelmassa ei vielä ole ohjetta tähän');
    expect(text).toContain('Nikotiinipussien asemasta koulun järjestyssäännöissä Esimerkkialue täydentää ohjeen tähän.');
    expect(citedIds(replies[0])).toEqual([]);
    expect(actions(replies[0]).find((a) => a.type === 'Action.OpenUrl')?.url).toMatch(new RegExp(`^${PUBLIC_URL}/plan/turvallisuus/paihteet#p-\\d+$`));
    expect(actions(replies[0]).some((a) => a.verb === 'expert.ask' && a.data?.question === q)).toBe(true);
  });

  it('puts emergency guidance first when a message signals acute danger', async () => {
    const { replies } = await post(bot.url, message('oppilas kertoi että isä lyö häntä kotona', { locale: 'fi-FI' }));
    const text = cardText(replies[0]);
    expect(text.indexOf('112')).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(/lastensuojeluilmoitus/i);
    expect(text).toMatch(/25 §/);
    expect(citedIds(replies[0])[0]).toMatch(/^kriisit/);
    const selfharm = await post(bot.url, message('my pupil says she wants to die', { locale: 'en-US' }));
    expect(cardText(selfharm.replies[0])).toMatch(/call 112/);
    expect(cardText(selfharm.replies[0])).toMatch(/Do not leave the pupil alone/);
  });

  it('answers a question about a weapon or violence from the section that answers it, under the emergency guidance', async () => {
    // A person of their own: what they type here is remembered as their language, and other tests click as someone else.
    const user = { id: '29:violence-asker', name: 'Opettaja', aadObjectId: 'a7c3e2d1-0b4f-4e6a-9c8d-violence0001' };
    const { replies } = await post(bot.url, message('I think a pupil has a knife in their bag. What am I allowed to search?', { locale: 'en-US', user }));
    const text = cardText(replies[0]);
    expect(text).toMatch(/call 112/);
    // The rules on searching a pupil's things answer; the crisis section stays beside them.
    expect(citedIds(replies[0]).slice(0, 2)).toEqual(['turvallisuus/kurinpito', 'kriisit']);
    const police = await post(bot.url, message('Ilmoitetaanko pahoinpitelystä poliisille, vaikka lyöjä on alle 15-vuotias?', { locale: 'fi-FI', user }));
    expect(citedIds(police.replies[0])[0]).toBe('turvallisuus/hairinta-ja-vakivalta');
    expect(cardText(police.replies[0])).toMatch(/alle 15-vuotias oppilas: poliisi arvioi asian/);
    // A threat to bring a gun, posted online: the crisis section's threat of violence, not the disclosure checklist
    // ("whenever someone asks for information").
    const threat = await post(bot.url, message("someone posted on snap that they'll bring a gun to school tmrw what do i do", { locale: 'en-US', user }));
    expect(cardText(threat.replies[0])).toMatch(/call 112/);
    expect(citedIds(threat.replies[0])[0]).toBe('kriisit');
  });

  it('stores 👍/👎 once per click with the section ids and the question encrypted, and thanks the user in place', async () => {
    const q = 'millä perusteella oppilas saa avustajan?';
    const vote = cardAction('plan.feedback', { vote: 'down', question: q, sectionIds: 'avustajakriteerit,lomakkeisto/avustajatarve', lang: 'fi' }, { locale: 'fi-FI' });
    const { replies } = await post(bot.url, vote);
    const card = replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value;
    expect(collectText(card).join('\n')).toContain('Kiitos palautteesta!');
    await post(bot.url, vote); // the same click again (a Teams retry): still one vote
    const docs = await store.all<{ vote: string; question?: string; sectionIds: string[]; sectionId: string }>('feedback');
    expect(docs).toEqual([expect.objectContaining({ vote: 'down', sectionIds: ['avustajakriteerit', 'lomakkeisto/avustajatarve'], sectionId: 'avustajakriteerit', secret: expect.any(Object) })]);
    // The question is free text: encrypted at rest.
    expect(JSON.stringify(docs)).not.toContain('avustajan?');
  });

  it('opens a follow-up section as a new answer and keeps the clicked card', async () => {
    const { replies } = await post(bot.url, cardAction('plan.open', { sectionId: 'kotiopetus/terveysperusteinen', question: 'what are the home-schooling criteria?' }, { locale: 'en-US' }));
    const answer = replies.find((r) => r.type === 'message');
    expect(citedIds(answer)[0]).toBe('kotiopetus/terveysperusteinen');
    const kept = replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value;
    expect(collectText(kept).join('\n')).toMatch(/Home education/);
  });

  it('serves the whole section as a readable page with its neighbours', async () => {
    const res = await fetch(`${bot.url}/plan/kotiopetus/huoltajan-valitsema?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toMatch(/<h1>Home education chosen by the guardian/);
    expect(html).toMatch(/Previous: <a href="\/plan\/kotiopetus\?lang=en">/);
    expect(html).toContain('example plan');
    expect((await fetch(`${bot.url}/plan/does-not-exist`)).status).toBe(404);
    expect((await fetch(`${bot.url}/plan/..%2F..%2Fetc%2Fpasswd`)).status).toBe(404);
  });
});
