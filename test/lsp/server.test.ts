// `replylint --lsp` end to end: the real binary in a temporary project, spoken to over stdio by
// a small JSON-RPC client (test/lsp/client.ts) as an editor would.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltins } from '../../src/rules/load.js';
import { assertBuilt, envWith, REPO_ROOT, runCli } from '../e2e/run-cli.js';
import { LspClient } from './client.js';

interface Position {
  line: number;
  character: number;
}
interface Range {
  start: Position;
  end: Position;
}
interface TextEdit {
  range: Range;
  newText: string;
}
interface Diagnostic {
  range: Range;
  severity: number;
  source: string;
  code?: string;
  message: string;
  codeDescription?: { href: string };
  data?: unknown;
}
interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}
interface CodeAction {
  title: string;
  kind: string;
  isPreferred?: boolean;
  edit: { changes: Record<string, TextEdit[]> };
}

// The project's config makes orders an error (the defaults: a warning), so its use shows.
const CONFIG = '{\n  "extends": "replylint:recommended",\n  "rules": {\n    "tone/you-have-to": "error"\n  }\n}\n';
const DOCS = 'https://github.com/replylint/replylint/blob/main/docs/rules/';
// The closing order is no next step, so the dead end above stays once the order is softened ('Please wait…');
// a step such as 'Please restart the app' would answer it (refusal/dead-end's expect).
const REPLY = 'Hi 😀 The courier lost your parcel.\nThat is not possible.\nYou have to wait for the next release.\n';

/** Applies LSP edits (positions in UTF-16 code units, as the protocol's default encoding). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: Position) => lineStarts[p.line]! + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((out, e) => out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end)), text);
}

/** The parts of a diagnostic a person sees: where, how bad, which rule. */
function brief(d: Diagnostic) {
  return { line: d.range.start.line, from: d.range.start.character, to: d.range.end.character, severity: d.severity, code: d.code };
}

