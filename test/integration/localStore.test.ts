import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardAction, cardText, collectText, message, post, type BotReply } from '../helpers/activities';
import { startBot, type RunningBot } from '../helpers/bot';
import { type Connector, startConnector } from '../helpers/connector';

const TEACHER = { id: '29:user-opettaja', name: 'Sanna Heikkinen', aadObjectId: '0a1b2c3d-0005-4000-8000-000000000005' };
const CHANNEL = '19:paikallinen-kokeilu@thread.tacv2';
const PUPIL = 'Maija Meikäläinen';

const referral = {
  formId: 'uusi-asia',
  school: 'koivurinne',
  pupilName: PUPIL,
  pupilClass: '4A',
  initiator: 'opettaja',
  reason: 'tunne-elama',
  description: 'Oppilas on ollut poissa tunneilta ja väsynyt.',
  madeWith: 'pupil',
  pupilInformed: 'true',
  guardianInformed: 'true',
  urgency: 'normal',
  target: 'kuraattori',
};

/** `npm start` without COSMOS_ENDPOINT: a local trial whose data must outlive the process. */
describe('the local store keeps its data across restarts', () => {
  let dir: string;
  let connector: Connector;
  let bot: RunningBot | undefined;
  const personal = () => ({ conversationId: 'a:teacher-local', serviceUrl: connector.url, user: TEACHER, locale: 'fi-FI' });
  const channel = () => ({ scope: 'channel' as const, conversationId: CHANNEL, thread: '1712345678901', serviceUrl: connector.url, user: TEACHER, locale: 'fi-FI' });
  const invokeText = (replies: BotReply[]) => collectText(replies.find((r) => r.type === 'invokeResponse')?.value?.body?.value).join('\n');
  const start = (args: string[] = []) => startBot({ LOCAL_DATA_DIR: dir }, { args });
  const submitCase = async (b: RunningBot) => /OH-\d{4}-\d{4}/.exec(invokeText((await post(b.url, cardAction('form.submit', referral, personal()))).replies))?.[0];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opari-local-'));
    connector = await startConnector();
    connector.members.push(TEACHER);
  });
  afterEach(async () => {
    await bot?.stop();
    bot = undefined;
  });
  afterAll(async () => {
    await connector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says at start-up where the data is kept, and keeps the development case key readable by its owner only', async () => {
    bot = await start();
    const line = await bot.waitForLog((l) => l.event === 'store.embedded');
    expect(String(line.msg)).toContain(dir);
    expect(String(line.msg)).not.toMatch(/in memory/);
    expect(statSync(join(dir, 'case-key')).mode & 0o777).toBe(0o600);
    // What the next start must find: a case, a group in a channel, a person's language.
    expect(await submitCase(bot)).toMatch(/^OH-\d{4}-0001$/);
    await post(bot.url, cardAction('group.create', { type: 'communal', name: 'Kokeilukoulun OHR', school: 'koivurinne', lang: 'fi' }, channel()), { expectReplies: false });
    await post(bot.url, message('kieli ruotsi', personal()));
    expect(await bot.stop('SIGINT')).toBe(0); // Ctrl-C
    bot = undefined;
  }, 120_000);

  it('after a restart still has the case (readable), the group and the language choice, and case numbers continue', async () => {
    bot = await start();
    expect((await bot.waitForLog((l) => l.event === 'store.embedded')).restored).toBeGreaterThan(0);
    const { containers } = JSON.parse(readFileSync(join(dir, 'store.json'), 'utf8')) as { containers: Record<string, { id: string; schoolId?: string; number?: string }[]> };
    const stored = containers.cases.find((c) => c.number?.endsWith('-0001'))!;
    expect(JSON.stringify(containers.cases)).not.toContain(PUPIL); // encrypted at rest, in the file too
    const opened = await post(bot.url, cardAction('case.open', { caseId: stored.id, schoolId: stored.schoolId }, personal()));
    expect(invokeText(opened.replies)).toContain(PUPIL);
    const meetings = await post(bot.url, cardAction('welcome.meetings', {}, { ...channel(), thread: '1712345699999' }));
    expect(cardText(meetings.replies.find((r) => r.type === 'message'))).toContain('Kokeilukoulun OHR');
    const click = await post(bot.url, cardAction('welcome.ask', {}, { ...personal(), locale: 'en-US' }));
    expect(click.replies.find((r) => r.type === 'message')?.text).toMatch(/Skriv din fråga/);
    expect(await submitCase(bot)).toMatch(/-0002$/);
    // Killed without a chance to save at exit: what was written is already on disk.
    await new Promise((r) => setTimeout(r, 1500));
    await bot.stop('SIGKILL');
    bot = undefined;
  }, 120_000);

  it('keeps what was written before the process was killed, and starts empty with --fresh', async () => {
    bot = await start();
    expect(await submitCase(bot)).toMatch(/-0003$/);
    await bot.stop();

    bot = await start(['--fresh']);
    await bot.waitForLog((l) => l.event === 'store.local.wiped');
    expect(await submitCase(bot)).toMatch(/-0001$/);
  }, 120_000);
});
