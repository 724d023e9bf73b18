// `tde status [PATH …]`: where each project stands — title, place,
// iteration, the four steps and its problems — one row per file.
import { projectStatus } from '../../engine/review';
import { checkFiles, type CheckedFile } from '../checkFilesSerially';
import { explicitConfigFile, fileHost, loadConfigs } from '../configs';
import { findFiles } from '../findFiles';
import { loadStatusFormatter } from '../formatters/status';
import type { StatusRow } from '../statusReport';
import type { InputOf } from '../help';
import { ExitCode, type CliIO } from '../world';
import { colors, noColors, wantsColor } from '../terminal';
import { VERSION } from '../version';
import { writeReport } from './check';

/** One row per checked file. */
export function statusRows(files: readonly CheckedFile[]): StatusRow[] {
  return files.map((checked) => {
    const problems = { errors: 0, warnings: 0, infos: 0 };
    for (const p of checked.report.problems) {
      if (p.severity === 'error') problems.errors++;
      else if (p.severity === 'warning') problems.warnings++;
      else problems.infos++;
    }
    const model = checked.result?.document.syntaxIssues.length ? undefined : checked.result?.model;
    return { path: checked.shown, parses: model !== undefined, status: projectStatus(model), problems };
  });
}

export async function statusCommand({ options, operands }: InputOf<'status'>, io: CliIO): Promise<ExitCode> {
  const configFile = explicitConfigFile(options.config, io);
  const files = findFiles(operands, io);
  const host = fileHost(io);
  const { configs, issues } = loadConfigs(files, host, configFile, io);
  if (issues.length) {
    io.stderr(issues.map((issue) => `${issue}\n`).join(''));
    return ExitCode.UsageOrIO;
  }
  let failed = false;
  const outcome = checkFiles(files, configs, host, { quiet: false, directiveChecks: {} }, io, (message) => {
    failed = true;
    io.stderr(`tde: ${message}\n`);
  });
  const { output } = options;
  const palette = output === undefined && wantsColor(options.color, io.env, io.isTTY) ? colors : noColors;
  const text = loadStatusFormatter(options.format)({ version: VERSION, projects: statusRows(outcome.files) }, palette);
  if (output !== undefined) writeReport(output, text, io);
  else io.stdout(text);
  return failed ? ExitCode.UsageOrIO : ExitCode.Clean;
}
