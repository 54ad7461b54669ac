import { describe, expect, it } from 'vitest';
import type { RuleMeta } from '../../src/format/index.js';
import { formatSarif } from '../../src/format/sarif.js';
import { URI_REFERENCE, validate } from './sarif-schema.js';
import { deadEnd, ignoredNotice, result, syntaxError, youHaveTo } from './sample-results.js';

interface Log {
  $schema: string;
  runs: Array<{
    tool: { driver: { version?: string; rules: Array<{ id: string }> } };
    originalUriBaseIds?: Record<string, { uri: string }>;
    invocations: Array<{ executionSuccessful: boolean }>;
    results: Array<{
      ruleId?: string;
      ruleIndex?: number;
      level: string;
      message: { text: string };
      locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Record<string, number> } }>;
      fixes?: unknown[];
      properties?: Record<string, unknown>;
    }>;
  }>;
}

const rulesMeta: Record<string, RuleMeta> = {
  'tone/you-have-to': {
    summary: 'Orders instead of options.',
    why: '“You have to” tells the customer what to do.',
    docsUrl: 'https://example.test/rules/tone/you-have-to',
    fixable: true,
    defaultSeverity: 'warn',
  },
  'refusal/dead-end': { summary: 'A refusal with nothing after it.', defaultSeverity: 'error' },
  'template/unknown-variable': { summary: 'A placeholder the help desk does not know.', defaultSeverity: 'off' },
};

