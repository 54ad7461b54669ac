// --redact: results with the reply text left out (messages quote it, rewrites repeat it, macro titles and speakers name people), keeping positions, rules and counts.
import type { LintMessage, LintResult, SuppressedMessage } from '../types.js';
import type { RuleMeta } from './index.js';

/** What an input problem says when its own message might quote the file. */
export const REDACTED_INPUT_MESSAGE = 'the file could not be read as written (details left out by --redact)';

/**
 * Messages without a rule that quote nothing from the file (src/sources/, src/api/, the
 * directives): they are kept. Any other (the YAML parser's, which may quote a token of the file)
 * is replaced, so a message added later is left out until someone checks it here.
 */
const INPUT_MESSAGES_WITHOUT_TEXT: readonly RegExp[] = [
  /^File ignored because of a matching ignore pattern/,
  /^not linted: no reply text found in this data file/,
  /^no reply text found: not an export shape replylint knows/,
  /^no speaker turns found \("Agent: …", "Customer: …"\): not a transcript$/,
  /^nothing to lint: the [\w-]+ shape was recognised but holds no reply text$/,
  /^the file is empty$/,
  /^(this line is not JSON: )?(a property name in double quotes was expected|a value was expected( \(a trailing comma\?\))?|a colon was expected|a comma was expected|a closing brace \} was expected|a closing bracket \] was expected|the file should end here|a string is not closed|this is not valid JSON \(strings and keys need double quotes\)|a string contains a raw control character.*|a string contains an unknown escape.*|a \\u escape needs four hexadecimal digits|a comment is not closed)$/,
  // A field's name from the export shape (never a CSV header cell: a headerless file's first row is a reply).
  /^skipped: [a-z][\w. ]* is (an array|null|an object|a \w+)$/,
  /^skipped: preview is an excerpt of the saved reply/,
  /^cannot read the file with the config's "input" settings: (unknown export shape|invalid selector)/,
  /^nested more than \d+ levels deep: not read$/,
  /^this row has \d+ cells but the header has \d+; the extra cells are ignored$/,
  /^a quoted cell is never closed; the rest of the file is read as that cell$/,
  /^binary file \(it (contains NUL bytes|is not text)\): not linted$/,
  /^not UTF-8 text \(invalid byte sequence at byte \d+\)/,
  /^not valid UTF-16 text/,
  /^(Unused|Unknown rule '[\w/@.-]+' in) replylint-(disable|enable|disable-line|disable-next-line) directive/,
];

export function redactResults(results: LintResult[], rulesMeta: Record<string, RuleMeta>): LintResult[] {
  return results.map((result) => {
    const { source: _source, output: _output, suppressedMessages, ...kept } = result;
    const redacted: LintResult = { ...kept, messages: result.messages.map((m) => redactMessage(m, rulesMeta)) };
    if (suppressedMessages) {
      redacted.suppressedMessages = suppressedMessages.map((m): SuppressedMessage => ({ ...redactMessage(m, rulesMeta), suppressions: m.suppressions }));
    }
    return redacted;
  });
}

function redactMessage(m: LintMessage, rulesMeta: Record<string, RuleMeta>): LintMessage {
  const { fix: _fix, suggestions: _suggestions, macro, speaker: _speaker, message, ...kept } = m;
  const out: LintMessage = { ...kept, message: redactedText(m.ruleId, message, rulesMeta) };
  // The id identifies the macro in the help desk; its title is what a customer or agent wrote.
  if (macro?.id !== undefined) out.macro = { id: macro.id };
  return out;
}

function redactedText(ruleId: string | null, message: string, rulesMeta: Record<string, RuleMeta>): string {
  if (ruleId === null) return INPUT_MESSAGES_WITHOUT_TEXT.some((re) => re.test(message)) ? message : REDACTED_INPUT_MESSAGE;
  return Object.hasOwn(rulesMeta, ruleId) ? rulesMeta[ruleId]!.summary : ruleId;
}
