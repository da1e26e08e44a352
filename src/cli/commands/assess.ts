import { Command } from '@commander-js/extra-typings';
import { criteriaOption, examples, helpLine, langOption, type CliContext } from '../options.js';

export const assessCommand = (ctx: CliContext) =>
  new Command('assess')
    .description("a mentor's interactive session: question by question, every answer saved at once")
    .addOption(criteriaOption())
    .option('--answers <file>', 'the answers file: resumed when it exists, created when not')
    .option('--village <name>', 'the village (asked when not given)')
    .option('--previous <file>', "last assessment's answers (or its plan file): its score and note are shown under each question, and the plans carry the change since then")
    .option('--plain', 'linear questions without redraws (screen readers, very small terminals)')
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village assess --village "Ērgļi"',
        'village assess --answers ergli-2026-03-14.yaml     # resume next week, on any laptop',
        'village assess --village Ērgļi --previous ergli-2025-03-10.yaml',
        'village assess --village Alsunga --lang en --criteria my-lag.yaml',
      ]) +
        `\n${helpLine('assessKeys', "Keys: a digit selects the score with that value, n n/a, d don't know, Enter chooses; s skip, b back, o overview, r review;\non the note: Enter saves, Ctrl-J new line, Ctrl-E $EDITOR, Esc back to the score. Ctrl-C stops (every confirmed answer is already saved).")}\n`,
    )
    .action(async (o) => {
      const input = process.stdin as NodeJS.ReadStream;
      const output = process.stdout;
      const interactive = input.isTTY && output.isTTY;
      const { assess } = await import('../../commands/assess/index.js');
      const term = ctx.term();
      const tiny = output.columns < 40 || output.rows < 12 || ctx.streams.env.TERM === 'dumb';
      const plain = o.plain === true || tiny;
      let restore = (): void => undefined;
      const opts = {
        criteria: o.criteria,
        answers: o.answers,
        village: o.village,
        previous: o.previous,
        plain,
        ui: (fileLang: string | null) => ctx.ui(o.lang, fileLang),
        langFlag: o.lang,
      };
      const cleanups: (() => void)[] = [];
      const onSignal = (signal: NodeJS.Signals, code: number) => () => {
        for (const c of cleanups) c();
        restore();
        process.exit(code);
      };
      const handlers = [['SIGTERM', 143], ['SIGHUP', 129]] as const;
      const installed = handlers.map(([s, code]) => [s, onSignal(s, code)] as const);
      for (const [s, h] of installed) process.on(s, h);
      try {
        ctx.setExit(
          await assess(opts, term, {
            interactive,
            prompts: async (L) => {
              const p = await import('../../io/prompts.js');
              restore = () => p.restoreTerminal(input, output);
              return p.terminalPrompts({ input, output, env: ctx.streams.env, plain, hints: { list: L['assess.listKeys'], text: L['assess.textKeys'], plainList: L['assess.plainList'] } });
            },
            clear: () => {
              output.write(plain ? '\n' : '\x1b[2J\x1b[3J\x1b[H');
            },
            onSignal: (c) => cleanups.push(c),
            platform: process.platform,
          }),
        );
      } finally {
        for (const [s, h] of installed) process.off(s, h);
      }
    });
