// `tde init [FILE]`: writes the starter project (shared/starterProject.ts).
import * as path from 'node:path';
import { parseArgs, printable } from '../args';
import { INIT_HELP } from '../help';
import { CliError, describeFsError, errorCode, ExitCode, type CliIO } from '../io';
import { displayPath } from '../findFiles';
import { isTdeFileName } from '../../shared/tdeFiles';
import { starterProject } from '../../shared/starterProject';

const DEFAULT_FILE = 'project.tde.yaml';

export async function initCommand(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { options, positionals } = parseArgs(
    argv,
    [{ name: 'title', value: true }, { name: 'place', value: true }, { name: 'help', short: 'h' }],
    'init',
  );
  if (options.has('help')) {
    io.stdout(INIT_HELP);
    return ExitCode.Clean;
  }
  if (positionals.length > 1) throw new CliError('tde init takes at most one file (see tde init --help)');
  let target = path.resolve(io.cwd, positionals[0] ?? DEFAULT_FILE);
  try {
    if (io.fs.statSync(target).isDirectory()) target = path.join(target, DEFAULT_FILE);
  } catch {
    // a new file: fine
  }
  const shown = displayPath(io.cwd, target);
  const title = (options.get('title') as string | undefined) ?? 'Our first TDE project';
  const place = (options.get('place') as string | undefined) ?? 'City of Example';
  if (!title.trim() || !place.trim()) throw new CliError('--title and --place need some text');
  try {
    // 'wx': fail rather than overwrite, even if the file appears meanwhile.
    io.fs.writeFileSync(target, starterProject({ title, place, started: new Date(), door: 'cli' }), { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new CliError(`${printable(shown)} already exists; tde init never overwrites a file`);
    if (errorCode(error) === 'ENOENT') throw new CliError(`cannot create ${printable(shown)}: its folder does not exist`);
    throw new CliError(`cannot create ${printable(shown)}: ${describeFsError(error)}`);
  }
  const note = isTdeFileName(target) ? '' : ' (tip: name it *.tde.yaml so tde check and editors find it)';
  io.stdout(`Created ${printable(shown)}${note}.\nNext: fill in find, then run 'tde check ${printable(shown)}'.\n`);
  return ExitCode.Clean;
}
