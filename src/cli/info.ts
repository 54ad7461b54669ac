// --explain, --list-rules and --print-config: what a rule is for, and what the config decides.
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import type { ReplyLint } from '../api/replylint.js';
import { ReplylintError } from '../errors.js';
import { exampleMessages } from '../rules/examples.js';
import type { RuleDefinition, Severity } from '../types.js';

const SEVERITY_NAMES: Record<Severity | 0, string> = { 0: 'off', 1: 'warn', 2: 'error' };

export async function explainRule(linter: ReplyLint, id: string, color: boolean): Promise<string> {
  const c = new Chalk({ level: color ? 1 : 0 });
  const here = resolve(linter.cwd, '__replylint__.txt');
  const chain = await linter.chainFor(here);
  const def = chain.registry.definition(id);
  if (!def) {
    const known = chain.registry.definitions().map((d) => d.id);
    const close = known.filter((k) => k.includes(id.split('/').pop() ?? id));
    throw new ReplylintError(`unknown rule "${id}"${close.length ? ` (did you mean ${close.map((k) => `"${k}"`).join(', ')}?)` : ''}; --list-rules lists them all`);
  }
  const configured = (await linter.calculateConfigForFile(here)).rules[id]?.severity ?? 0;
  const lines: string[] = [];
  lines.push(`${c.bold(def.id)}  ${c.dim(`${def.kind} rule · default ${def.severity} · in your config: ${SEVERITY_NAMES[configured]}${def.fixable ? ' · fixable' : ''}`)}`);
  lines.push(def.summary, '', c.bold('Why'), wrap(def.why.trim(), 78, '  '), '');

  lines.push(c.bold('Fires on'));
  for (const example of def.examples.invalid) {
    lines.push(`  ${c.red('✖')} ${oneLine(example)}`);
    for (const m of await exampleMessages(def, example, chain.registry)) {
      for (const r of m.rewrites) lines.push(`      ${r.kind === 'fix' ? c.green('fix:') : c.cyan('→')} ${oneLine(r.text)}`);
    }
  }
  if (def.examples.valid.length) {
    lines.push('', c.bold('Stays quiet on'));
    for (const example of def.examples.valid) lines.push(`  ${c.green('✔')} ${oneLine(example)}`);
  }
  if (def.source || def.url) lines.push('');
  if (def.source) lines.push(c.dim(`Rule file: ${def.source}`));
  if (def.url) lines.push(`Docs: ${def.url}`);
  return lines.join('\n') + '\n';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function wrap(text: string, width: number, indent: string): string {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width - indent.length) {
      out.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) out.push(indent + line);
  return out.join('\n');
}

export async function listRules(linter: ReplyLint, color: boolean): Promise<string> {
  const c = new Chalk({ level: color ? 1 : 0 });
  const here = resolve(linter.cwd, '__replylint__.txt');
  const chain = await linter.chainFor(here);
  const config = await linter.calculateConfigForFile(here);
  const defs: RuleDefinition[] = chain.registry.definitions();
  const idWidth = Math.max(...defs.map((d) => d.id.length));
  const rows = defs.map((d) => {
    const sev = SEVERITY_NAMES[config.rules[d.id]?.severity ?? 0];
    const sevText = sev === 'error' ? c.red(sev.padEnd(5)) : sev === 'warn' ? c.yellow(sev.padEnd(5)) : c.dim(sev.padEnd(5));
    return `${d.id.padEnd(idWidth)}  ${sevText}  ${d.kind.padEnd(12)}  ${d.fixable ? 'fix' : '   '}  ${d.summary}`;
  });
  const header = c.dim(`${'rule'.padEnd(idWidth)}  set    kind          fix  summary`);
  return [header, ...rows].join('\n') + `\n\n${defs.length} rules; "set" is how the config for ${linter.cwd} sets each. replylint --explain <rule> tells more.\n`;
}

export async function printConfig(linter: ReplyLint, file: string): Promise<string> {
  const chain = await linter.chainFor(resolve(linter.cwd, file));
  const config = await linter.calculateConfigForFile(file);
  const rules = Object.fromEntries(
    Object.entries(config.rules)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([id, r]) => [id, Object.keys(r.options).length ? [SEVERITY_NAMES[r.severity], r.options] : SEVERITY_NAMES[r.severity]]),
  );
  return (
    JSON.stringify(
      {
        filePath: resolve(linter.cwd, file),
        configFile: chain.file ?? null,
        extends: chain.layers.map((l) => l.name).filter((n) => n !== chain.file),
        ignored: await linter.isPathIgnored(file),
        ruleDirs: chain.ruleDirs,
        ignorePatterns: chain.ignorePatterns,
        rules,
      },
      null,
      2,
    ) + '\n'
  );
}
