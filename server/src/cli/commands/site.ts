// `tde site [PATH …] --out DIR`: the public website of the projects, in
// English and Spanish. The engine builds the pages from the files' texts and
// their git dates; this door finds the files, asks git for the dates, and
// writes the pages inside DIR only, never through a link.
import * as path from 'node:path';
import { buildSite, siteBaseUrl, type SiteSource } from '../../engine/site';
import { LANGUAGES, type Language } from '../../shared/l10n';
import { printable } from '../commandLine';
import { displayPath, findFiles } from '../findFiles';
import { lastChangedDates } from '../git';
import type { InputOf } from '../help';
import { CliError, describeFsError, errorCode, ExitCode, type CliIO } from '../world';
import { readTdeFile } from '../readTdeFile';
import { replaceFile } from '../writeFile';

function chosenLanguages(value: string | undefined): Language[] {
  if (value === undefined || value === 'all') return [...LANGUAGES];
  const language = LANGUAGES.find((known) => known === value);
  if (language) return [language];
  throw new CliError(`unknown language ${printable(value)} for --lang; choose ${LANGUAGES.join(', ')} or all`);
}

/**
 * A folder of the site, made when missing. A link or a file where a folder
 * should be is refused: the site is written inside DIR and nowhere else.
 */
function ensureFolder(folder: string, shown: string, io: CliIO): void {
  try {
    const stat = io.fs.lstatSync(folder);
    if (stat.isDirectory()) return;
    throw new CliError(stat.isSymbolicLink()
      ? `cannot write the site: ${printable(shown)} is a symbolic link; the site is only written into real folders (remove the link, or choose another --out)`
      : `cannot write the site: ${printable(shown)} is a file, not a folder`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (errorCode(error) !== 'ENOENT') throw new CliError(`cannot write the site to ${printable(shown)}: ${describeFsError(error)}`);
  }
  try {
    io.fs.mkdirSync(folder);
  } catch (error) {
    throw new CliError(`cannot make the folder ${printable(shown)}: ${describeFsError(error)}`);
  }
}

/** Write the site's files under `out`, making each folder once, checking none is a link. */
function writeSite(out: string, outShown: string, files: Iterable<{ path: string; text: string }>, io: CliIO): void {
  const parent = path.dirname(out);
  try {
    if (!io.fs.statSync(parent).isDirectory()) throw new CliError(`cannot write the site: ${printable(path.dirname(outShown))} is not a folder`);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`cannot write the site into ${printable(path.dirname(outShown) || '.')}: ${describeFsError(error)}`);
  }
  const made = new Set<string>();
  const folder = (relative: string) => {
    if (made.has(relative)) return;
    if (relative !== '.') folder(path.posix.dirname(relative));
    ensureFolder(relative === '.' ? out : path.join(out, ...relative.split('/')), relative === '.' ? outShown : `${outShown}/${relative}`, io);
    made.add(relative);
  };
  for (const file of files) {
    folder(path.posix.dirname(file.path));
    try {
      replaceFile(path.join(out, ...file.path.split('/')), file.text, io);
    } catch (error) {
      throw new CliError(`cannot write ${printable(`${outShown}/${file.path}`)}: ${describeFsError(error)}`);
    }
  }
}

/** The site's files and `.nojekyll`, which tells GitHub Pages to publish the files as they are. */
function* withNoJekyll(files: Iterable<{ path: string; text: string }>): Generator<{ path: string; text: string }> {
  yield { path: '.nojekyll', text: '' };
  yield* files;
}

export async function siteCommand({ options, operands: positionals }: InputOf<'site'>, io: CliIO): Promise<ExitCode> {
  const outOption = options.out;
  if (!outOption) throw new CliError('tde site needs --out DIR, the folder to write the site to (see tde site --help)');
  const languages = chosenLanguages(options.lang);
  // Empty counts as not given, as the Action passes its inputs.
  const baseOption = options.baseUrl || undefined;
  const baseUrl = baseOption === undefined ? undefined : siteBaseUrl(baseOption);
  if (baseOption !== undefined && !baseUrl) {
    throw new CliError(`--base-url needs the web address the site will be published at, such as https://example.org/projects/ (got ${printable(baseOption)})`);
  }
  const files = findFiles(positionals, io, options.noErrorOnUnmatchedPattern);
  const out = path.resolve(io.cwd, outOption);
  const outShown = outOption.replace(/[\\/]+$/, '') || outOption;

  const { dates } = lastChangedDates(io.cwd, files);
  const sources: SiteSource[] = [];
  const unread: string[] = [];
  for (const file of files) {
    const shown = displayPath(io.cwd, file);
    try {
      const read = readTdeFile(file, shown, io);
      if (read.ok) sources.push({ path: shown, text: read.text, lastChanged: dates.get(file) });
      else unread.push(`tde: left out ${printable(shown)}: ${printable(read.problem.message)}\n`);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      unread.push(`tde: left out ${printable(shown)}: ${error.message}\n`);
    }
  }
  const site = buildSite(sources, { languages, baseUrl });
  writeSite(out, outShown, withNoJekyll(site.files), io);
  io.stderr(unread.join('') + site.leftOut.map((left) => `tde: left out ${printable(left.path)}: ${printable(left.reason)} (run 'tde check ${printable(left.path)}')\n`).join(''));
  const projects = sources.length - site.leftOut.length;
  io.stdout(`Built the site of ${projects} project${projects === 1 ? '' : 's'} in ${printable(outShown)} (${languages.join(', ')}): open ${printable(`${outShown}/index.html`)}\n`);
  return ExitCode.Clean;
}
