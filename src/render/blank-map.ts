import { translator, type Framework } from '../core/framework.js';
import { fill, labelsFor, uiLangFor } from '../i18n/messages.js';
import { wrap } from './wrap.js';

const WIDTH = 96;
const comment = (text: string): string[] => wrap(text, WIDTH, '#   ', '#').split('\n');

/**
 * A commented map file for a survey export (`village init --format map`): how to name the village
 * column, answer codes and a 1–5 offset, with every criterion id and its question to copy from.
 * Valid for `--map` as it is (it maps nothing yet). Pure.
 */
export function blankMap(fw: Framework, lang: string, schemaUrl: string): string {
  const L = labelsFor(uiLangFor(lang));
  const t = translator(fw, lang);
  const lines = [
    `# yaml-language-server: $schema=${schemaUrl}`,
    ...comment(L['map.intro']),
    'schema: village-kit/map@1',
    '',
    ...comment(L['map.columns']),
    'columns:',
    '  # "Kuru ciemu Jūs pārstāvat?": village',
    '  # "Komentāri un ieteikumi": ignore',
    `  # G1Q01: ${[...fw.criteria.keys()][0] ?? 'strategy.vision'}`,
    '',
    ...comment(fill(L['map.values'], { min: fw.scale.min, max: fw.scale.max })),
    'values:',
    ...Array.from({ length: fw.scale.max - fw.scale.min + 1 }, (_, i) => `  # A${i + 1}: ${fw.scale.min + i}`),
    '  # "-oth-": n/a',
    '',
    ...comment(fill(L['map.offset'], { min: fw.scale.min, max: fw.scale.max, from: fw.scale.min + 1, to: fw.scale.max + 1 })),
    '# offset: -1',
    '',
    ...comment(L['map.criteria']),
  ];
  for (const c of fw.criteria.values()) lines.push(...comment(`${c.id}: ${t(c.question)}`));
  return `${lines.join('\n')}\n`;
}
