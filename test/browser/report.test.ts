// The HTML report the real binary writes, in headless Chromium: its figures equal those of the
// JSON output of the same run, the filters show the right problems, and nothing is fetched.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportFixture } from '../e2e/report-fixture.js';
import { assertBuilt, envWith, runCli } from '../e2e/run-cli.js';
import { browserTestsRun, launchChromium, screenshotPaths } from './chromium.js';

interface JsonResult {
  messages: Array<{ ruleId: string | null; severity: number; fatal?: boolean }>;
  input?: { replies: number; repliesWithProblems: number };
}

describe.skipIf(!browserTestsRun)('the HTML report in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let json: JsonResult[];
  const requests: string[] = [];

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'replylint-report-'));
    writeReportFixture(dir);
    const env = envWith({ NO_COLOR: '1' });
    const [html, out] = await Promise.all([
      runCli(['replies', 'exports', '--format', 'html', '-o', 'report.html'], { cwd: dir, env }),
      runCli(['replies', 'exports', '--format', 'json'], { cwd: dir, env }),
      (async () => (browser = await launchChromium()))(),
    ]);
    expect(html.status).toBe(1);
    json = JSON.parse(out.stdout) as JsonResult[];
    page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(dir, 'report.html')).href);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const figure = (name: string) => page.locator(`[data-figure="${name}"]`).getAttribute('data-value');
  const shownRules = () => page.locator('li.problem:visible').evaluateAll((items) => items.map((li) => li.getAttribute('data-rule')));

  it('shows the figures the JSON output gives', async () => {
    const messages = json.flatMap((r) => r.messages);
    const replies = json.reduce((n, r) => n + (r.input?.replies ?? 0), 0);
    const withProblems = json.reduce((n, r) => n + (r.input?.repliesWithProblems ?? 0), 0);
    const perFamily: Record<string, number> = {};
    for (const m of messages) perFamily[m.ruleId!.split('/')[0]!] = (perFamily[m.ruleId!.split('/')[0]!] ?? 0) + 1;

    expect(await figure('files')).toBe(String(json.length));
    expect(await figure('replies')).toBe(String(replies));
    expect(await figure('problems')).toBe(String(messages.length));
    expect(await figure('share-clean')).toBe((((replies - withProblems) / replies) * 100).toFixed(1));
    expect(await page.locator('.headline').innerText()).toBe('33.3% of replies have no problem (2 of 6)');
    const families = await page.locator('#by-family tbody tr').evaluateAll((rows) => rows.map((tr) => [tr.getAttribute('data-family'), Number(tr.querySelector('td.num')!.textContent)]));
    expect(Object.fromEntries(families)).toEqual(perFamily);
  });

  it('filters by family, rule and severity, and shows everything again', async () => {
    expect(await page.locator('#filters').isVisible()).toBe(true);
    expect(await shownRules()).toHaveLength(6);

    await page.selectOption('#filter-family', 'blame');
    expect(await shownRules()).toEqual(['blame/third-party', 'blame/third-party']);
    expect(await page.locator('#shown-count').innerText()).toBe('2');
    // A file whose problems are all filtered out is hidden with them.
    expect(await page.locator('section.file:visible h3').allInnerTexts()).toEqual(['exports/zendesk-macros.json', 'replies/blame.txt']);

    await page.selectOption('#filter-family', '');
    await page.selectOption('#filter-severity', 'warning');
    expect(await shownRules()).toEqual(['tone/you-have-to', 'tone/unfortunately-opener']);

    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-rule', 'refusal/dead-end');
    const where = await page.locator('li.problem:visible .loc').allTextContents();
    expect(where).toEqual(['exports/zendesk-macros.json 19:78', 'replies/dead-end.md 3:1']);

    await page.click('button[type=reset]');
    await expect.poll(() => shownRules()).toHaveLength(6);
  });

  it('is usable with the keyboard alone', async () => {
    await page.focus('#filter-family');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#filter-family').inputValue()).toBe('blame');
    // The change event follows the key press after a turn of the event loop.
    await expect.poll(() => shownRules()).toHaveLength(2);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => shownRules()).toHaveLength(6);
  });

  it('made no network request, and saves a screenshot', async () => {
    for (const path of screenshotPaths('report.png')) await page.screenshot({ path, fullPage: true });
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
  });

  it('lists every problem without JavaScript, with no filter form', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(pathToFileURL(join(dir, 'report.html')).href);
    expect(await plain.locator('li.problem:visible').count()).toBe(6);
    expect(await plain.locator('#filters').isVisible()).toBe(false);
    await context.close();
  });
});