describe('replylint --lsp', () => {
  let dir: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  function lastPublished(uri: string): Published {
    return client.notifications.filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === uri).at(-1)!.params as Published;
  }

  /** Opens a document and waits for its diagnostics. */
  async function open(name: string, text: string, languageId = 'plaintext', uri = uriOf(name)): Promise<Published> {
    const since = client.mark();
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
  }

  /** Tells the server a file changed on disk, and waits for `uri`'s diagnostics to be published again. */
  async function changedOnDisk(file: string, text: string, uri: string, matches: (p: Published) => boolean = () => true): Promise<Published> {
    writeFileSync(join(dir, file), text);
    const since = client.mark();
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type: 2 }] });
    return client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri && matches(p), since);
  }

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
    writeFileSync(join(dir, '.replylintrc.json'), CONFIG);
    client = new LspClient(dir);
  });

  afterAll(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('initializes with its capabilities and registers watchers for config and rule files', async () => {
    const result = await client.request('initialize', {
      processId: null,
      rootUri: pathToFileURL(dir).href,
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    });
    expect(result).toEqual({
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.replylint'] },
        hoverProvider: true,
      },
      serverInfo: { name: 'replylint' },
    });
    client.notify('initialized', {});
    await expect.poll(() => client.serverRequests.length).toBe(1);
    const [registration] = client.serverRequests;
    expect(registration!.method).toBe('client/registerCapability');
    const { registrations } = registration!.params as { registrations: Array<{ method: string; registerOptions: { watchers: Array<{ globPattern: string }> } }> };
    expect(registrations.map((r) => [r.method, r.registerOptions.watchers.map((w) => w.globPattern)])).toEqual([
      ['workspace/didChangeWatchedFiles', ['**/.replylintrc*', '**/replylint.config.*', '**/package.json', '**/.replylintignore', '**/*.{yaml,yml}', '**/*.json']],
    ]);
  });

  it('publishes diagnostics on open, with 0-based UTF-16 ranges, severities, rule codes and docs links', async () => {
    const published = await open('reply.txt', REPLY);
    expect(published.version).toBe(1);
    expect(published.diagnostics.map(brief)).toEqual([
      // "Hi 😀 " is six UTF-16 code units: the emoji is two.
      { line: 0, from: 6, to: 34, severity: 1, code: 'blame/third-party' },
      { line: 1, from: 0, to: 20, severity: 1, code: 'refusal/dead-end' },
      { line: 2, from: 0, to: 11, severity: 1, code: 'tone/you-have-to' },
    ]);
    const [blame, deadEnd, order] = published.diagnostics;
    expect(blame!.source).toBe('replylint');
    expect(blame!.message).toBe('“The courier” is made responsible for “lost”. The customer chose us: own the problem and say what you will do.');
    expect(blame!.codeDescription).toEqual({ href: `${DOCS}blame/third-party.md` });
    expect(deadEnd!.message).toBe('“That is not possible” closes the door. Lead with what you can do instead.');
    expect(order!.codeDescription).toEqual({ href: `${DOCS}tone/you-have-to.md` });
  });

  it('offers the safe fix (preferred) and fix-all for a fixable problem; applying the fix and sending the change clears it', async () => {
    const uri = uriOf('reply.txt');
    const { diagnostics } = lastPublished(uri);
    const order = diagnostics.find((d) => d.code === 'tone/you-have-to')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: order.range, context: { diagnostics: [order] } });
    const fixEdit = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 11 } }, newText: 'Please' };
    expect(actions.map((a) => ({ title: a.title, kind: a.kind, isPreferred: a.isPreferred, edit: a.edit }))).toEqual([
      { title: 'Fix: replace “You have to” with “Please”', kind: 'quickfix', isPreferred: true, edit: { changes: { [uri]: [fixEdit] } } },
      { title: 'Fix all replylint problems', kind: 'quickfix', isPreferred: undefined, edit: { changes: { [uri]: [fixEdit] } } },
    ]);

    const since = client.mark();
    // Sent as an editor sends a typed change: the range replaced and the new text (incremental sync).
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [fixEdit].map((e) => ({ range: e.range, text: e.newText })) });
    const after = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
    expect(after.version).toBe(2);
    expect(after.diagnostics.map((d) => d.code)).toEqual(['blame/third-party', 'refusal/dead-end']);
    expect(applyEdits(REPLY, [fixEdit])).toBe('Hi 😀 The courier lost your parcel.\nThat is not possible.\nPlease wait for the next release.\n');
  });

  it('offers each suggested rewrite as a quick fix titled "Rewrite: …"', async () => {
    const uri = uriOf('reply.txt');
    const deadEnd = lastPublished(uri).diagnostics.find((d) => d.code === 'refusal/dead-end')!;
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: deadEnd.range, context: { diagnostics: [deadEnd] } });
    expect(actions.map((a) => [a.title, a.kind, a.isPreferred])).toEqual([['Rewrite: “Here\'s what I can do instead: [alternative].”', 'quickfix', undefined]]);
    expect(applyEdits('Hi 😀 The courier lost your parcel.\nThat is not possible.\nPlease wait for the next release.\n', actions[0]!.edit.changes[uri]!)).toBe(
      "Hi 😀 The courier lost your parcel.\nHere's what I can do instead: [alternative].\nPlease wait for the next release.\n",
    );
  });

  it('answers a code action request that carries no diagnostics with the fixes of its own problems under the range', async () => {
    const uri = uriOf('reply.txt');
    const deadEnd = lastPublished(uri).diagnostics.find((d) => d.code === 'refusal/dead-end')!;
    const cursor = { start: { line: deadEnd.range.start.line, character: 5 }, end: { line: deadEnd.range.start.line, character: 5 } };
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: cursor, context: { diagnostics: [] } });
    expect(actions.map((a) => a.title)).toEqual(['Rewrite: “Here\'s what I can do instead: [alternative].”']);
    const elsewhere = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
    expect(await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: elsewhere, context: { diagnostics: [] } })).toEqual([]);
  });

  it('publishes only the latest version when changes come faster than the debounce', async () => {
    const uri = uriOf('fast.txt');
    await open('fast.txt', 'Thanks for writing in.\n');
    const since = client.mark();
    client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: 'You have to wait.\n' }] });
    client.notify('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: 'That is not possible.\n' }] });
    const latest = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
    expect(latest.version).toBe(3);
    expect(latest.diagnostics.map((d) => d.code)).toEqual(['refusal/dead-end']);
  });

  it('fixes every safe fix of a document as one edit, as the source action editors run on save', async () => {
    const text = 'You have to log in again. Then you must restart the app.\n';
    const uri = uriOf('all.txt');
    const { diagnostics } = await open('all.txt', text);
    expect(diagnostics.map(brief)).toEqual([
      { line: 0, from: 0, to: 11, severity: 1, code: 'tone/you-have-to' },
      { line: 0, from: 31, to: 39, severity: 1, code: 'tone/you-have-to' },
    ]);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    });
    expect(actions.map((a) => [a.title, a.kind])).toEqual([['Fix all replylint problems', 'source.fixAll.replylint']]);
    expect(actions[0]!.edit.changes[uri]).toHaveLength(1);
    expect(applyEdits(text, actions[0]!.edit.changes[uri]!)).toBe('Please log in again. Then please restart the app.\n');
  });

  it("shows the rule's why and its docs link on hover", async () => {
    const def = loadBuiltins().rules.find((r) => r.id === 'refusal/dead-end')!;
    const hover = await client.request<{ contents: { kind: string; value: string }; range: Range }>('textDocument/hover', {
      textDocument: { uri: uriOf('fast.txt') },
      position: { line: 0, character: 5 },
    });
    expect(hover).toEqual({
      contents: {
        kind: 'markdown',
        value: `**refusal/dead-end**: ${def.summary}\n\n${def.why.replace(/\s+/g, ' ').trim()}\n\n[Rule documentation](${DOCS}refusal/dead-end.md)`,
      },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } },
    });
    // Nothing under the cursor: no hover.
    expect(await client.request('textDocument/hover', { textDocument: { uri: uriOf('fast.txt') }, position: { line: 1, character: 0 } })).toBeNull();
  });

  it('reads a Markdown document as Markdown: a js code block is not a reply', async () => {
    const { diagnostics } = await open('refund.md', '# Refund\n\nThat is not possible.\n\n```js\nThe courier lost your parcel.\n```\n', 'markdown');
    expect(diagnostics.map(brief)).toEqual([{ line: 2, from: 0, to: 20, severity: 1, code: 'refusal/dead-end' }]);
  });

  it('reads a JSON macro export: positions inside the string literal, and the macro named', async () => {
    const json = '{\n  "macros": [\n    {\n      "id": 7,\n      "title": "Late parcel",\n      "actions": [{ "field": "comment_value", "value": "Hi,\\n\\nYou have to wait. The courier lost your parcel." }]\n    }\n  ]\n}\n';
    const { diagnostics } = await open('macros.json', json, 'json');
    expect(diagnostics.map(brief)).toEqual([
      { line: 5, from: 63, to: 74, severity: 1, code: 'tone/you-have-to' },
      { line: 5, from: 81, to: 109, severity: 1, code: 'blame/third-party' },
    ]);
    expect(diagnostics[0]!.message).toBe('“You have to” reads as an order. Prefer “Please”. (macro “Late parcel”, id 7)');
  });

  it('shows a file that cannot be read (a JSON syntax error) as a diagnostic with no rule, where the problem is', async () => {
    const { diagnostics } = await open('broken.json', '{\n  "macros": [\n    { "title": "Late" }\n    { "title": "Early" }\n  ]\n}\n', 'json');
    expect(diagnostics).toEqual([
      { range: { start: { line: 3, character: 4 }, end: { line: 3, character: 4 } }, severity: 1, source: 'replylint', message: 'a comma was expected', data: { version: 1 } },
    ]);
  });

  it('lints an untitled document with the defaults, in the format of its language', async () => {
    const uri = 'untitled:Untitled-1';
    const { diagnostics } = await open('', '# That is not possible.\n\nYou have to wait.\n', 'markdown', uri);
    // The defaults: tone/you-have-to is a warning there (the project's config makes it an error).
    expect(diagnostics.map(brief)).toEqual([
      { line: 0, from: 2, to: 22, severity: 1, code: 'refusal/dead-end' },
      { line: 2, from: 0, to: 11, severity: 2, code: 'tone/you-have-to' },
    ]);
  });

  it('re-lints open documents when the config changes on disk: a rule flips from error to warning', async () => {
    const uri = uriOf('fast.txt');
    const flipped = CONFIG.replace('"tone/you-have-to": "error"', '"refusal/dead-end": "warn"');
    const published = await changedOnDisk('.replylintrc.json', flipped, uri);
    expect(published.diagnostics.map(brief)).toEqual([{ line: 0, from: 0, to: 20, severity: 2, code: 'refusal/dead-end' }]);
  });

  it('puts a broken config on the config file, warns, lints nothing with it, keeps answering, and re-lints once it is fixed', async () => {
    const uri = uriOf('fast.txt');
    const configUri = uriOf('.replylintrc.json');
    const since = client.mark();
    const broken = '{\n  "extends": "replylint:recommended",\n  "rules": {\n    "refusal/dead-end": "loud"\n  }\n}\n';
    const silenced = await changedOnDisk('.replylintrc.json', broken, uri);
    expect(silenced.diagnostics).toEqual([]);
    const onConfig = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri, since);
    const problem = '"rules.refusal/dead-end" must be one of "off", "warn", "error", 0, 1, 2 (got "loud")';
    // From the bad value to the end of its line.
    expect(onConfig.diagnostics).toEqual([{ range: { start: { line: 3, character: 24 }, end: { line: 3, character: 30 } }, severity: 1, source: 'replylint', message: problem }]);
    const shown = await client.waitFor<{ type: number; message: string }>('window/showMessage', () => true, since);
    expect(shown).toEqual({ type: 2, message: `replylint cannot lint with this config: .replylintrc.json:4:25: ${problem}` });
    // Still answering.
    expect(await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 5 } })).toBeNull();

    const fixedSince = client.mark();
    const relinted = await changedOnDisk('.replylintrc.json', CONFIG, uri);
    expect(relinted.diagnostics.map(brief)).toEqual([{ line: 0, from: 0, to: 20, severity: 1, code: 'refusal/dead-end' }]);
    const cleared = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === configUri, fixedSince);
    expect(cleared.diagnostics).toEqual([]);
  });

  it('treats saving an open config file as a config change', async () => {
    const uri = uriOf('fast.txt');
    const configUri = uriOf('.replylintrc.json');
    const opened = client.mark();
    client.notify('textDocument/didOpen', { textDocument: { uri: configUri, languageId: 'json', version: 1, text: CONFIG } });
    const off = CONFIG.replace('"tone/you-have-to": "error"', '"refusal/dead-end": "off"');
    writeFileSync(join(dir, '.replylintrc.json'), off);
    const since = client.mark();
    client.notify('textDocument/didSave', { textDocument: { uri: configUri } });
    const published = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uri, since);
    expect(published.diagnostics).toEqual([]);
    // The config file itself is not linted as a reply.
    expect(client.notifications.slice(opened).filter((n) => n.method === 'textDocument/publishDiagnostics' && (n.params as Published).uri === configUri)).toEqual([]);
  });

  it('exits with code 0 after shutdown and exit', async () => {
    expect(await client.request('shutdown', null)).toBeNull();
    client.notify('exit');
    expect(await client.exited).toEqual({ code: 0, signal: null });
    expect(client.stderr).toBe('');
  });
});

