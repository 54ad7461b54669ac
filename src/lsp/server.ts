// The language server shell (`replylint --lsp`): the editor's open documents in, diagnostics,
// code actions and hovers out, over stdio; config found per document exactly as the CLI finds it.
import { readFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format } from 'node:util';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ReplyLint, IGNORE_FILE, isNotReplyFile } from '../api/replylint.js';
import { SEARCH_PLACES } from '../config/load.js';
import { ReplylintError, ReplylintErrors } from '../errors.js';
import { lintAndFix } from '../fix/apply.js';
import {
  configDiagnostics,
  contains,
  dataOf,
  extensionForLanguage,
  FIX_ALL_KIND,
  fixAllActions,
  kindWanted,
  minimalEdit,
  overlaps,
  quickFixes,
  ruleHover,
  toDiagnostic,
} from './convert.js';

/** How long typing must pause before a document is linted again. */
const DEBOUNCE_MS = 200;

/** Where a document is linted: its linter and the path that picks its format and config. */
interface Target {
  linter: ReplyLint;
  /** absolute for files on disk; a name with the language's extension for untitled documents */
  filePath: string;
}

/** What was last published for a document, for hovers and "fix all". */
interface Published {
  version: number;
  diagnostics: Diagnostic[];
}

// Config files the CLI looks up, and the ignore file: a change to one can change every result.
const CONFIG_NAMES = new Set([...SEARCH_PLACES, IGNORE_FILE]);

const WATCHERS = ['**/.replylintrc*', '**/replylint.config.*', '**/package.json', `**/${IGNORE_FILE}`, '**/*.{yaml,yml}', '**/*.json'];

/**
 * Starts the server on stdin/stdout. The protocol's `exit` notification (or the editor closing
 * stdin) ends the process: code 0 after `shutdown`, 1 without. The promise never settles.
 */
export function startLanguageServer(): Promise<number> {
  const connection = createConnection(process.stdin, process.stdout);
  // stdout carries the protocol: anything a dependency logs goes to the editor's output instead.
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = console.error = (...args: unknown[]) => connection.console.error(format(...args));
  new LanguageServer(connection).listen();
  return new Promise(() => {});
}

class LanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private roots: string[] = [];
  /** One linter per workspace root (or per folder, for files outside every root). */
  private linters = new Map<string, ReplyLint>();
  private defaultsLinter: ReplyLint | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The latest lint asked for each document: an older one finishing later is not published. */
  private readonly latest = new Map<string, number>();
  private lintCount = 0;
  private readonly published = new Map<string, Published>();
  private readonly fixAllCache = new Map<string, { version: number; edit: TextEdit | undefined }>();
  /** Config and rule files (URIs) we put problems on, and what: cleared once they are fixed. */
  private readonly configProblems = new Map<string, string>();
  private readonly shownConfigMessages = new Set<string>();
  /** Config files and rule folders the loaded configs use: changes there re-lint everything. */
  private readonly knownConfigFiles = new Set<string>();
  private readonly knownRuleDirs = new Set<string>();
  private configTimer: NodeJS.Timeout | undefined;
  private shuttingDown = false;

  constructor(private readonly connection: Connection) {}

  listen(): void {
    const { connection, documents } = this;
    let watchFiles = false;
    connection.onInitialize((params: InitializeParams) => {
      this.roots = workspaceRoots(params);
      watchFiles = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      return {
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
          codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
          hoverProvider: true,
        },
        serverInfo: { name: 'replylint' },
      };
    });
    connection.onInitialized(() => {
      if (!watchFiles) return;
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS.map((globPattern) => ({ globPattern })) }).catch((error: unknown) => this.internalError('registering file watchers', error));
    });
    // Opening a document fires a content change too: only later versions are edits.
    const openedAt = new Map<string, number>();
    documents.onDidOpen(({ document }) => openedAt.set(document.uri, document.version));
    documents.onDidChangeContent(({ document }) => {
      if (openedAt.get(document.uri) !== document.version && this.isConfigFile(document.uri)) this.configChanged();
      this.schedule(document.uri);
    });
    documents.onDidSave(({ document }) => {
      if (this.isConfigFile(document.uri)) this.configChanged();
    });
    documents.onDidClose(({ document }) => {
      openedAt.delete(document.uri);
      clearTimeout(this.timers.get(document.uri));
      this.timers.delete(document.uri);
      this.latest.delete(document.uri);
      this.published.delete(document.uri);
      this.fixAllCache.delete(document.uri);
      if (!this.configProblems.has(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    });
    connection.onDidChangeWatchedFiles(({ changes }) => {
      if (changes.some((change) => this.isConfigFile(change.uri))) this.configChanged();
    });
    connection.onCodeAction(async ({ textDocument, range, context }) => {
      const doc = documents.get(textDocument.uri);
      if (!doc) return [];
      try {
        const fixable = (diagnostics: Diagnostic[]) => diagnostics.some((d) => dataOf(d, doc.version)?.fix);
        const quickfix = kindWanted('quickfix', context.only);
        // Some clients send no diagnostics with the request: then ours under the range are meant.
        const own = context.diagnostics.filter((d) => d.source === 'replylint');
        const asked = own.length ? own : (this.published.get(doc.uri)?.diagnostics ?? []).filter((d) => overlaps(d.range, range));
        const actions = quickfix ? quickFixes(doc.uri, asked, doc.version) : [];
        // Fix-all as a quick fix where a fixable problem is; as a source action (on save) only
        // when asked for by kind, so a menu of every action does not list it twice.
        const kinds = [
          ...(context.only && kindWanted(FIX_ALL_KIND, context.only) && fixable(this.published.get(doc.uri)?.diagnostics ?? []) ? [FIX_ALL_KIND] : []),
          ...(quickfix && fixable(asked) ? ['quickfix'] : []),
        ];
        const edit = kinds.length ? await this.fixAllEdit(doc) : undefined;
        if (edit) actions.push(...fixAllActions(doc.uri, edit, kinds));
        return actions;
      } catch (error) {
        // A config broken since the lint: its problems are shown already.
        if (!isReplylintError(error)) this.internalError(`code actions for ${doc.uri}`, error);
        return [];
      }
    });
    connection.onHover(async ({ textDocument, position }) => {
      const doc = documents.get(textDocument.uri);
      const published = this.published.get(textDocument.uri);
      if (!doc || !published || published.version !== doc.version) return null;
      const under = published.diagnostics.filter((d) => typeof d.code === 'string' && contains(d.range, position));
      if (under.length === 0) return null;
      try {
        const target = this.targetFor(doc);
        const { registry } = await target.linter.chainFor(resolve(target.linter.cwd, target.filePath));
        const rules = [...new Set(under.map((d) => d.code as string))].flatMap((id) => {
          const def = registry.definition(id);
          const docsUrl = under.find((d) => d.code === id)?.codeDescription?.href;
          return def ? [{ def, ...(docsUrl ? { docsUrl } : {}) }] : [];
        });
        return ruleHover(rules, under[0]!.range) ?? null;
      } catch (error) {
        // A config broken since the lint: its problems are shown already.
        if (!isReplylintError(error)) this.internalError(`hover for ${doc.uri}`, error);
        return null;
      }
    });
    connection.onShutdown(() => {
      this.shuttingDown = true;
      for (const timer of this.timers.values()) clearTimeout(timer);
      this.timers.clear();
      clearTimeout(this.configTimer);
    });
    documents.listen(connection);
    connection.listen();
  }

  /** Lints a document once typing pauses. */
  private schedule(uri: string): void {
    if (this.shuttingDown) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        void this.lint(uri);
      }, DEBOUNCE_MS),
    );
  }

  private async lint(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    if (!doc) return;
    const ticket = ++this.lintCount;
    this.latest.set(uri, ticket);
    const { version } = doc;
    // Only the newest lint of the version the editor still shows is published.
    const current = () => this.latest.get(uri) === ticket && this.documents.get(uri)?.version === version && !this.shuttingDown;
    const publish = (diagnostics: Diagnostic[]) => {
      // A config file's own problems stay on it.
      if (!current() || this.configProblems.has(uri)) return;
      this.published.set(uri, { version, diagnostics });
      void this.connection.sendDiagnostics({ uri, version, diagnostics });
    };
    try {
      // Not a reply file: nothing to say, unless it was linted before (a YAML file found to be a rule since).
      if (!this.isLinted(doc.uri)) return this.published.has(uri) ? publish([]) : undefined;
      const { linter, filePath } = this.targetFor(doc);
      if (isAbsolute(filePath) && (await linter.isPathIgnored(filePath))) return publish([]);
      const text = doc.getText();
      const result = await linter.lintText(text, { filePath });
      if (isAbsolute(filePath)) await this.rememberConfig(linter, filePath);
      publish(result.messages.map((m) => toDiagnostic(m, doc)));
    } catch (error) {
      if (!isReplylintError(error)) {
        this.internalError(`linting ${uri}`, error);
        return;
      }
      // The config (or a rule file) is broken: its problems show on it, and this document has
      // no lint results until it is fixed.
      this.reportConfigProblem(error);
      publish([]);
    }
  }

  /** The linter of the document's workspace root and the path it is linted as. */
  private targetFor(doc: TextDocument): Target {
    const file = filePathOf(doc.uri);
    if (!file) {
      // Untitled: the defaults, the format from the language.
      this.defaultsLinter ??= new ReplyLint({ cwd: this.roots[0] ?? process.cwd(), configLookup: false, ignore: false });
      return { linter: this.defaultsLinter, filePath: `untitled${extensionForLanguage(doc.languageId)}` };
    }
    const root = this.rootOf(file) ?? dirname(file);
    let linter = this.linters.get(root);
    if (!linter) {
      linter = new ReplyLint({ cwd: root });
      this.linters.set(root, linter);
    }
    return { linter, filePath: file };
  }

  /** Config files and package manifests are not replies; neither are the rule files. */
  private isLinted(uri: string): boolean {
    const file = filePathOf(uri);
    if (!file) return true;
    if (this.isConfigFile(uri)) return false;
    const root = this.rootOf(file);
    return !isNotReplyFile(root ? relative(root, file) : basename(file));
  }

  /** The innermost workspace root holding the file, if any. */
  private rootOf(file: string): string | undefined {
    return this.roots.filter((r) => isInside(file, r)).sort((a, b) => b.length - a.length)[0];
  }

  private isConfigFile(uri: string): boolean {
    const file = filePathOf(uri);
    if (!file) return false;
    return CONFIG_NAMES.has(basename(file)) || this.knownConfigFiles.has(file) || [...this.knownRuleDirs].some((dir) => isInside(file, dir));
  }

  /** Notes which config files and rule folders a linted file depends on. */
  private async rememberConfig(linter: ReplyLint, filePath: string): Promise<void> {
    const chain = await linter.chainFor(filePath);
    for (const layer of chain.layers) if (isAbsolute(layer.name) && !chain.ruleDirs.includes(layer.name)) this.knownConfigFiles.add(layer.name);
    for (const dir of chain.ruleDirs) this.knownRuleDirs.add(dir);
  }

  /** A config or rule file changed: fresh linters (their caches hold the old config), then re-lint everything open. */
  private configChanged(): void {
    if (this.shuttingDown) return;
    clearTimeout(this.configTimer);
    this.configTimer = setTimeout(() => {
      this.linters = new Map();
      this.defaultsLinter = undefined;
      this.fixAllCache.clear();
      this.shownConfigMessages.clear();
      for (const uri of this.configProblems.keys()) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      this.configProblems.clear();
      for (const doc of this.documents.all()) this.schedule(doc.uri);
    }, DEBOUNCE_MS);
  }

  private reportConfigProblem(error: ReplylintError | ReplylintErrors): void {
    const errors = error instanceof ReplylintErrors ? error.errors : [error];
    for (const [file, diagnostics] of configDiagnostics(errors, (f, line) => this.lineOf(f, line))) {
      // Watched from now on, so fixing it re-lints (a rule folder is known only once it loads).
      this.knownConfigFiles.add(file);
      const uri = this.uriOf(file);
      // Every document using the config fails the same way: publish its problems once.
      const key = JSON.stringify(diagnostics);
      if (this.configProblems.get(uri) === key) continue;
      this.configProblems.set(uri, key);
      void this.connection.sendDiagnostics({ uri, diagnostics });
    }
    const text = `replylint cannot lint with this config: ${errors.map((e) => e.format((f) => this.displayPath(f))).join('; ')}`;
    if (this.shownConfigMessages.has(text)) return;
    this.shownConfigMessages.add(text);
    // A notification, not the window's request with buttons: nothing to answer.
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: text });
  }

  /** A path relative to its workspace root, as the CLI run there would print it. */
  private displayPath(file: string): string {
    const root = this.rootOf(file);
    return root ? relative(root, file) : file;
  }

  /** One line of a file, from the editor's copy when it is open. */
  private lineOf(file: string, line: number): string | undefined {
    const open = this.documents.all().find((d) => filePathOf(d.uri) === file);
    try {
      const text = open ? open.getText() : readFileSync(file, 'utf8');
      return text.split(/\r?\n|\r/)[line];
    } catch {
      return undefined;
    }
  }

  /** The URI the editor knows a file by (its own spelling when it is open). */
  private uriOf(file: string): string {
    return this.documents.all().find((d) => filePathOf(d.uri) === file)?.uri ?? pathToFileURL(file).href;
  }

  /** "Fix all": the safe fixes of the whole document applied in passes, as one edit (cached per version). */
  private async fixAllEdit(doc: TextDocument): Promise<TextEdit | undefined> {
    const cached = this.fixAllCache.get(doc.uri);
    if (cached?.version === doc.version) return cached.edit;
    const { linter, filePath } = this.targetFor(doc);
    const path = resolve(linter.cwd, filePath);
    const [chain, config] = await Promise.all([linter.chainFor(path), linter.calculateConfigForFile(path)]);
    const text = doc.getText();
    const { output } = await lintAndFix(text, { filePath: path, config, rules: chain.registry });
    const edit = output === undefined || output === text ? undefined : minimalEdit(text, output, (o) => doc.positionAt(o));
    this.fixAllCache.set(doc.uri, { version: doc.version, edit });
    return edit;
  }

  /** Never fatal: the editor's output panel gets the stack, and the server goes on. */
  private internalError(doing: string, error: unknown): void {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.connection.console.error(`replylint: internal error while ${doing}: ${detail}`);
  }
}

function isReplylintError(error: unknown): error is ReplylintError | ReplylintErrors {
  return error instanceof ReplylintError || error instanceof ReplylintErrors;
}

/** The workspace folders (or the older rootUri) as paths. */
function workspaceRoots(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  return uris.map(filePathOf).filter((p): p is string => p !== undefined);
}

function filePathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function isInside(file: string, dir: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
