import { Command } from '@commander-js/extra-typings';
import { criteriaOption, examples, langOption, type CliContext } from '../options.js';

export const mergeCommand = (ctx: CliContext) =>
  new Command('merge')
    .description("one village's answers files (two facilitators' laptops) into one, criterion by criterion")
    .argument('<files...>', 'answers files of one village (A = the first, B = the second, …)')
    .requiredOption('--out <file>', 'the merged answers file')
    .option('--prefer <which>', 'where scores differ: A, B, … (that file) or newer (the later session); without it a terminal asks')
    .option('--force', 'replace --out when it exists')
    .addOption(criteriaOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village merge laptop-a.yaml laptop-b.yaml --out ergli.yaml',
        'village merge a.yaml b.yaml --out ergli.yaml --prefer newer   # in a script: no questions',
      ]),
    )
    .action(async (files, o) => {
      const { merge } = await import('../../commands/merge.js');
      const lang = ctx.ui(o.lang);
      const input = process.stdin as NodeJS.ReadStream;
      const output = process.stdout;
      const tty = input.isTTY && output.isTTY;
      const ask = tty
        ? async () => {
            const { labelsFor } = await import('../../i18n/messages.js');
            const L = labelsFor(lang);
            const p = await import('../../io/prompts.js');
            return p.terminalPrompts({ input, output, env: ctx.streams.env, plain: false, hints: { list: L['assess.listKeys'], text: L['assess.textKeys'], plainList: L['assess.plainList'] } });
          }
        : null;
      ctx.setExit(await merge({ files, out: o.out, prefer: o.prefer, force: o.force === true, criteria: o.criteria, lang, langFlag: o.lang }, ctx.term(), ask));
    });
