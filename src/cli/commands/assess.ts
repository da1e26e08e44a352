import { Command } from '@commander-js/extra-typings';
import { criteriaOption, examples, helpLine, langOption, type CliContext } from '../options.js';

export const assessCommand = (ctx: CliContext) =>
  new Command('assess')
    .description("a mentor's interactive session: question by question, every answer saved at once")
    .addOption(criteriaOption())
    .option('--answers <file>', 'the answers file: resumed when it exists, created when not')
    .option('--village <name>', 'the village (asked when not given)')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village assess --village "Ērgļi"',
        'village assess --answers ergli-2026-03-14.yaml     # resume next week, on any laptop',
        'village assess --village Alsunga --lang en --criteria my-lag.yaml',
      ]) + `\n${helpLine('assessKeys', 'Keys: ↑↓ to move, Enter to choose, Ctrl-C to stop (every confirmed answer is already saved).')}\n`,
    )
    .action(async (o) => {
      const input = process.stdin as NodeJS.ReadStream;
      const interactive = input.isTTY && ctx.streams.stdout.isTTY === true;
      const { assess } = await import('../../commands/assess/index.js');
      const opts = { criteria: o.criteria, answers: o.answers, village: o.village, lang: ctx.ui(o.lang), langFlag: o.lang };
      ctx.setExit(
        await assess(opts, ctx.term(), {
          interactive,
          prompts: async (navigation) => (await import('../../io/prompts.js')).inquirerPrompts(navigation),
          clear: () => void ctx.streams.stdout.write('\x1b[2J\x1b[3J\x1b[H'),
        }),
      );
    });
