// The real SARIF 2.1.0 schema as an Ajv validator, for the tests of the sarif formatter.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';

// The SARIF 2.1.0 schema is draft-04: its `id` is draft-07's `$id`, and `$schema` names a
// meta-schema Ajv does not ship. Nothing else in it differs between the drafts. One of its
// patterns is written for non-Unicode regular expressions, hence `unicodeRegExp: false`.
const { id, $schema: _draft04, ...schema } = JSON.parse(readFileSync(new URL('./schema/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as { id: string; $schema: string } & Record<string, unknown>;
// Ajv ships no format definitions: the tests check URIs themselves with URI_REFERENCE.
export const validate = new Ajv({ allErrors: true, validateFormats: false, unicodeRegExp: false }).compile({ $id: id, ...schema });

/** RFC 3986: a URI reference is made of these characters, `%` only before two hex digits. */
export const URI_REFERENCE = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
