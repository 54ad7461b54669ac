// `npm run eval`: lints the labeled corpus (fixtures/corpus/{dev,test}) and prints precision,
// recall and F1 per family, per rule and overall for each split, then every miss and false
// alarm on the dev split. Item-level: a family "fires" on an item when any of its rules reports
// anything in it. The test split is only measured; its items are never printed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const { lintText, RuleRegistry, loadBuiltins } = await import('../dist/index.js');

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const FAMILIES = ['blame', 'refusal', 'positioning', 'tone'];
const args = new Set(process.argv.slice(2));
const showTest = args.has('--show-test'); // for a final audit only

export function loadSplit(name) {
  const dir = join(ROOT, 'fixtures', 'corpus', name);
  const items = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    let list;
    try {
      list = parse(readFileSync(join(dir, file), 'utf8')) ?? [];
    } catch (error) {
      throw new Error(`${join('fixtures', 'corpus', name, file)}: ${error.message.split('\n')[0]}`);
    }
    for (const item of list) items.push({ ...item, file });
  }
  return items;
}

const { rules, presets } = loadBuiltins();
const registry = new RuleRegistry(rules);
const familyOf = new Map(rules.map((r) => [r.id, r.family]));
const recommended = new Set(Object.keys(presets.recommended.rules).filter((id) => presets.recommended.rules[id] !== 'off'));
const allConfig = { rules: Object.fromEntries(rules.map((r) => [r.id, { severity: 2, options: {} }])) };

async function evaluate(items) {
  const out = [];
  for (const item of items) {
    const result = await lintText(item.text, { filePath: `${item.id}.md`, config: allConfig, rules: registry });
    out.push({ item, messages: result.messages });
  }
  return out;
}

const ratio = (a, b) => (b === 0 ? NaN : a / b);
const f1 = (p, r) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));
const fmt = (x) => (Number.isNaN(x) ? '   – ' : x.toFixed(3));

/** Item-level confusion counts per family, counting only the rules in `ruleSet`. */
function familyScores(evaluated, ruleSet) {
  const scores = Object.fromEntries(FAMILIES.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  for (const { item, messages } of evaluated) {
    const fired = new Set(messages.filter((m) => ruleSet.has(m.ruleId)).map((m) => familyOf.get(m.ruleId)));
    for (const f of FAMILIES) {
      const labeled = item.labels.includes(f);
      if (fired.has(f) && labeled) scores[f].tp++;
      else if (fired.has(f)) scores[f].fp++;
      else if (labeled) scores[f].fn++;
    }
  }
  return scores;
}

function printFamilies(title, scores) {
  console.log(`\n  ${title}`);
  console.log('  family        TP   FP   FN  precision  recall     F1');
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const f of FAMILIES) {
    const s = scores[f];
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
    const p = ratio(s.tp, s.tp + s.fp);
    const r = ratio(s.tp, s.tp + s.fn);
    console.log(`  ${f.padEnd(12)} ${String(s.tp).padStart(3)}  ${String(s.fp).padStart(3)}  ${String(s.fn).padStart(3)}  ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}  ${fmt(f1(p, r)).padStart(5)}`);
  }
  const p = ratio(total.tp, total.tp + total.fp);
  const r = ratio(total.tp, total.tp + total.fn);
  console.log(`  ${'overall'.padEnd(12)} ${String(total.tp).padStart(3)}  ${String(total.fp).padStart(3)}  ${String(total.fn).padStart(3)}  ${fmt(p).padStart(9)}  ${fmt(r).padStart(6)}  ${fmt(f1(p, r)).padStart(5)}`);
}

function printRules(evaluated) {
  console.log('\n  rule                              rec  fires   TP   FP  precision  share of family positives');
  const positives = Object.fromEntries(FAMILIES.map((f) => [f, evaluated.filter((e) => e.item.labels.includes(f)).length]));
  for (const rule of rules) {
    let tp = 0;
    let fp = 0;
    for (const { item, messages } of evaluated) {
      if (!messages.some((m) => m.ruleId === rule.id)) continue;
      if (item.labels.includes(rule.family)) tp++;
      else fp++;
    }
    const share = ratio(tp, positives[rule.family] ?? 0);
    console.log(
      `  ${rule.id.padEnd(33)} ${recommended.has(rule.id) ? ' ✓ ' : '   '}  ${String(tp + fp).padStart(5)}  ${String(tp).padStart(3)}  ${String(fp).padStart(3)}  ${fmt(ratio(tp, tp + fp)).padStart(9)}  ${fmt(share)}`,
    );
  }
}

const excerpt = (text) => text.replace(/\s+/g, ' ').trim().slice(0, 150);

function printErrors(evaluated) {
  console.log('\n  Misses (labeled, not found):');
  for (const { item, messages } of evaluated) {
    const fired = new Set(messages.map((m) => familyOf.get(m.ruleId)));
    for (const f of item.labels) if (!fired.has(f)) console.log(`    ${item.id}  [${f}]  ${excerpt(item.text)}`);
  }
  console.log('\n  False alarms (found, not labeled):');
  for (const { item, messages } of evaluated) {
    for (const m of messages) {
      if (!item.labels.includes(familyOf.get(m.ruleId))) console.log(`    ${item.id}  ${m.ruleId} @${m.line}:${m.column}  ${m.message.slice(0, 90)}\n        ${excerpt(item.text)}`);
    }
  }
}

for (const split of ['dev', 'test']) {
  let items;
  try {
    items = loadSplit(split);
  } catch (error) {
    console.log(`\n${split}: ${error.code === 'ENOENT' ? 'no corpus found' : error.message}`);
    process.exitCode = 2;
    continue;
  }
  const evaluated = await evaluate(items);
  const counts = FAMILIES.map((f) => `${f} ${items.filter((i) => i.labels.includes(f)).length}`).join(', ');
  console.log(`\n=== ${split} split: ${items.length} items (${counts}, none ${items.filter((i) => i.labels.length === 0).length})`);
  printFamilies('families, replylint:recommended', familyScores(evaluated, recommended));
  printFamilies('families, replylint:all', familyScores(evaluated, new Set(rules.map((r) => r.id))));
  printRules(evaluated);
  if (split === 'dev' || showTest) printErrors(evaluated);
}
