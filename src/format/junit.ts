// JUnit XML as ESLint writes it: a test suite per file, a failing test case per problem.
import type { LintMessage, LintResult } from '../types.js';
import { describeMessage } from './compact.js';
import type { FormatterOptions } from './index.js';
import { shownPath, wellFormed } from './paths.js';

/** Characters XML 1.0 does not allow anywhere, not even as character references. */
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text XML 1.0 can hold: forbidden control characters dropped, lone surrogates as U+FFFD. */
function xmlText(text: string): string {
  return wellFormed(text).replace(FORBIDDEN, '');
}

/** An attribute value: markup escaped, and tab and line breaks as references so parsers keep them. */
export function escapeAttribute(text: string): string {
  const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };
  return xmlText(text).replace(/[&<>"'\t\n\r]/g, (c) => escapes[c]!);
}

/** Character data in a CDATA section; a `]]>` in the text is split across two sections. */
export function cdata(text: string): string {
  return `<![CDATA[${xmlText(text).replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
}

export function formatJunit(results: LintResult[], options: Pick<FormatterOptions, 'displayPath' | 'cwd'>): string {
  let out = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';
  for (const result of results) {
    const path = shownPath(result.filePath, options);
    const classname = escapeAttribute(path.replace(/\.[^./\\]*$/, ''));
    const name = escapeAttribute(path);
    const { messages } = result;
    if (messages.length === 0) {
      // A clean file is one passing test, so dashboards count the files that were checked.
      out += `<testsuite package="org.replylint" time="0" tests="1" errors="0" failures="0" name="${name}">\n`;
      out += `<testcase time="0" name="${name}" classname="${classname}" />\n`;
      out += '</testsuite>\n';
      continue;
    }
    const fatal = messages.filter((m) => m.fatal).length;
    out += `<testsuite package="org.replylint" time="0" tests="${messages.length}" errors="${fatal}" failures="${messages.length - fatal}" name="${name}">\n`;
    for (const m of messages) out += testcase(m, classname);
    out += '</testsuite>\n';
  }
  return out + '</testsuites>\n';
}

/** JUnit's `error` is "could not run" (a file that could not be read); a lint problem is a `failure`. */
function testcase(m: LintMessage, classname: string): string {
  const element = m.fatal ? 'error' : 'failure';
  const name = escapeAttribute(`org.replylint.${m.ruleId ?? 'unknown'}`);
  return (
    `<testcase time="0" name="${name}" classname="${classname}">` +
    `<${element} message="${escapeAttribute(m.message)}">${cdata(describeMessage(m))}</${element}>` +
    '</testcase>\n'
  );
}
