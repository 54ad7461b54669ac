// A strict little XML reader for the junit tests: no XML parser is a dependency of the project.
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: Array<XmlElement | string>;
}

/**
 * A strict reader for the XML the formatter writes (elements, attributes, text, CDATA, an XML
 * declaration): it throws on anything not well-formed, and decodes what a real parser would.
 */
export function parseXml(xml: string): XmlElement {
  const invalid = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.exec(xml);
  if (invalid) throw new Error(`character U+${invalid[0].codePointAt(0)!.toString(16)} is not allowed in XML 1.0`);
  const decode = (text: string) =>
    text.replace(/&([^;]*);?/g, (ref, body: string) => {
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (!ref.endsWith(';')) throw new Error(`unterminated reference ${ref}`);
      if (named[body]) return named[body];
      const code = /^#x([0-9a-f]+)$/i.exec(body)?.[1] ?? /^#([0-9]+)$/.exec(body)?.[1];
      if (code === undefined) throw new Error(`unknown reference ${ref}`);
      return String.fromCodePoint(body.startsWith('#x') ? parseInt(code, 16) : Number(code));
    });
  let i = 0;
  const declaration = /^<\?xml version="1\.0"( encoding="[^"]+")?\?>/.exec(xml);
  if (declaration) i = declaration[0].length;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  const startTag = /<([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.-]*\s*=\s*"[^<"]*")*)\s*(\/?)>/y;
  while (i < xml.length) {
    const parent = stack.at(-1);
    if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i);
      if (!parent || end < 0) throw new Error(`CDATA outside an element or unterminated at ${i}`);
      parent.children.push(xml.slice(i + 9, end));
      i = end + 3;
    } else if (xml.startsWith('</', i)) {
      const close = /<\/([A-Za-z_][\w.-]*)\s*>/y;
      close.lastIndex = i;
      const m = close.exec(xml);
      if (!m || stack.pop()?.name !== m[1]) throw new Error(`mismatched end tag at ${i}`);
      i = close.lastIndex;
    } else if (xml[i] === '<') {
      startTag.lastIndex = i;
      const m = startTag.exec(xml);
      if (!m) throw new Error(`bad start tag at ${i}: ${xml.slice(i, i + 40)}`);
      const attributes: Record<string, string> = {};
      for (const [, name, value] of m[2]!.matchAll(/([A-Za-z_][\w.-]*)\s*=\s*"([^"]*)"/g)) {
        if (Object.hasOwn(attributes, name!)) throw new Error(`duplicate attribute ${name}`);
        attributes[name!] = decode(value!);
      }
      const element: XmlElement = { name: m[1]!, attributes, children: [] };
      if (parent) parent.children.push(element);
      else if (root) throw new Error('a second root element');
      else root = element;
      if (!m[3]) stack.push(element);
      i = startTag.lastIndex;
    } else {
      const end = xml.indexOf('<', i) < 0 ? xml.length : xml.indexOf('<', i);
      const text = xml.slice(i, end);
      if (text.includes(']]>')) throw new Error('"]]>" in text');
      if (parent) parent.children.push(decode(text));
      else if (text.trim()) throw new Error(`text outside the root element: ${text}`);
      i = end;
    }
  }
  if (!root || stack.length) throw new Error('no root element, or unclosed elements');
  return root;
}

export const elements = (e: XmlElement, name: string): XmlElement[] =>
  e.children.flatMap((c) => (typeof c === 'string' ? [] : [...(c.name === name ? [c] : []), ...elements(c, name)]));
export const text = (e: XmlElement): string => e.children.map((c) => (typeof c === 'string' ? c : text(c))).join('');