describe('sarif', () => {
  it('writes one run with the rules, results relative to %SRCROOT%, safe fixes and properties', () => {
    const log = JSON.parse(formatSarif([result('/repo/replies/late.txt', [youHaveTo, deadEnd])], { cwd: '/repo', rulesMeta, version: '1.2.3' })) as unknown;
    const artifactLocation = { uri: 'replies/late.txt', uriBaseId: '%SRCROOT%' };
    expect(log).toEqual({
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'replylint',
              informationUri: 'https://github.com/replylint/replylint',
              version: '1.2.3',
              rules: [
                { id: 'refusal/dead-end', shortDescription: { text: 'A refusal with nothing after it.' }, defaultConfiguration: { level: 'error' } },
                { id: 'template/unknown-variable', shortDescription: { text: 'A placeholder the help desk does not know.' }, defaultConfiguration: { enabled: false } },
                {
                  id: 'tone/you-have-to',
                  shortDescription: { text: 'Orders instead of options.' },
                  fullDescription: { text: '“You have to” tells the customer what to do.' },
                  help: { text: '“You have to” tells the customer what to do.' },
                  helpUri: 'https://example.test/rules/tone/you-have-to',
                  defaultConfiguration: { level: 'warning' },
                  properties: { fixable: true },
                },
              ],
            },
          },
          originalUriBaseIds: { '%SRCROOT%': { uri: 'file:///repo/' } },
          invocations: [{ executionSuccessful: true }],
          columnKind: 'utf16CodeUnits',
          results: [
            {
              ruleId: 'tone/you-have-to',
              ruleIndex: 2,
              level: 'warning',
              message: { text: '“You have to” reads as an order. Prefer “You can”.' },
              locations: [{ physicalLocation: { artifactLocation, region: { startLine: 2, startColumn: 1, endLine: 2, endColumn: 12 } } }],
              fixes: [{ artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: 9, charLength: 11 }, insertedContent: { text: 'You can' } }] }] }],
              properties: { suggestions: [{ desc: 'Replace with “You can”', text: 'You can' }] },
            },
            {
              ruleId: 'refusal/dead-end',
              ruleIndex: 0,
              level: 'error',
              message: { text: '“We can’t do that” closes the door. Lead with what you can do instead' },
              locations: [{ physicalLocation: { artifactLocation, region: { startLine: 4, startColumn: 18, endLine: 4, endColumn: 34 } } }],
              properties: {
                macro: { id: '3601', title: 'Refund: out of stock' },
                suggestions: [{ desc: 'Rewrite', text: "Here's what I can do instead: [alternative]." }],
              },
            },
          ],
        },
      ],
    });
  });

  it('makes notices results without a rule: a line-0 notice has no region, a fatal problem is an error', () => {
    const log = JSON.parse(formatSarif([result('/repo/old.txt', [ignoredNotice]), result('/repo/broken.json', [syntaxError])], { cwd: '/repo' })) as Log;
    const [run] = log.runs;
    expect(run!.tool.driver.rules).toEqual([]);
    expect(run!.tool.driver.version).toBeUndefined();
    expect(run!.invocations).toEqual([{ executionSuccessful: false }]);
    expect(run!.results).toEqual([
      {
        level: 'note',
        message: { text: 'File ignored because of a matching ignore pattern.' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'old.txt', uriBaseId: '%SRCROOT%' } } }],
      },
      {
        level: 'error',
        message: { text: 'Unexpected token "}" in JSON' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'broken.json', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 9, endLine: 1, endColumn: 9 } } }],
      },
    ]);
  });

  it('keeps a ruleless message that counts as an error (an unused disable directive) an error', () => {
    const unused = { ruleId: null, severity: 2 as const, message: 'Unused replylint-disable directive.', line: 3, column: 1, endLine: 3, endColumn: 30 };
    const log = JSON.parse(formatSarif([result('/repo/a.txt', [unused])], {})) as Log;
    expect(log.runs[0]!.results[0]!.level).toBe('error');
    expect(log.runs[0]!.invocations).toEqual([{ executionSuccessful: true }]);
  });

  it('lists a rule that only appears in the results, with the docs page its messages carry', () => {
    const message = { ...youHaveTo, docsUrl: 'https://example.test/docs/you-have-to' };
    const log = JSON.parse(formatSarif([result('/repo/a.txt', [message])], {})) as Log;
    expect(log.runs[0]!.tool.driver.rules).toEqual([{ id: 'tone/you-have-to', helpUri: 'https://example.test/docs/you-have-to' }]);
    expect(log.runs[0]!.results[0]!.ruleIndex).toBe(0);
  });

  it('percent-encodes paths: relative inside cwd, absolute file URIs outside it or without cwd', () => {
    const uris = (cwd: string | undefined, ...paths: string[]) => {
      const log = JSON.parse(formatSarif(paths.map((p) => result(p, [youHaveTo])), cwd === undefined ? {} : { cwd })) as Log;
      return { base: log.runs[0]!.originalUriBaseIds, uris: log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.artifactLocation) };
    };
    expect(uris('/srv/help desk', '/srv/help desk/réponses/100% #1?.md', '/tmp/x y.txt', 'a:b.txt')).toEqual({
      base: { '%SRCROOT%': { uri: 'file:///srv/help%20desk/' } },
      uris: [
        { uri: 'r%C3%A9ponses/100%25%20%231%3F.md', uriBaseId: '%SRCROOT%' },
        { uri: 'file:///tmp/x%20y.txt' },
        // stdin's name is relative to the working folder; its colon must not read as a scheme
        { uri: 'a%3Ab.txt', uriBaseId: '%SRCROOT%' },
      ],
    });
    expect(uris('C:\\Support\\', 'C:\\Support\\macros\\a b.json', 'D:\\x.txt', '\\\\server\\share\\y.txt')).toEqual({
      base: { '%SRCROOT%': { uri: 'file:///C:/Support/' } },
      uris: [{ uri: 'macros/a%20b.json', uriBaseId: '%SRCROOT%' }, { uri: 'file:///D:/x.txt' }, { uri: 'file://server/share/y.txt' }],
    });
    expect(uris(undefined, '/srv/a.txt')).toEqual({ base: undefined, uris: [{ uri: 'file:///srv/a.txt' }] });
  });

  it('validates against the SARIF 2.1.0 schema: many files, fatal, line-0 notice, fix, suggestions, macro, Unicode paths', () => {
    const cwd = '/srv/help desk';
    const results = [
      result(`${cwd}/replies/late parcel.txt`, [youHaveTo, { ...deadEnd, macro: undefined, speaker: 'agent' }]),
      result(`${cwd}/macros/zendesk export.json`, [deadEnd]),
      result(`${cwd}/réponses/délai 📦 colis.md`, [{ ...youHaveTo, line: 1, column: 3, endLine: 2, endColumn: 1 }]),
      result(`${cwd}/broken.json`, [syntaxError]),
      result(`${cwd}/old.txt`, [ignoredNotice]),
      result(`${cwd}/clean.txt`, []),
      result('/elsewhere/out side.txt', [deadEnd]),
    ];
    const out = formatSarif(results, { cwd, rulesMeta, version: '0.1.0' });
    const log = JSON.parse(out) as Log;
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);

    const [run] = log.runs;
    expect(run!.results.map((r) => r.level)).toEqual(['warning', 'error', 'error', 'warning', 'error', 'note', 'error']);
    expect(run!.results[1]!.properties).toEqual({ speaker: 'agent', suggestions: [{ desc: 'Rewrite', text: "Here's what I can do instead: [alternative]." }] });
    // The formats the schema names, checked here since the validator skips them.
    const base = run!.originalUriBaseIds!['%SRCROOT%']!.uri;
    expect(new URL(base).protocol).toBe('file:');
    expect(() => new URL(log.$schema)).not.toThrow();
    const files = run!.results.map((r) => {
      const { uri, uriBaseId } = r.locations[0]!.physicalLocation.artifactLocation;
      expect(uri).toMatch(URI_REFERENCE);
      return decodeURIComponent(new URL(uri, uriBaseId ? base : undefined).pathname);
    });
    expect(files).toEqual([
      `${cwd}/replies/late parcel.txt`,
      `${cwd}/replies/late parcel.txt`,
      `${cwd}/macros/zendesk export.json`,
      `${cwd}/réponses/délai 📦 colis.md`,
      `${cwd}/broken.json`,
      `${cwd}/old.txt`,
      '/elsewhere/out side.txt',
    ]);
  });

  it('keeps baselined problems in the log, marked as suppressed, and still valid', () => {
    const withBaseline = { ...result('/repo/replies/late.txt', [deadEnd]), suppressedMessages: [{ ...youHaveTo, suppressions: [{ kind: 'file' as const, justification: '' }] }] };
    const log = JSON.parse(formatSarif([withBaseline], { cwd: '/repo', rulesMeta, version: '1.2.3' }));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    const results = log.runs[0].results as Array<{ ruleId: string; suppressions?: Array<{ kind: string }> }>;
    expect(results.map((r) => [r.ruleId, r.suppressions?.[0]?.kind ?? null])).toEqual([
      ['refusal/dead-end', null],
      ['tone/you-have-to', 'external'],
    ]);
  });

  it('validates for no results, and the validator does reject a broken log', () => {
    const empty = JSON.parse(formatSarif([], {})) as Log;
    expect(validate(empty)).toBe(true);
    expect(empty.runs[0]!.results).toEqual([]);
    const broken = JSON.parse(formatSarif([result('/repo/a.txt', [youHaveTo])], { cwd: '/repo' })) as Log;
    broken.runs[0]!.results[0]!.locations[0]!.physicalLocation.region!.startLine = 0;
    expect(validate(broken)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/runs/0/results/0/locations/0/physicalLocation/region/startLine');
  });
});
