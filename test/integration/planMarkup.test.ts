import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { message, post } from '../helpers/activities';
import { ROOT, startBot, type RunningBot } from '../helpers/bot';

/**
 * A region imports its own plan: whatever markup its documents carry must not become links or markup in
 * Teams messages and cards (only http(s) links survive), and every HTML page carries security headers.
 */
const SECTION = `---
id: zebrat
order: 99
title:
  fi: "Seeprakoulutus [avaa](javascript:alert(1)) <b>tärkeä</b>"
  sv: "Sebrautbildning"
  en: "Zebra training"
keywords:
  fi: [seeprakoulutus, seeprat]
  sv: [sebrautbildning]
  en: [zebra training]
forms: []
law: []
reviewed: 2026-09-15
---
Seeprakoulutuksesta vastaa rehtori. Lue [ohje](javascript:alert(document.cookie)) ja [lomake](data:text/html,<script>alert(1)</script>) sekä <img src=x onerror=alert(1)> [alueen sivu](https://esimerkki.fi/seeprat).
`;

describe('imported plan text in Teams and on the plan pages', () => {
  let dir: string;
  let bot: RunningBot;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opari-markup-'));
    cpSync(join(ROOT, 'content', 'plan'), dir, { recursive: true });
    writeFileSync(join(dir, 'zebrat.md'), SECTION);
    bot = await startBot({ PLAN_DIR: dir, PUBLIC_URL: 'https://opari.example.fi' });
  }, 120_000);
  afterAll(async () => {
    await bot?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps only http(s) links in the answer card and no markup in the message text or the citations', async () => {
    const { replies } = await post(bot.url, message('kuka vastaa seeprakoulutuksesta'));
    const reply = replies[0];
    const card = JSON.stringify(reply.attachments?.[0].content);
    expect(card).toContain('Seeprakoulutuksesta vastaa rehtori');
    expect(card).toContain('[alueen sivu](https://esimerkki.fi/seeprat)');
    for (const bad of ['javascript:', 'data:text/html', '<img', 'onerror', '<b>', '<script']) expect(card).not.toContain(bad);

    expect(reply.text).toMatch(/Seeprakoulutus avaa tärkeä \[1\]/);
    for (const bad of ['javascript', '<', '](']) expect(reply.text).not.toContain(bad);
    const citation = (reply.entities?.[0] as { citation: { appearance: { name: string; url: string } }[] }).citation[0].appearance;
    expect(citation.name).not.toMatch(/[<>[\]]|javascript/);
    expect(citation.url).toMatch(/^https:\/\/opari\.example\.fi\/plan\/zebrat/);
  });

  it.each(['/plan/zebrat', '/plan/ei-ole', '/faq/faq-0000abcd'])('sends %s with the security headers of every HTML page, escaped', async (path) => {
    const res = await fetch(`${bot.url}${path}`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/frame-ancestors [^;]*https:\/\/teams\.microsoft\.com/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await res.text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>tärkeä');
  });

  it('shows a hostile section title on its plan page as text, in the title and the heading', async () => {
    const page = await (await fetch(`${bot.url}/plan/zebrat?lang=fi`)).text();
    expect(page).toContain('<title>Seeprakoulutus [avaa](javascript:alert(1)) &lt;b&gt;tärkeä&lt;/b&gt; – ');
    expect(page).toContain('<h1>Seeprakoulutus [avaa](javascript:alert(1)) &lt;b&gt;tärkeä&lt;/b&gt;</h1>');
  });
});
