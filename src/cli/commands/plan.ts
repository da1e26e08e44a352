import { Command } from '@commander-js/extra-typings';
import { criteriaOption, examples, firstStepsOption, ignoreColumnOption, langOption, type CliContext } from '../options.js';

export const planCommand = (ctx: CliContext) =>
  new Command('plan')
    .description("write the village's own plan file (owners, dates, statuses to fill in), or add new actions to it")
    .argument('<answers...>', "the village's answers: YAML files, CSV files or folders")
    .addOption(criteriaOption())
    .option('-o, --out <file>', 'the plan file to write (default: standard output)')
    .option('--update', 'add only the actions the plan file does not hold yet; everything written in it stays')
    .option('--force', 'replace FILE if it exists (without --update)')
    .option('--village <name>', 'the village to plan for when the answers hold several')
    .addOption(firstStepsOption())
    .addOption(ignoreColumnOption())
    .addOption(langOption())
    .addHelpText(
      'after',
      examples([
        'village plan examples-progress/ergli-2025/ --out ergli-plan.yaml',
        'village plan examples/ergli/ --out ergli-plan.yaml --update',
        'village report examples/ergli/ --previous ergli-plan.yaml --plan ergli-plan.yaml',
      ]),
    )
    .action(async (inputs, o) => {
      const { plan } = await import('../../commands/plan.js');
      const opts = {
        inputs,
        criteria: o.criteria,
        out: o.out,
        update: o.update === true,
        force: o.force === true,
        lang: ctx.ui(o.lang),
        langFlag: o.lang,
        village: o.village,
        firstSteps: o.firstSteps,
        ignoreColumns: o.ignoreColumn,
      };
      ctx.setExit(await plan(opts, ctx.term()));
    });
