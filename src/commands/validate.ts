import { byPosition, hasErrors, type Diagnostic } from '../core/diagnostic.js';
import type { Framework } from '../core/framework.js';
import { EXIT, type ExitCode } from '../errors.js';
import { label, type UiLang } from '../i18n/messages.js';
import { loadCsv } from '../io/csv.js';
import { expandInputs, INPUT_EXTS } from '../io/inputs.js';
import { isCsv } from '../io/responses.js';
import { frameworkFrom, kindOf, loadFramework, readYaml, responseFrom, type Loaded } from '../io/load.js';
import { catalogueFrom, isCatalogueData } from '../io/catalogue.js';
import type { Terminal } from '../io/terminal.js';
import { CRITERIA_DIR, BUNDLED_CRITERIA } from '../paths.js';
import { diagnosticLine, githubAnnotation, plain } from '../render/diagnostics.js';
import type { ValidateFormat } from '../vocab.js';

export interface ValidateOptions {
  files: string[];
  criteria: string | undefined;
  format: ValidateFormat;
  lang: UiLang;
}

interface FileReport {
  file: string;
  kind: 'criteria' | 'answers' | 'messages' | null;
  valid: boolean;
}

/** `village validate`: checks criteria and answers files; exit 0 when all are valid, 1 if not. */
export async function validate(opts: ValidateOptions, term: Terminal): Promise<ExitCode> {
  const inputs = opts.files.length > 0 ? opts.files : [CRITERIA_DIR];
  const { files, diagnostics } = await expandInputs(inputs, INPUT_EXTS);
  const reports: FileReport[] = [];
  // Answers are checked against --criteria (or the bundled framework), loaded when first needed.
  let framework: Loaded<Framework> | undefined;
  const answersFramework = (): Framework | null => (framework ??= loadFramework(opts.criteria ?? BUNDLED_CRITERIA)).value;

  for (const file of files) {
    if (isCsv(file)) {
      const fw = answersFramework();
      const found = fw ? (await loadCsv(file, fw)).diagnostics : [];
      diagnostics.push(...found);
      reports.push({ file, kind: 'answers', valid: !hasErrors(found) });
      continue;
    }
    const { parsed, diagnostics: parseDiagnostics } = readYaml(file);
    const found: Diagnostic[] = [...parseDiagnostics];
    let kind: FileReport['kind'] = null;
    if (parsed && isCatalogueData(parsed.data)) {
      kind = 'messages';
      found.push(...catalogueFrom(parsed, file).diagnostics);
    } else if (parsed) {
      const k = kindOf(parsed, file);
      kind = k.kind;
      if (k.diagnostic) found.push(k.diagnostic);
      if (kind === 'criteria') found.push(...frameworkFrom(parsed, file).diagnostics);
      if (kind === 'answers') {
        const fw = answersFramework();
        if (fw) found.push(...responseFrom(parsed, file, fw).diagnostics);
      }
    }
    diagnostics.push(...found);
    reports.push({ file, kind, valid: !hasErrors(found) });
  }
  // A broken --criteria file makes every answers file unverifiable: say why, once.
  if (framework && !framework.value) diagnostics.push(...framework.diagnostics);

  const sorted = [...diagnostics].sort(byPosition);
  const valid = !hasErrors(sorted);
  const lang = opts.lang;
  if (opts.format === 'json') {
    term.out(`${JSON.stringify({ valid, files: reports, diagnostics: sorted.map((d) => plain(d, lang)) }, null, 2)}\n`);
  } else if (opts.format === 'github') {
    for (const d of sorted) term.out(`${githubAnnotation(d, lang)}\n`);
  } else {
    for (const d of sorted) term.out(`${diagnosticLine(d, lang, term.color)}\n`);
  }
  const errors = sorted.filter((d) => d.severity === 'error').length;
  term.err(`${label(lang, 'validate.summary', { files: files.length, errors, warnings: sorted.length - errors })}\n`);
  return valid ? EXIT.ok : EXIT.rejected;
}