describe('replylint --lsp, process and usage', () => {
  it('exits with code 1 on exit without shutdown', async () => {
    assertBuilt();
    const dir = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
    const client = new LspClient(dir, ['--lsp', '--stdio']);
    try {
      await client.request('initialize', { processId: null, rootUri: null, capabilities: {} });
      client.notify('exit');
      expect(await client.exited).toEqual({ code: 1, signal: null });
    } finally {
      client.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("keeps the server library out of the CLI's start-up: only `--lsp` loads its chunk", () => {
    assertBuilt();
    const bundle = join(REPO_ROOT, 'dist/bundle');
    const isServerChunk = (file: string) => readFileSync(join(bundle, file), 'utf8').includes('vscode-jsonrpc');
    // What the CLI entry loads as it starts: its static imports, followed (an `import("…")` waits until needed).
    const loaded = new Set<string>();
    const visit = (file: string) => {
      if (loaded.has(file)) return;
      loaded.add(file);
      for (const [, next] of readFileSync(join(bundle, file), 'utf8').matchAll(/(?<!import\()"\.\/([\w.-]+\.js)"/g)) visit(next!);
    };
    visit('replylint.js');
    expect([...loaded].filter(isServerChunk)).toEqual([]);
    expect(readdirSync(bundle).filter((f) => f.endsWith('.js') && isServerChunk(f))).toHaveLength(1);
  });

  it('refuses file arguments with a usage error (exit 2), and --help lists --lsp', async () => {
    assertBuilt();
    const env = envWith({ NO_COLOR: '1' });
    const run = await runCli(['--lsp', 'reply.txt'], { cwd: tmpdir(), env });
    expect(run).toMatchObject({ status: 2, stdout: '' });
    expect(run.stderr).toBe('replylint: --lsp takes no paths or other options (the editor sends the documents): reply.txt\n');
    const help = await runCli(['--help'], { cwd: tmpdir(), env });
    expect(help.stdout).toMatch(/\n {2}--lsp +speak the Language Server Protocol on\s+stdin\/stdout \(for editors\)\n/);
  });
});

const RULE = `id: house/ticket-jargon
family: house
kind: phrase
severity: warn
summary: Calls the customer's request a "ticket".
why: >
  Customers write to us about their order or their account, not about a ticket: that is our
  word. Name the thing they asked about.
message: "“{{match}}” is our word, not the customer's."
phrases:
  - your ticket
examples:
  invalid:
    - "I have updated your ticket."
  valid:
    - "I have updated your order."
`;

describe('replylint --lsp with a team rule folder and an ignore file', () => {
  let dir: string;
  let client: LspClient;
  const uriOf = (name: string) => pathToFileURL(join(dir, name)).href;

  beforeAll(async () => {
    assertBuilt();
    dir = mkdtempSync(join(tmpdir(), 'replylint-lsp-'));
    mkdirSync(join(dir, 'house-rules'));
    writeFileSync(join(dir, '.replylintrc.json'), '{ "ruleDirs": ["house-rules"] }\n');
    writeFileSync(join(dir, 'house-rules', 'ticket-jargon.yaml'), RULE);
    writeFileSync(join(dir, '.replylintignore'), 'drafts/\n');
    client = new LspClient(dir);
    await client.request('initialize', { processId: null, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'macros' }], capabilities: {} });
    client.notify('initialized', {});
  });

  afterAll(() => {
    client.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(name: string, text: string): Promise<Published> {
    const since = client.mark();
    client.notify('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'plaintext', version: 1, text } });
    return client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uriOf(name), since);
  }

  it("puts a broken rule file's problem on it from the start, lints with the rule once it is fixed, and again when it breaks", async () => {
    const ruleUri = uriOf('house-rules/ticket-jargon.yaml');
    const broken = RULE.replace('severity: warn\n', 'severity: warn\ntags: [billing]\n');
    const onRule = { range: { start: { line: 4, character: 0 }, end: { line: 4, character: 15 } }, severity: 1, source: 'replylint', message: 'unknown key "tags"' };
    writeFileSync(join(dir, 'house-rules', 'ticket-jargon.yaml'), broken);
    let since = client.mark();
    expect((await open('reply.txt', 'I have updated your ticket.\n')).diagnostics).toEqual([]);
    expect((await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === ruleUri, since)).diagnostics).toEqual([onRule]);

    since = client.mark();
    writeFileSync(join(dir, 'house-rules', 'ticket-jargon.yaml'), RULE);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ruleUri, type: 2 }] });
    const relinted = await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('reply.txt'), since);
    expect(relinted.diagnostics.map(brief)).toEqual([{ line: 0, from: 15, to: 26, severity: 2, code: 'house/ticket-jargon' }]);
    expect((await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === ruleUri, since)).diagnostics).toEqual([]);

    since = client.mark();
    writeFileSync(join(dir, 'house-rules', 'ticket-jargon.yaml'), broken);
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: ruleUri, type: 2 }] });
    expect((await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === ruleUri, since)).diagnostics).toEqual([onRule]);
    expect((await client.waitFor<Published>('textDocument/publishDiagnostics', (p) => p.uri === uriOf('reply.txt'), since)).diagnostics).toEqual([]);
  });

  it('publishes nothing for a file the ignore file lists', async () => {
    expect((await open('drafts/wip.txt', 'You have to wait. That is not possible.\n')).diagnostics).toEqual([]);
  });
});
