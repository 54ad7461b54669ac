// A minimal Language Server Protocol client for the end-to-end tests: spawns `replylint --lsp`,
// frames JSON-RPC with Content-Length headers, and records what the server sends. It does not
// use the server library, so the tests check the wire format itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../e2e/run-cli.js';

interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { code: number; message: string };
}

export interface Notification {
  method: string;
  params: unknown;
}

export class LspClient {
  /** Every notification the server sent, in order. */
  readonly notifications: Notification[] = [];
  /** The requests the server sent to the client (registrations…), by method. */
  readonly serverRequests: Notification[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr = '';
  private readonly child: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly waiters: Array<() => void> = [];

  constructor(cwd: string, args: string[] = ['--lsp']) {
    this.child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.child.stdin!.on('error', () => {});
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject }));
  }

  notify(method: string, params?: unknown): void {
    this.send({ jsonrpc: '2.0', method, ...(params === undefined ? {} : { params }) });
  }

  /** How many notifications have arrived: pass it to `waitFor` to wait for a later one. */
  mark(): number {
    return this.notifications.length;
  }

  /** The first notification `method` from index `since` on that `matches`, waiting up to `timeoutMs`. */
  waitFor<T>(method: string, matches: (params: T) => boolean = () => true, since = 0, timeoutMs = 10_000): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const found = this.notifications.slice(since).find((n) => n.method === method && matches(n.params as T));
        if (!found) return false;
        clearTimeout(timer);
        resolve(found.params as T);
        return true;
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(new Error(`no ${method} notification in ${timeoutMs} ms; got: ${JSON.stringify(this.notifications.slice(since))}\nstderr: ${this.stderr}`));
      }, timeoutMs);
      const waiter = () => {
        if (check()) this.waiters.splice(this.waiters.indexOf(waiter), 1);
      };
      if (!check()) this.waiters.push(waiter);
    });
  }

  /** Closes stdin and kills the server if it has not exited (for cleanup after a failed test). */
  kill(): void {
    this.child.stdin!.end();
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin!.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString('ascii'))?.[1]);
      if (!Number.isInteger(length)) throw new Error(`bad header from the server: ${this.buffer.subarray(0, headerEnd).toString('ascii')}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server (client/registerCapability…): accept it.
      this.serverRequests.push({ method: message.method, params: message.params });
      this.send({ jsonrpc: '2.0', id: message.id, result: null });
    } else if (message.method !== undefined) {
      this.notifications.push({ method: message.method, params: message.params });
      for (const waiter of [...this.waiters]) waiter();
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) pending?.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending?.resolve(message.result);
    }
  }
}
