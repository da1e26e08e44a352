import type { Column } from '../core/csv-map.js';
import { translator, type Framework } from '../core/framework.js';
import type { HeaderReport } from '../core/intake.js';
import { fill, labelsFor, uiLangFor } from '../i18n/messages.js';
import { wrap } from './wrap.js';

const WIDTH = 96;
const comment = (text: string): string[] => wrap(text, WIDTH, '#   ', '#').split('\n');

/**
 * A commented map file for a survey export (`village init --format map`): how to name the village
 * column, answer codes and a 1–5 offset, with every criterion id and its question to copy from.
 * Valid for `--map` as it is (it maps nothing yet). Pure.
 */
const target = (c: Column): string | null =>
  c.kind === 'meta' ? c.field : c.kind === 'system' ? c.role : c.kind === 'criterion' ? c.criterion.id : c.kind === 'note' ? `${c.criterion.id} note` : null;

/** The `columns:` lines for an export's own headers (`--from FILE`): known ones as comments, unknown ones as `ignore` to edit. */
function fromHeaders(headers: readonly HeaderReport[], known: string, unknown: string): string[] {
  const lines: string[] = [];
  for (const h of headers) {
    const t = target(h.column);
    if (h.header === '' || h.column.kind === 'ignored') continue;
    if (t !== null) lines.push(`  # ${JSON.stringify(h.header)}: ${t}   # ${known}`);
    else lines.push(`  ${JSON.stringify(h.header)}: ignore   # ${unknown}${h.column.kind === 'unknown' && h.column.suggestion ? ` (${h.column.suggestion}?)` : ''}`);
  }
  return lines;
}

export function blankMap(fw: Framework, lang: string, schemaUrl: string, from?: readonly HeaderReport[]): string {
  const L = labelsFor(uiLangFor(lang));
  const t = translator(fw, lang);
  const lines = [
    `# yaml-language-server: $schema=${schemaUrl}`,
    ...comment(L['map.intro']),
    'schema: village-kit/map@1',
    '',
    ...comment(L['map.columns']),
    'columns:',
    ...(from
      ? fromHeaders(from, L['map.fromKnown'], L['map.fromUnknown'])
      : ['  # "Kuru ciemu Jūs pārstāvat?": village', '  # "Komentāri un ieteikumi": ignore', `  # G1Q01: ${[...fw.criteria.keys()][0] ?? 'strategy.vision'}`]),
    '',
    ...comment(fill(L['map.values'], { min: fw.scale.min, max: fw.scale.max })),
    'values:',
    ...(from && from.some((h) => h.samples.length > 0)
      ? [...new Set(from.flatMap((h) => h.samples))].slice(0, 40).map((v) => `  # ${JSON.stringify(v)}: `)
      : [...Array.from({ length: fw.scale.max - fw.scale.min + 1 }, (_, i) => `  # A${i + 1}: ${fw.scale.min + i}`), '  # "-oth-": n/a']),
    '',
    ...comment(fill(L['map.offset'], { min: fw.scale.min, max: fw.scale.max, from: fw.scale.min + 1, to: fw.scale.max + 1 })),
    '# offset: -1',
    '',
    ...comment(L['map.criteria']),
  ];
  for (const c of fw.criteria.values()) lines.push(...comment(`${c.id}: ${t(c.question)}`));
  return `${lines.join('\n')}\n`;
}
