import { Command } from '@commander-js/extra-typings';
import {
  aliasesOption,
  criteriaOption,
  examples,
  firstStepsOption,
  ignoreColumnOption,
  langOption,
  minRespondentsOption,
  paperOption,
  periodOption,
  strategyLevelOption,
  type CliContext,
} from '../options.js';

export const overviewCommand = (ctx: CliContext) =>
  new Command('overview')
    .description("the LAG's overview of a batch: levels, R.40, ranking, heat-map, trends, what to support")
    .argument('<inputs...>', 'answers: YAML files, CSV files or folders of them')
    .addOption(criteriaOption())
    .option('-o, --out <file>', 'write to FILE: .md, or .pdf for a PDF (default: Markdown on standard output)')
    .option('--force', 'overwrite FILE if it exists')
    .addOption(periodOption())
    .addOption(aliasesOption())
    .addOption(minRespondentsOption())
    .addOption(strategyLevelOption())
    .addOption(firstStepsOption())
    .addOption(ignoreColumnOption())
    .addOption(paperOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples(['village overview answers/ > overview.md', 'village overview answers/ --out overview.pdf --lang lv', 'village overview answers/ --period 2026 --min-respondents 3']),
    )
    .action(async (inputs, o) => {
      const { overview } = await import('../../commands/overview.js');
      const opts = {
        inputs,
        criteria: o.criteria,
        lang: ctx.ui(o.lang),
        out: o.out,
        force: o.force === true,
        group: true,
        ignoreColumns: o.ignoreColumn,
        period: o.period,
        aliases: o.aliases,
        minRespondents: o.minRespondents,
        strategyLevel: o.strategyLevel,
        firstSteps: o.firstSteps,
        paper: o.paper,
      };
      ctx.setExit(await overview(opts, ctx.term()));
    });
