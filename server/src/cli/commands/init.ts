// `tde init [FILE]`: writes the starter project (shared/starterProject.ts);
// `tde init --next EARLIER [FILE]`: the next iteration (shared/nextIteration.ts).
import * as path from 'node:path';
import { printable } from '../commandLine';
import type { InputOf } from '../help';
import { CliError, describeFsError, errorCode, ExitCode, type CliIO } from '../world';
import { displayPath, exists } from '../findFiles';
import { isTdeFileName } from '../../shared/tdeFiles';
import { starterProject } from '../../shared/starterProject';
import { nextIteration, nextIterationFileNames } from '../../shared/nextIteration';
import { readTdeFile } from '../readTdeFile';

const DEFAULT_FILE = 'project.tde.yaml';

export async function initCommand({ options, operands: positionals }: InputOf<'init'>, io: CliIO): Promise<ExitCode> {
  if (positionals.length > 1) throw new CliError('tde init takes at most one file (see tde init --help)');
  const earlier = options.next;
  if (earlier !== undefined) {
    if (options.title !== undefined || options.place !== undefined) throw new CliError('--next carries the title and place over from the earlier file; leave out --title and --place');
    return initNext(earlier, positionals[0], io);
  }
  let target = path.resolve(io.cwd, positionals[0] ?? DEFAULT_FILE);
  if (namesFolder(positionals[0], target, io)) target = path.join(target, DEFAULT_FILE);
  const shown = displayPath(io.cwd, target);
  writeNew(target, shown, starterProject({ title: someText(options.title ?? 'Our first TDE project'), place: someText(options.place ?? 'City of Example'), started: new Date(), door: 'cli' }), io);
  const note = isTdeFileName(target) ? '' : ' (tip: name it *.tde.yaml so tde check and editors find it)';
  io.stdout(`Created ${printable(shown)}${note}.\nNext: fill in find, then run 'tde check ${printable(shown)}'.\n`);
  return ExitCode.Clean;
}

/** --title and --place, which a starter project cannot leave blank. */
function someText(given: string): string {
  if (!given.trim()) throw new CliError('--title and --place need some text');
  return given;
}

/** Whether FILE names a folder to write into: one that exists, or any written with a trailing slash (`x/`). */
function namesFolder(written: string | undefined, resolved: string, io: CliIO): boolean {
  if (written !== undefined && (written.endsWith('/') || written.endsWith(path.sep))) return true;
  try {
    return io.fs.statSync(resolved).isDirectory();
  } catch {
    return false; // a new file
  }
}

/** Writes `text` to a new file; never over an existing one. */
function writeNew(target: string, shown: string, text: string, io: CliIO): void {
  try {
    // 'wx': fail rather than overwrite, even if the file appears meanwhile.
    io.fs.writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if (errorCode(error) === 'EEXIST') throw new CliError(`${printable(shown)} already exists; tde init never overwrites a file`);
    if (errorCode(error) === 'ENOENT') throw new CliError(`cannot create ${printable(shown)}: its folder does not exist`);
    throw new CliError(`cannot create ${printable(shown)}: ${describeFsError(error)}`);
  }
}

async function initNext(earlierArg: string, targetArg: string | undefined, io: CliIO): Promise<ExitCode> {
  const earlier = path.resolve(io.cwd, earlierArg);
  const earlierShown = displayPath(io.cwd, earlier);
  const read = readTdeFile(earlier, earlierShown, io);
  if (!read.ok) throw new CliError(`cannot start the next iteration of ${printable(earlierShown)}: ${read.problem.message}`);
  // The name depends on the iteration, which only the text tells: a first pass finds it.
  const probe = nextIteration(read.text, { previous: path.basename(earlier), started: new Date() });
  if (!probe.ok) throw new CliError(`cannot start the next iteration of ${printable(earlierShown)}: ${probe.reason}`);
  const firstFreeIn = (folder: string): string => {
    for (const name of nextIterationFileNames(path.basename(earlier), probe.iteration)) {
      const candidate = path.join(folder, name);
      if (!exists(candidate, io)) return candidate;
    }
    throw new CliError(`too many iterations of ${printable(earlierShown)} in ${printable(displayPath(io.cwd, folder) || '.')}; name the new file (tde init --next ${printable(earlierShown)} FILE)`);
  };
  // No FILE, or a folder: the first name not taken there.
  const named = targetArg === undefined ? undefined : path.resolve(io.cwd, targetArg);
  const target = named === undefined ? firstFreeIn(path.dirname(earlier)) : namesFolder(targetArg!, named, io) ? firstFreeIn(named) : named;
  const previous = path.relative(path.dirname(target), earlier).split(path.sep).join('/');
  const next = nextIteration(read.text, { previous, started: new Date() });
  if (!next.ok) throw new CliError(`cannot start the next iteration of ${printable(earlierShown)}: ${next.reason}`);
  const shown = displayPath(io.cwd, target);
  writeNew(target, shown, next.text, io);
  const note = next.implementDone ? '' : ` (note: Implement is not done in ${printable(earlierShown)} yet)`;
  io.stdout(`Created ${printable(shown)}, iteration ${next.iteration} after ${printable(earlierShown)}${note}.\nNext: fill in find, then run 'tde check ${printable(shown)}'.\n`);
  return ExitCode.Clean;
}
