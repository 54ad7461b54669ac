// Encoders: how text must be written back into the place it was read from, so a fix or a
// rewrite lands in the file's own syntax (a JSON string's escapes, a CSV cell's quotes, HTML's
// entities). `undefined` means the text cannot be written there safely, and the edit is dropped.

export type Encoder = (text: string) => string | undefined;

export const identity: Encoder = (text) => text;

/** Inside a JSON string literal: JSON's own escaping (quotes, backslashes, control characters). */
export const jsonString: Encoder = (text) => JSON.stringify(text).slice(1, -1);

/** Inside a double-quoted CSV cell: a quote is doubled. */
export const csvQuoted: Encoder = (text) => text.replaceAll('"', '""');

/** Inside an unquoted CSV cell nothing can be escaped: a delimiter, quote or line break cannot be written. */
export const csvPlain: Encoder = (text) => (/[",;\t\r\n]/.test(text) ? undefined : text);

/** Inside a plain YAML scalar: anything that could end it or change its meaning is refused. */
export const yamlPlain: Encoder = (text) => (/[:#\r\n\t{}[\],&*!|>'"%@`]/.test(text) ? undefined : text);

/** Inside a double-quoted YAML scalar (YAML's escapes are a superset of JSON's). */
export const yamlDoubleQuoted: Encoder = jsonString;

/** Inside a single-quoted YAML scalar: a quote is doubled; a line break would fold. */
export const yamlSingleQuoted: Encoder = (text) => (/[\r\n]/.test(text) ? undefined : text.replaceAll("'", "''"));

/** Inside a block scalar: a line break would need the block's indentation. */
export const yamlBlock: Encoder = (text) => (/[\r\n]/.test(text) ? undefined : text);

/** HTML text: the characters that would start markup or an entity. */
export const htmlText: Encoder = (text) => text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));

/**
 * Markdown text: characters that would start emphasis, code or HTML are backslash-escaped. A
 * bracketed gap ("[alternative]") is left alone: with no "(url)" after it, it is not a link.
 */
export const markdownText: Encoder = (text) => text.replace(/[\\`*_<]/g, '\\$&');

/** Content encoding first (Markdown, HTML), then the container's (a JSON string holding HTML). */
export function compose(inner: Encoder, outer: Encoder | undefined): Encoder {
  if (!outer) return inner;
  return (text) => {
    const encoded = inner(text);
    return encoded === undefined ? undefined : outer(encoded);
  };
}
