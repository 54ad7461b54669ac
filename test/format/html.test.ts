import { afterEach, describe, expect, it, vi } from 'vitest';
import { contextOf, formatHtml, summaryFigures } from '../../src/format/html.js';
import type { RuleMeta } from '../../src/format/index.js';
import type { LintMessage, LintResult } from '../../src/types.js';
import { deadEnd, ignoredNotice, result, syntaxError, youHaveTo } from './sample-results.js';

/** The summary figures the page carries in data- attributes, by name. */
function figures(html: string): Record<string, string> {
  return Object.fromEntries([...html.matchAll(/data-figure="([\w-]+)" data-value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}

function withInput(r: LintResult, format: string, replies: number, repliesWithProblems: number): LintResult {
  return { ...r, input: { format, replies, repliesWithProblems } };
}

const blame: LintMessage = {
  ruleId: 'blame/third-party',
  severity: 2,
  message: '“The courier” is made responsible for “lost”.',
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 12,
  docsUrl: 'https://example.org/docs/rules/blame/third-party.md',
  suggestions: [{ desc: 'Rewrite: “I\'m sorry your parcel was lost.”', fix: { range: [0, 29], text: "I'm sorry your parcel was lost." } }],
};

const meta: Record<string, RuleMeta> = {
  'blame/third-party': { summary: 'A third party is blamed.', why: 'The customer chose us, not the courier.', docsUrl: 'https://example.org/docs/rules/blame/third-party.md' },
  'refusal/dead-end': { summary: 'A flat refusal.', why: 'Say what can be done.' },
  'tone/you-have-to': { summary: 'An order.', why: 'Orders put people off.' },
};

const sample: LintResult[] = [
  { ...withInput(result('/w/late.txt', [blame]), 'text', 1, 1), source: 'The courier lost your parcel.\nSorry.\n' },
  withInput(result('/w/clean.md', []), 'markdown', 1, 0),
  withInput(result('/w/macros.json', [deadEnd, youHaveTo]), 'json: zendesk-macros', 3, 1),
];

const options = { cwd: '/w', rulesMeta: meta, version: '9.8.7' };

describe('html report: summary figures', () => {
  it('counts files, macros in exports, replies, problems and the share of clean replies', () => {
    expect(figures(formatHtml(sample, options))).toEqual({
      'share-clean': '60.0',
      'replies-clean': '3',
      files: '3',
      macros: '3',
      replies: '5',
      'replies-with-problems': '2',
      problems: '3',
      errors: '2',
      warnings: '1',
    });
    expect(formatHtml(sample, options)).toContain('<strong data-figure="share-clean" data-value="60.0">60.0%</strong> of replies have no problem');
  });

  it('rounds the share to one decimal and says so when no reply was linted', () => {
    const twoOfThree = [withInput(result('/w/a.txt', [blame]), 'text', 3, 1)];
    expect(summaryFigures(twoOfThree).shareClean).toBe('66.7');
    expect(summaryFigures([withInput(result('/w/a.txt', []), 'text', 7, 0)]).shareClean).toBe('100.0');
    const none = formatHtml([result('/w/ignored.txt', [ignoredNotice])], options);
    expect(figures(none)['share-clean']).toBe('');
    expect(none).toContain('No reply was linted.');
  });

  it('shows the baseline only when something is suppressed', () => {
    expect(figures(formatHtml(sample, options)).suppressed).toBeUndefined();
    const suppressed = [{ ...sample[0]!, suppressedMessages: [{ ...blame, suppressions: [{ kind: 'file' as const, justification: '' }] }] }];
    expect(figures(formatHtml(suppressed, options)).suppressed).toBe('1');
  });
});

describe('html report: families, rules and top lists', () => {
  it('counts problems by family (the rule id before "/") and by rule, most first, with the numbers as text', () => {
    const html = formatHtml([...sample, result('/w/broken.json', [syntaxError])], options);
    const families = [...html.matchAll(/<tr data-family="([^"]+)" data-count="(\d+)"><th scope="row">([^<]+)<\/th><td class="num">(\d+)<\/td>/g)].map((m) => [m[1], m[2], m[3], m[4]]);
    expect(families).toEqual([
      ['blame', '1', 'blame', '1'],
      ['input', '1', 'input (no rule)', '1'],
      ['refusal', '1', 'refusal', '1'],
      ['tone', '1', 'tone', '1'],
    ]);
    const rules = [...html.matchAll(/<tr data-rule="([^"]+)" data-count="(\d+)">/g)].map((m) => [m[1], m[2]]);
    expect(rules).toEqual([
      ['blame/third-party', '1'],
      ['input', '1'],
      ['refusal/dead-end', '1'],
      ['tone/you-have-to', '1'],
    ]);
    // The bars are inline SVG, as long as the count is to the largest one.
    expect(html).toContain('<svg class="bar" width="240" height="14" viewBox="0 0 240 14" aria-hidden="true" focusable="false"><rect width="240" height="14" rx="2" fill="#b3261e"/></svg>');
  });

  it("groups a team's own rule under the family its rule file declares, not its id's prefix", () => {
    const own: LintMessage = { ...youHaveTo, ruleId: 'acme/no-sorry' };
    const html = formatHtml([result('/w/a.txt', [own, youHaveTo, blame])], { ...options, rulesMeta: { ...meta, 'acme/no-sorry': { summary: 'No sorry.', family: 'tone' } } });
    expect([...html.matchAll(/<tr data-family="([^"]+)" data-count="(\d+)">/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['tone 2', 'blame 1']);
    expect(html).toContain('data-family="tone" data-rule="acme/no-sorry"');
    expect(html).not.toContain('data-family="acme"');
  });

  it('scales the bars to the most frequent family', () => {
    const html = formatHtml([result('/w/a.txt', [blame, blame, blame, youHaveTo])], options);
    expect(html).toMatch(/<tr data-family="blame" data-count="3">.*<rect width="240" /);
    expect(html).toMatch(/<tr data-family="tone" data-count="1">.*<rect width="80" /);
  });

  it('lists the ten files with the most problems, most first, then by name', () => {
    const many = Array.from({ length: 12 }, (_, i) => result(`/w/f${String(i).padStart(2, '0')}.txt`, Array.from({ length: (i % 4) + 1 }, () => blame)));
    const html = formatHtml(many, options);
    const table = html.slice(html.indexOf('<table id="top-files">'), html.indexOf('</table>', html.indexOf('<table id="top-files">')));
    const rows = [...table.matchAll(/<tr data-count="(\d+)"><td class="num">(\d+)<\/td><th scope="row"><a href="#[^"]+">([^<]+)<\/a>/g)].map((m) => `${m[2]} ${m[3]} ${m[1]}`);
    expect(rows).toEqual(['1 f03.txt 4', '2 f07.txt 4', '3 f11.txt 4', '4 f02.txt 3', '5 f06.txt 3', '6 f10.txt 3', '7 f01.txt 2', '8 f05.txt 2', '9 f09.txt 2', '10 f00.txt 1']);
  });

  it('lists macros by title and id, with their file', () => {
    const other = { ...youHaveTo, macro: { id: '77', title: 'Shipping delay' } };
    const html = formatHtml([result('/w/macros.json', [deadEnd, { ...deadEnd, line: 9 }, other])], options);
    const table = html.slice(html.indexOf('<table id="top-macros">'), html.indexOf('</table>', html.indexOf('<table id="top-macros">')));
    const rows = [...table.matchAll(/<tr data-count="(\d+)"><td class="num">\d+<\/td><th scope="row">([^<]+) <span class="in-file">([^<]+)<\/span><\/th><td class="num">\d+<\/td><td class="num">(\d+)<\/td><td class="num">(\d+)<\/td>/g)].map((m) => m.slice(1));
    expect(rows).toEqual([
      ['2', '“Refund: out of stock” (id 3601)', 'macros.json', '2', '0'],
      ['1', '“Shipping delay” (id 77)', 'macros.json', '0', '1'],
    ]);
  });
});

describe('html report: every problem', () => {
  it('shows file, position, severity, the rule linked to its docs, message, why and rewrites', () => {
    const html = formatHtml(sample, options);
    const item = /<li class="problem" id="problem-1".*?<\/details><\/li>/.exec(html)![0];
    expect(item).toBe(
      '<li class="problem" id="problem-1" data-family="blame" data-rule="blame/third-party" data-severity="error">' +
        '<p class="head"><span class="sev sev-error">error</span> <span class="loc"><span class="visually-hidden">late.txt </span>1:1</span> ' +
        '<a class="rule" href="https://example.org/docs/rules/blame/third-party.md" rel="noopener noreferrer"><code>blame/third-party</code></a></p>' +
        '<p class="message">“The courier” is made responsible for “lost”.</p>' +
        '<p class="context"><span class="visually-hidden">Line 1: </span><code><mark>The courier</mark> lost your parcel.</code></p>' +
        '<ul class="rewrites" aria-label="Suggested rewrites"><li><span class="desc">Rewrite: “</span><ins>I&#39;m sorry your parcel was lost.</ins><span class="desc">”</span></li></ul>' +
        '<details class="why"><summary>Why it matters</summary><p>The customer chose us, not the courier.</p></details></li>',
    );
  });

  it('shows a safe fix once and names the macro', () => {
    const html = formatHtml([result('/w/m.json', [{ ...youHaveTo, macro: { id: '5', title: 'Reset' } }])], options);
    expect(html).toContain('<span class="macro">macro “Reset” (id 5)</span>');
    expect(html).toContain('<ul class="rewrites" aria-label="Suggested rewrites"><li><span class="desc">Safe fix (<code>--fix</code>)</span> <ins>You can</ins></li></ul>');
  });

  it('reads the line from sourceText, preferring the fixed output and the stdin source', () => {
    const sourceText = vi.fn((path: string) => (path === '/w/disk.txt' ? '\uFEFFLine one.\r\nYou have to restart the app.\n' : undefined));
    const html = formatHtml(
      [
        result('/w/disk.txt', [youHaveTo]),
        { ...result('/w/fixed.txt', [{ ...youHaveTo, line: 1, endLine: 1 }]), output: 'You have to wait.\n', source: 'not this' },
        result('/w/gone.txt', [youHaveTo]),
      ],
      { ...options, sourceText },
    );
    expect(sourceText.mock.calls).toEqual([['/w/disk.txt'], ['/w/gone.txt']]);
    const contexts = [...html.matchAll(/<p class="context">.*?<code>(.*?)<\/code><\/p>/g)].map((m) => m[1]);
    expect(contexts).toEqual(['<mark>You have to</mark> restart the app.', '<mark>You have to</mark> wait.']);
  });

  it('escapes every text from the results: an injection attempt stays text', () => {
    const evil = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const r: LintResult = {
      ...result(`/w/${evil}.txt`, [
        {
          ...blame,
          message: `“${evil}” blames`,
          macro: { id: '"><b>', title: evil },
          speaker: evil,
          docsUrl: 'javascript:alert(1)',
          suggestions: [{ desc: evil, fix: { range: [0, 1], text: evil } }],
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 9,
        },
      ]),
      source: `${evil} The courier lost it.`,
    };
    const html = formatHtml([r], { ...options, rulesMeta: { 'blame/third-party': { summary: evil, why: evil } } });
    expect(html).not.toMatch(/<script>alert|<img|<b>|onerror=alert\(1\)>|javascript:/);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<span class="rule"><code>blame/third-party</code></span>');
    // The page's own markup is intact: one script element, the inline one.
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('lists problems without a rule as input problems, and a whole-file notice without a position', () => {
    const html = formatHtml([result('/w/x.txt', [ignoredNotice])], options);
    expect(html).toContain('data-family="input" data-rule="input" data-severity="warning"');
    expect(html).toContain('<span class="visually-hidden">x.txt </span>whole file</span> <span class="rule"><span>input (no rule)</span></span>');
  });

  it('offers family, rule and severity filters, hidden until the script shows them', () => {
    const html = formatHtml(sample, options);
    expect(html).toContain('<form class="filters" id="filters" hidden aria-label="Filter the problems">');
    expect(html).toContain('<select id="filter-family"><option value="">all families</option><option value="blame">blame</option><option value="refusal">refusal</option><option value="tone">tone</option></select>');
    expect(html).toContain('<select id="filter-rule"><option value="">all rules</option><option value="blame/third-party">blame/third-party</option><option value="refusal/dead-end">refusal/dead-end</option><option value="tone/you-have-to">tone/you-have-to</option></select>');
    expect(html).toContain('Showing <span id="shown-count" data-value="3">3</span> of 3 problems.');
  });
});

describe('html report: context lines', () => {
  const m = (column: number, endColumn: number, line = 1, endLine = line) => ({ line, column, endLine, endColumn });

  it('shows a short line whole, with the words marked', () => {
    expect(contextOf(m(5, 12), ['The courier lost your parcel.'])).toEqual({ before: 'The ', marked: 'courier', after: ' lost your parcel.', clippedStart: false, clippedEnd: false });
  });

  it('clips a long line to 160 characters centred on the words', () => {
    const line = 'a'.repeat(300) + 'That is not possible.' + 'b'.repeat(300);
    const c = contextOf(m(301, 322), [line])!;
    expect(c.marked).toBe('That is not possible.');
    expect([c.before.length, c.after.length, c.clippedStart, c.clippedEnd]).toEqual([69, 70, true, true]);
    expect(c.before.length + c.marked.length + c.after.length).toBe(160);
  });

  it('keeps 160 characters at either end of a long line', () => {
    const line = 'That is not possible.' + 'b'.repeat(300);
    const c = contextOf(m(1, 22), [line])!;
    expect([c.before, c.after.length, c.clippedStart, c.clippedEnd]).toEqual(['', 139, false, true]);
    const end = contextOf(m(301, 322), ['b'.repeat(300) + 'That is not possible.'])!;
    expect([end.before.length, end.after, end.clippedStart, end.clippedEnd]).toEqual([139, '', true, false]);
  });

  it('marks a range over several lines to the end of its first line, and cuts no character in two', () => {
    expect(contextOf(m(5, 3, 1, 2), ['The courier lost', 'it.'])).toEqual({ before: 'The ', marked: 'courier lost', after: '', clippedStart: false, clippedEnd: false });
    const emoji = '😀'.repeat(100) + 'You have to restart the app.' + '😀'.repeat(100);
    const c = contextOf(m(201, 212), [emoji])!;
    expect(c.marked).toBe('You have to');
    expect(c.before.charCodeAt(0)).toBe(0xd83d);
    expect(c.after.charCodeAt(c.after.length - 1)).toBe(0xde00);
  });

  it('leaves out the indentation before the words', () => {
    expect(contextOf(m(17, 28), ['      "value": "That is not possible."'])).toEqual({ before: '"value": "', marked: 'That is not', after: ' possible."', clippedStart: false, clippedEnd: false });
    expect(contextOf(m(5, 9), ['    text'])).toEqual({ before: '', marked: 'text', after: '', clippedStart: false, clippedEnd: false });
  });

  it('gives nothing for a whole-file notice or a line past the end', () => {
    expect(contextOf(m(0, 0, 0), ['x'])).toBeUndefined();
    expect(contextOf(m(1, 2, 3), ['x'])).toBeUndefined();
  });

  it('shows the clipped context with ellipses in the page', () => {
    const r = { ...result('/w/long.txt', [{ ...blame, line: 1, column: 301, endLine: 1, endColumn: 312 }]), source: 'x'.repeat(300) + 'The courier lost it.' + 'y'.repeat(300) };
    expect(formatHtml([r], options)).toContain(`<code>…${'x'.repeat(74)}<mark>The courier</mark> lost it.${'y'.repeat(66)}…</code>`);
  });
});

describe('html report: self-contained and deterministic', () => {
  afterEach(() => vi.useRealTimers());

  it('fetches nothing: no src attribute, no CSS url() or import, links only to the page and the docs', () => {
    const html = formatHtml(sample, options);
    expect(html).not.toMatch(/\ssrc=|url\(|@import|<link/i);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);
    expect(hrefs.filter((h) => !h.startsWith('#'))).toEqual(['https://example.org/docs/rules/blame/third-party.md']);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`);
  });

  it('is the same for the same results at any time, and names the version', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const first = formatHtml(sample, options);
    vi.setSystemTime(new Date('2031-06-15T12:00:00Z'));
    expect(formatHtml(sample, options)).toBe(first);
    expect(first).toContain('<footer><p>Generated by replylint 9.8.7. Positions are line:column in each file. This page loads nothing from the network.</p></footer>');
    expect(first).not.toMatch(/20(20|31)/);
  });

  it('has the landmarks and headings a screen reader navigates by', () => {
    const html = formatHtml(sample, options);
    for (const tag of ['<html lang="en">', '<header>', '<main>', '<footer>', '<nav aria-label="Sections">', '<h1>replylint report</h1>', '<h2 id="summary-h">Summary</h2>', '<h3>late.txt</h3>']) {
      expect(html).toContain(tag);
    }
    expect(html).toContain('<th scope="col">Family</th>');
  });
});
