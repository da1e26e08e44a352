import { Argument, Command } from '@commander-js/extra-typings';
import { SCHEMA_KINDS } from '../../vocab.js';
import { examples, type CliContext } from '../options.js';

export const schemaCommand = (ctx: CliContext) =>
  new Command('schema')
    .description('print the JSON Schema of a file kind, or write it into a folder to commit')
    .addArgument(
      new Argument('<kind>', 'criteria, answers, plan (the JSON of report --format json), plan-file (village plan), validate (of validate --format json) or map (--map files)').choices(SCHEMA_KINDS),
    )
    .option('--out <dir>', 'write <kind>.schema.json into DIR (replacing it) instead of printing it')
    .addHelpText('after', examples(['village schema answers > answers.schema.json', 'village schema criteria --out schema/']))
    .action(async (kind, o) => {
      const { PRINTED_SCHEMAS } = await import('../../schema/schemas.js');
      const text = `${JSON.stringify(PRINTED_SCHEMAS[kind], null, 2)}\n`;
      if (o.out === undefined) {
        ctx.term().out(text);
        ctx.setExit(0);
        return;
      }
      const { writeSchema } = await import('../../commands/schema.js');
      ctx.setExit(await writeSchema(o.out, kind, text, ctx.term(), ctx.ui(undefined)));
    });
