// SARIF 2.1.0: the static-analysis log GitHub code scanning and other dashboards import.
import { REPOSITORY_URL } from '../rules/docs-url.js';
import type { LintMessage, LintResult } from '../types.js';
import type { FormatterOptions, RuleMeta } from './index.js';
import { encodeUriPath, fileUri, isAbsolutePath, pathInside } from './paths.js';

const SRCROOT = '%SRCROOT%';

interface ArtifactLocation {
  uri: string;
  uriBaseId?: string;
}

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

interface ReportingDescriptor {
  id: string;
  shortDescription?: { text: string };
  fullDescription?: { text: string };
  help?: { text: string };
  helpUri?: string;
  defaultConfiguration?: { enabled?: boolean; level?: Level };
  properties?: { fixable: true };
}

type Level = 'error' | 'warning' | 'note';

interface SarifResult {
  ruleId?: string;
  ruleIndex?: number;
  level: Level;
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: ArtifactLocation; region?: Region } }>;
  fixes?: Array<{
    artifactChanges: Array<{
      artifactLocation: ArtifactLocation;
      replacements: Array<{ deletedRegion: { charOffset: number; charLength: number }; insertedContent: { text: string } }>;
    }>;
  }>;
  /** SARIF's mark for a known problem the project has accepted: here, one in the baseline. */
  suppressions?: Array<{ kind: 'external'; justification?: string }>;
  properties?: {
    macro?: { id?: string; title?: string };
    speaker?: string;
    suggestions?: Array<{ desc: string; text: string }>;
  };
}

export function formatSarif(results: LintResult[], options: Pick<FormatterOptions, 'cwd' | 'rulesMeta' | 'version'>): string {
  const meta = options.rulesMeta ?? {};
  const ruleIds = new Set(Object.keys(meta));
  for (const result of results) for (const m of [...result.messages, ...(result.suppressedMessages ?? [])]) if (m.ruleId) ruleIds.add(m.ruleId);
  const ids = [...ruleIds].sort();
  const ruleIndex = new Map(ids.map((id, i) => [id, i]));
  // A rule missing from rulesMeta (a caller that passes none) still gets its docs page from a message.
  const docsUrls = new Map<string, string>();
  for (const result of results) for (const m of result.messages) if (m.ruleId && m.docsUrl) docsUrls.set(m.ruleId, m.docsUrl);

  const cwdUri = options.cwd !== undefined && isAbsolutePath(options.cwd) ? fileUri(options.cwd).replace(/\/?$/, '/') : undefined;
  const sarifResults: SarifResult[] = [];
  for (const result of results) {
    const artifactLocation = locate(result.filePath, options.cwd);
    for (const m of result.messages) sarifResults.push(toResult(m, artifactLocation, ruleIndex));
    // Baselined problems stay in the log, marked suppressed, so code scanning shows them as such.
    for (const m of result.suppressedMessages ?? []) {
      sarifResults.push({ ...toResult(m, artifactLocation, ruleIndex), suppressions: [{ kind: 'external', justification: 'recorded in the suppressions file (a baseline)' }] });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'replylint',
            informationUri: REPOSITORY_URL,
            ...(options.version ? { version: options.version } : {}),
            rules: ids.map((id) => describeRule(id, meta[id], docsUrls.get(id))),
          },
        },
        ...(cwdUri ? { originalUriBaseIds: { [SRCROOT]: { uri: cwdUri } } } : {}),
        invocations: [{ executionSuccessful: !results.some((r) => r.messages.some((m) => m.fatal)) }],
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** A file inside cwd is a URI relative to %SRCROOT%, so the log does not depend on the machine. */
function locate(filePath: string, cwd: string | undefined): ArtifactLocation {
  const inside = cwd === undefined ? undefined : pathInside(filePath, cwd);
  if (inside !== undefined) return { uri: encodeUriPath(inside), uriBaseId: SRCROOT };
  if (isAbsolutePath(filePath)) return { uri: fileUri(filePath) };
  return { uri: encodeUriPath(filePath.replace(/\\/g, '/')) };
}

function describeRule(id: string, meta: RuleMeta | undefined, docsUrl: string | undefined): ReportingDescriptor {
  const rule: ReportingDescriptor = { id };
  if (meta) rule.shortDescription = { text: meta.summary };
  if (meta?.why) {
    rule.fullDescription = { text: meta.why };
    rule.help = { text: meta.why };
  }
  const helpUri = meta?.docsUrl ?? docsUrl;
  if (helpUri) rule.helpUri = helpUri;
  if (meta?.defaultSeverity) {
    rule.defaultConfiguration = meta.defaultSeverity === 'off' ? { enabled: false } : { level: meta.defaultSeverity === 'error' ? 'error' : 'warning' };
  }
  if (meta?.fixable) rule.properties = { fixable: true };
  return rule;
}

function toResult(m: LintMessage, artifactLocation: ArtifactLocation, ruleIndex: Map<string, number>): SarifResult {
  // A notice without a rule ("File ignored") is a note; one that counts as an error (a file that
  // could not be read, an unused disable directive) stays an error.
  const level: Level = m.fatal || m.severity === 2 ? 'error' : m.ruleId ? 'warning' : 'note';
  const region = toRegion(m);
  const result: SarifResult = {
    ...(m.ruleId ? { ruleId: m.ruleId, ruleIndex: ruleIndex.get(m.ruleId)! } : {}),
    level,
    message: { text: m.message },
    locations: [{ physicalLocation: { artifactLocation, ...(region ? { region } : {}) } }],
  };
  // Only safe fixes are SARIF fixes: a suggestion needs a person to fill in or check the words.
  if (m.fix) {
    const [start, end] = m.fix.range;
    result.fixes = [
      {
        artifactChanges: [
          { artifactLocation, replacements: [{ deletedRegion: { charOffset: start, charLength: end - start }, insertedContent: { text: m.fix.text } }] },
        ],
      },
    ];
  }
  const properties: NonNullable<SarifResult['properties']> = {};
  if (m.macro) properties.macro = m.macro;
  if (m.speaker !== undefined) properties.speaker = m.speaker;
  if (m.suggestions?.length) properties.suggestions = m.suggestions.map((s) => ({ desc: s.desc, text: s.fix.text }));
  if (Object.keys(properties).length > 0) result.properties = properties;
  return result;
}

/** Line 0 is the whole file: no region at all, since SARIF lines start at 1. */
function toRegion(m: LintMessage): Region | undefined {
  if (!(m.line >= 1)) return undefined;
  const region: Region = { startLine: m.line };
  if (m.column >= 1) region.startColumn = m.column;
  const endsAfter = m.endLine > m.line || (m.endLine === m.line && m.endColumn >= m.column);
  if (endsAfter) {
    region.endLine = m.endLine;
    if (m.column >= 1 && m.endColumn >= 1) region.endColumn = m.endColumn;
  }
  return region;
}
