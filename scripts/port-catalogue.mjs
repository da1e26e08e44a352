// Turns entries of a TypeScript catalogue (the old src/i18n/<lang>.ts form) into the YAML form
// of locales/<lang>.yaml. Used once for the conversion, and for porting entries that other
// branches still add to en.ts/lv.ts:
//
//   node scripts/port-catalogue.mjs path/to/en.ts [--quote '"'] [--from '// #12']
//
// prints `messages:` and `labels:` sections (only the entries after the `--from` comment, when
// given) that can be pasted into locales/<lang>.yaml. Conversions:
//   'code': () => 'text'                 -> code: text
//   'code': (p) => `a ${p.x} b`          -> code: a {x} b
//   ${q(p.x)}                            -> "{x}" (the quotes of --quote; lv uses “ ”)
//   ${hint(p)}                           -> {suggestion|hint}
//   ${nouns(p.x)}                        -> {x|nouns}
//   ${orList(p.x)} / ${String(p.x)}      -> {x}
// Anything else stops with the entry named, to be written by hand (see notes/issue15-porting.md).
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { stringify } from 'yaml';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !isOptValue(a));
function isOptValue(a) {
  const i = args.indexOf(a);
  return i > 0 && args[i - 1].startsWith('--');
}
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
if (!file) {
  process.stderr.write('usage: node scripts/port-catalogue.mjs FILE.ts [--quote \'"\'|\'“”\'] [--from \'// #N\']\n');
  process.exit(2);
}
const source = readFileSync(file, 'utf8');
const quote = opt('quote') ?? (/[“”]/.test(source) ? '“”' : '"');
const [qOpen, qClose] = quote.length === 2 ? [quote[0], quote[1]] : [quote, quote];
const from = opt('from');

/** Converts one expression inside ${...}; returns the YAML template text. */
function span(expr, key) {
  const text = expr.getText();
  let m;
  if ((m = /^q\(p\.(\w+)\)$/.exec(text))) return `${qOpen}{${m[1]}}${qClose}`;
  if (/^hint\(p\)$/.test(text)) return '{suggestion|hint}';
  if ((m = /^nouns\(p\.(\w+)\)$/.exec(text))) return `{${m[1]}|nouns}`;
  if ((m = /^(?:orList|String)\(p\.(\w+)\)$/.exec(text))) return `{${m[1]}}`;
  if ((m = /^p\.(\w+)$/.exec(text))) return `{${m[1]}}`;
  throw new Error(`${key}: cannot convert \${${text}}; write this entry by hand`);
}

function value(node, key) {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const s of node.templateSpans) out += span(s.expression, key) + s.literal.text;
    return out;
  }
  if (ts.isArrowFunction(node)) return value(node.body, key);
  if (ts.isParenthesizedExpression(node)) return value(node.expression, key);
  throw new Error(`${key}: cannot convert ${node.getText()}; write this entry by hand`);
}

const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
const out = {};
if (from && !source.includes(from)) throw new Error(`${from} not found in ${file}`);
ts.forEachChild(sf, function visit(node) {
  if (ts.isVariableDeclaration(node) && ['messages', 'labels'].includes(node.name.getText())) {
    let init = node.initializer;
    while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init))) init = init.expression;
    if (!init || !ts.isObjectLiteralExpression(init)) return;
    // With --from, only the entries after that comment inside this object (each object has its own).
    const found = from ? source.indexOf(from, init.getStart()) : -1;
    if (from && (found < 0 || found > init.getEnd())) return;
    const section = (out[node.name.getText()] = {});
    for (const p of init.properties) {
      if (!ts.isPropertyAssignment(p)) continue;
      if (from && p.getStart() < found) continue;
      const key = ts.isStringLiteral(p.name) ? p.name.text : p.name.getText();
      section[key] = value(p.initializer, key);
    }
  }
  ts.forEachChild(node, visit);
});
process.stdout.write(stringify(out, { lineWidth: 0 }));
