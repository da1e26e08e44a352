import { Command } from '@commander-js/extra-typings';
import { collect, criteriaOption, examples, ignoreColumnOption, langOption, paperOption, type CliContext } from '../options.js';

export const historyCommand = (ctx: CliContext) =>
  new Command('history')
    .description("one village's assessments over the years: a table, or a report with a chart (--out x.md|x.pdf)")
    .argument('<answers...>', "all the village's answers, any years (grouped into one assessment per year): YAML files, CSV files or folders")
    .addOption(criteriaOption())
    .option('--plan <file>', 'a plan file whose done actions to show between the assessments (repeatable)', collect, [] as string[])
    .option('-o, --out <file>', 'write a report: .md for Markdown, .pdf for PDF (default: a table on standard output)')
    .option('--force', 'overwrite FILE if it exists')
    .option('--village <name>', 'the village when the answers hold several')
    .addOption(paperOption())
    .addOption(ignoreColumnOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village history examples-progress/ergli-2025/ examples/ergli/',
        'village history examples-progress/ergli-2025/ examples/ergli/ --plan examples-progress/ergli-plan.yaml --out ergli-history.pdf',
      ]),
    )
    .action(async (inputs, o) => {
      const { history } = await import('../../commands/history.js');
      const opts = {
        inputs,
        plans: o.plan,
        criteria: o.criteria,
        out: o.out,
        force: o.force === true,
        lang: ctx.ui(o.lang),
        langFlag: o.lang,
        village: o.village,
        paper: o.paper,
        ignoreColumns: o.ignoreColumn,
      };
      ctx.setExit(await history(opts, ctx.term()));
    });
