// The one error type a run can fail with: it names the file (and line/column when known),
// so the CLI prints "path:line:col: message" and exits 2 without a stack trace.
export class ReplylintError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'ReplylintError';
  }

  /**
   * "file:line:col: message" — the shape editors and terminals turn into links. `show` turns
   * the path into the one to print (the CLI's: relative to the working folder).
   */
  format(show: (file: string) => string = (f) => f): string {
    if (!this.file) return this.message;
    const where = this.line ? `${show(this.file)}:${this.line}:${this.column ?? 1}` : show(this.file);
    return `${where}: ${this.message}`;
  }
}

/** Several problems found at once (every bad key of a config, every bad rule file): one line each. */
export class ReplylintErrors extends Error {
  constructor(readonly errors: ReplylintError[]) {
    super(errors.map((e) => e.format()).join('\n'));
    this.name = 'ReplylintErrors';
  }
}
