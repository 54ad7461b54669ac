// The browser playground, built with Vite and driven in headless Chromium: marks, rewrites, settings
// in the URL, Markdown code spans, a phone-width screen, keyboard use, and no request off the page's origin.
// The callbacks given to page.evaluate run in the page, so they are typed with the DOM's globals.
/// <reference lib="dom" />
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleDefinition } from '../../src/types.js';
import { browserTestsRun, launchChromium, screenshotPaths } from './chromium.js';

const ROOT = new URL('../../', import.meta.url);
/** Served under a sub-path, as a team's static host would: the build must use relative URLs. */
const BASE_PATH = '/tools/replylint/';
const BLAME = 'The courier lost your parcel.';
const DEAD_END = 'That is not possible.';
const BLAME_REWRITES = [
  'Rewrite: “I\'m sorry your parcel was lost — that\'s on us, and I\'ve [what you have done].”',
  'Rewrite: “I\'m sorry this went wrong — that\'s on us, and I\'ve [what you have done].”',
];
const DEAD_END_REWRITE = 'Rewrite: “Here\'s what I can do instead: [alternative].”';

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

interface BuiltChunk {
  type: string;
  fileName: string;
  moduleIds?: string[];
}

describe.skipIf(!browserTestsRun)('playground', () => {
  let outDir: string;
  let server: Server;
  let browser: Browser;
  let origin: string;
  let chunks: BuiltChunk[];
  const rules = (JSON.parse(readFileSync(new URL('dist/builtin-rules.json', ROOT), 'utf8')) as { rules: RuleDefinition[] }).rules;
  const why = (id: string) => rules.find((r) => r.id === id)!.why;

  beforeAll(async () => {
    outDir = mkdtempSync(join(tmpdir(), 'replylint-playground-'));
    const output = await build({
      configFile: new URL('playground/vite.config.ts', ROOT).pathname,
      build: { outDir, emptyOutDir: true },
      logLevel: 'silent',
    });
    chunks = ([output].flat() as Array<{ output: BuiltChunk[] }>).flatMap((o) => o.output);
    server = createServer(async (request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const rel = path.startsWith(BASE_PATH) ? normalize(path.slice(BASE_PATH.length) || 'index.html') : undefined;
      if (!rel || rel.startsWith('..')) return void response.writeHead(404).end();
      try {
        const body = await readFile(join(outDir, rel));
        response.writeHead(200, { 'content-type': TYPES[extname(rel)] ?? 'application/octet-stream' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  /** Opens the playground (with a hash) and waits for its first result; records every request. */
  async function open(hash = '', viewport = { width: 1200, height: 900 }): Promise<{ page: Page; requests: string[] }> {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (error) => requests.push(`page error: ${error.message}`));
    await page.goto(`${origin}${BASE_PATH}${hash}`);
    await page.waitForFunction(() => !/Loading/.test(document.getElementById('status')!.textContent ?? ''));
    return { page, requests };
  }

  /** Waits for the live region to say `text`; if it never does, fails showing what it says. */
  async function status(page: Page, text: string): Promise<void> {
    try {
      await page.waitForFunction((t) => document.getElementById('status')!.textContent === t, text, { timeout: 8_000 });
    } catch {
      expect(await page.textContent('#status')).toBe(text);
    }
  }
  const hashHas = (page: Page, part: string) => page.waitForFunction((p) => location.hash.includes(p), part, { timeout: 5_000 });
  const markedText = (page: Page, rule: string) =>
    page.$$eval(`#marks mark[data-rules~="${rule}"]`, (marks) => marks.map((m) => m.textContent).join(''));
  const rewrites = (page: Page, rule: string) => page.$$eval(`.problem[data-rule="${rule}"] button.rewrite`, (b) => b.map((x) => x.textContent));
  const problemRules = (page: Page) => page.$$eval('.problem', (items) => items.map((i) => (i as HTMLElement).dataset.rule));
  const hashParams = (page: Page) => page.evaluate(() => Object.fromEntries(new URLSearchParams(location.hash.slice(1))));

  async function save(page: Page, name: string): Promise<void> {
    for (const path of screenshotPaths(name)) await page.screenshot({ path, fullPage: true });
  }

  it('marks a blame sentence and a dead end, applies a rewrite, and restores text and settings from the URL', async () => {
    const { page } = await open();
    await page.click('#reply');
    await page.keyboard.type(`${BLAME} ${DEAD_END}`);
    await status(page, '2 problems: 2 errors');

    expect(await markedText(page, 'blame/third-party')).toBe('The courier lost your parcel');
    expect(await markedText(page, 'refusal/dead-end')).toBe('That is not possible');
    // The marks sit in a copy of the text in the textarea's own box: same text, same geometry.
    const geometry = await page.evaluate(() => {
      const [reply, marks] = [document.getElementById('reply')!, document.getElementById('marks')!];
      const box = (e: Element) => JSON.stringify(e.getBoundingClientRect());
      const style = (e: Element) => ['font', 'padding', 'borderWidth', 'whiteSpace', 'overflowWrap'].map((k) => getComputedStyle(e)[k as 'font']).join('|');
      return { sameBox: box(reply) === box(marks), sameStyle: style(reply) === style(marks), text: marks.textContent, value: (reply as HTMLTextAreaElement).value };
    });
    expect(geometry).toEqual({ sameBox: true, sameStyle: true, text: `${BLAME} ${DEAD_END}\u200b`, value: `${BLAME} ${DEAD_END}` });

    expect(await rewrites(page, 'blame/third-party')).toEqual(BLAME_REWRITES);
    expect(await rewrites(page, 'refusal/dead-end')).toEqual([DEAD_END_REWRITE]);
    expect(await page.textContent('.problem[data-rule="refusal/dead-end"] details.why p')).toBe(why('refusal/dead-end'));
    expect(await page.getAttribute('.problem[data-rule="blame/third-party"] a.rule', 'href')).toBe(rules.find((r) => r.id === 'blame/third-party')!.url);
    await save(page, 'playground.png');

    await page.click('.problem[data-rule="refusal/dead-end"] button.rewrite');
    await status(page, '1 problem: 1 error');
    expect(await page.inputValue('#reply')).toBe(`${BLAME} Here's what I can do instead: [alternative].`);
    expect(await problemRules(page)).toEqual(['blame/third-party']);
    expect(await markedText(page, 'refusal/dead-end')).toBe('');

    // Settings too: the "all" preset with one rule off.
    await page.selectOption('#preset', 'replylint:all');
    await page.uncheck('input[value="tone/helpless"]');
    await hashHas(page, 'off=');
    const url = page.url();
    expect(await hashParams(page)).toEqual({ text: `${BLAME} Here's what I can do instead: [alternative].`, preset: 'all', off: 'tone/helpless' });

    const reopened = (await open(new URL(url).hash)).page;
    await status(reopened, '1 problem: 1 error');
    expect(await reopened.inputValue('#reply')).toBe(`${BLAME} Here's what I can do instead: [alternative].`);
    expect(await reopened.inputValue('#preset')).toBe('replylint:all');
    expect(await reopened.isChecked('input[value="tone/helpless"]')).toBe(false);
    expect(await reopened.isChecked('input[value="tone/condescending"]')).toBe(true);
    expect(await problemRules(reopened)).toEqual(['blame/third-party']);
  });

  it('reads Markdown: a blame phrase inside a code span is not flagged, the same words as plain text are', async () => {
    const text = 'Search the log for `the courier lost your parcel` to find it.';
    const { page } = await open(`#text=${encodeURIComponent(text)}`);
    await status(page, '1 problem: 1 error');
    expect(await markedText(page, 'blame/third-party')).toBe('the courier lost your parcel');
    await page.selectOption('#format', 'markdown');
    await status(page, 'No problems');
    expect(await page.$$eval('#marks mark', (m) => m.length)).toBe(0);
    await hashHas(page, 'format=markdown');
  });

  it('turning a rule off removes its mark and puts it in the URL', async () => {
    const { page } = await open(`#text=${encodeURIComponent(`${BLAME} ${DEAD_END}`)}`);
    await status(page, '2 problems: 2 errors');
    await page.uncheck('input[value="refusal/dead-end"]');
    await status(page, '1 problem: 1 error');
    expect(await markedText(page, 'refusal/dead-end')).toBe('');
    expect(await markedText(page, 'blame/third-party')).toBe('The courier lost your parcel');
    await hashHas(page, 'off=');
    expect((await hashParams(page)).off).toBe('refusal/dead-end');
  });

  it('fits a 375 px phone screen without horizontal scrolling', async () => {
    const long = `${BLAME} ${DEAD_END} You have to restart the app. Our order page is https://example.com/orders/${'x'.repeat(80)}`;
    const { page } = await open(`#text=${encodeURIComponent(long)}`, { width: 375, height: 800 });
    await status(page, '3 problems: 2 errors, 1 warning');
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
    expect(widths).toEqual({ scroll: 375, client: 375 });
    // One column: the settings come below the problems, not beside them.
    const [problems, settings] = await Promise.all([page.locator('#problems').boundingBox(), page.locator('.settings').boundingBox()]);
    expect(settings!.y).toBeGreaterThan(problems!.y + problems!.height);
    await save(page, 'playground-phone.png');
  });

  it('works by keyboard alone: Tab reaches a rewrite with a visible focus ring, Enter applies it; Fix all applies the safe fix', async () => {
    const { page } = await open(`#text=${encodeURIComponent(`${DEAD_END} You have to restart the app.`)}`);
    await status(page, '2 problems: 1 error, 1 warning');
    let focused = '';
    for (let i = 0; i < 30 && focused !== 'rewrite'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement as HTMLElement).className);
    }
    expect(focused).toBe('rewrite');
    expect(await page.evaluate(() => document.activeElement!.textContent)).toBe(DEAD_END_REWRITE);
    expect(await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).toBe('solid');
    await page.keyboard.press('Enter');
    await status(page, '1 problem: 1 warning');
    expect(await page.inputValue('#reply')).toBe("Here's what I can do instead: [alternative]. You have to restart the app.");

    expect(await page.isEnabled('#fix-all')).toBe(true);
    await page.click('#fix-all');
    await status(page, 'No problems');
    expect(await page.inputValue('#reply')).toBe("Here's what I can do instead: [alternative]. Please restart the app.");
    expect(await page.isEnabled('#fix-all')).toBe(false);
  });

  it('makes no request off its own origin, bundles no Node built-in, and loads compromise only when a rule needs it', async () => {
    const nlpChunk = chunks.find((c) => c.type === 'chunk' && c.moduleIds?.some((id) => id.includes('/compromise/')));
    expect(nlpChunk).toBeDefined();
    expect(chunks.find((c) => c.fileName.endsWith('.js') && c.moduleIds?.some((id) => id.includes('/compromise/')) && c !== nlpChunk)).toBeUndefined();
    expect(chunks.some((c) => c.moduleIds?.some((id) => id.includes('__vite-browser-external')))).toBe(false);
    expect(await readFile(join(outDir, 'index.html'), 'utf8')).not.toContain(nlpChunk!.fileName);

    // A tone-only reply needs no part-of-speech tags: the page lints it without fetching compromise.
    const { page, requests } = await open(`#text=${encodeURIComponent('You have to restart the app.')}`);
    await status(page, '1 problem: 1 warning');
    expect(requests.filter((r) => r.includes(nlpChunk!.fileName))).toEqual([]);
    await page.fill('#reply', BLAME);
    await status(page, '1 problem: 1 error');
    expect(requests.filter((r) => r.includes(nlpChunk!.fileName))).toHaveLength(1);
    expect(requests.filter((r) => !r.startsWith(`${origin}${BASE_PATH}`))).toEqual([]);
  });
});
