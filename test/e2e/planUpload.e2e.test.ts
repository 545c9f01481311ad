import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { browserAvailable, type PlaygroundSession, say, SCREENSHOTS, startPlaygroundSession } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const PDF = join(__dirname, '..', 'fixtures', 'plan-import', 'real', 'ammatillinen-koulutus-opas-fi.pdf');

/**
 * The Agents Playground (0.2.28) has no file upload of its own (its Web Chat upload button is hidden), but
 * "Mock an Activity › Custom activity" sends any activity: here the message Teams sends when a user gives
 * a bot a file, its download URL answered by a server in this test.
 */
run("uploading the region's plan in the Agents Playground", () => {
  let session: PlaygroundSession;
  let files: Server;
  let fileUrl: string;

  beforeAll(async () => {
    files = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(readFileSync(PDF));
    });
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', () => r()));
    fileUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}/ammatillinen-koulutus-opas-fi.pdf`;
    session = await startPlaygroundSession();
  }, 90_000);

  afterAll(async () => {
    await session?.close();
    files?.closeAllConnections();
    await new Promise((r) => files?.close(r));
  });

  it('previews the document, tries a question, publishes it and answers with its numbers and pages', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await page.goto(session.url);
    await page.locator('.ac-adaptiveCard').first().waitFor({ timeout: 30_000 });

    await page.getByRole('button', { name: 'Mock an Activity' }).click();
    await page.getByText('Custom activity', { exact: true }).click();
    const activity = {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: `${session.url.replace(/\/$/, '')}/_connector`,
      recipient: { id: '28:opari-local-bot', name: 'Opari' },
      conversation: { id: 'a:personal-aino-opari', conversationType: 'personal', tenantId: '6f1c2a3b-4d5e-4f60-8a9b-0c1d2e3f4a5b' },
      from: { id: '29:user-kuraattori', aadObjectId: '0a1b2c3d-0001-4000-8000-000000000001' },
      locale: 'en-US',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          name: 'ammatillinen-koulutus-opas-fi.pdf',
          contentUrl: fileUrl,
          content: { downloadUrl: fileUrl, uniqueId: 'e2e', fileType: 'pdf' },
        },
      ],
    };
    await page.locator('.monaco-editor').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(JSON.stringify(activity));
    const cards = await page.locator('.ac-adaptiveCard').count();
    await page.getByRole('button', { name: 'Send activity' }).click();

    await page.getByText('Reading ammatillinen-koulutus-opas-fi.pdf').first().waitFor({ timeout: 20_000 });
    await page.waitForFunction((n) => document.querySelectorAll('.ac-adaptiveCard').length > n, cards, { timeout: 60_000 });
    const preview = page.locator('.ac-adaptiveCard').last();
    await expect(preview.innerText()).resolves.toContain('Draft: Opiskelijan tuki ja turvallinen opiskeluympäristö');
    await expect(preview.innerText()).resolves.toContain('2 Turvallinen opiskeluympäristö · 14 sections · p. 6');

    await preview.locator('input').fill('kurinpito asuntolassa');
    await preview.getByRole('button', { name: 'Try' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent?.includes("The draft's answer: 2.7 Kurinpito asuntolassa (86 §) (p. 9)"), undefined, {
      timeout: 20_000,
    });
    await page.locator('.ac-adaptiveCard').last().getByRole('button', { name: 'Publish' }).click();
    await page.waitForFunction(() => [...document.querySelectorAll('.ac-adaptiveCard')].pop()?.textContent?.includes('Published: Opiskelijan tuki'), undefined, { timeout: 20_000 });

    // Asked in Finnish, answered in Finnish whatever the client's locale: the citation's page is "s.".
    await say(page, 'kurinpito asuntolassa');
    const answer = page.locator('.ac-adaptiveCard').last();
    await expect(answer.innerText()).resolves.toContain('2.7 Kurinpito asuntolassa (86 §)');
    await expect(answer.innerText()).resolves.toContain('› 2.7 Kurinpito asuntolassa (86 §) (s. 9)');
    await page.screenshot({ path: join(SCREENSHOTS, 'plan-upload.png'), fullPage: true });
  }, 180_000);
});
