// paths.ts for the web build (esbuild.mjs swaps it in): node:path's posix
// functions, for the `/`-separated paths the browser server makes of URIs.
// The working directory is `/`. test/web/paths.test.ts compares them with
// node:path's posix functions.

export const sep = '/';

/** The segments of a path with `.` and empty ones dropped and `..` applied; above the root `..` is dropped (absolute) or kept (relative). */
function normalizeSegments(path: string, absolute: boolean): string[] {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!absolute) out.push('..');
    } else {
      out.push(segment);
    }
  }
  return out;
}

function normalize(path: string): string {
  if (path === '') return '.';
  const absolute = path.startsWith('/');
  const trailing = path.endsWith('/');
  const body = normalizeSegments(path, absolute).join('/');
  if (body === '') return absolute ? '/' : trailing ? './' : '.';
  return (absolute ? '/' : '') + body + (trailing ? '/' : '');
}

export function resolve(...paths: string[]): string {
  let joined = '';
  for (let i = paths.length - 1; i >= 0 && !joined.startsWith('/'); i--) {
    const path = paths[i]!;
    if (path !== '') joined = joined === '' ? path : `${path}/${joined}`;
  }
  return `/${normalizeSegments(joined, true).join('/')}`;
}

export function join(...paths: string[]): string {
  const joined = paths.filter((p) => p !== '').join('/');
  return joined === '' ? '.' : normalize(joined);
}

export function dirname(path: string): string {
  if (path === '') return '.';
  const hasRoot = path.startsWith('/');
  let end = -1;
  let matchedSlash = true;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] === '/') {
      if (!matchedSlash) {
        end = i;
        break;
      }
    } else {
      matchedSlash = false;
    }
  }
  if (end === -1) return hasRoot ? '/' : '.';
  if (hasRoot && end === 1) return '//';
  return path.slice(0, end);
}

export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

export function relative(from: string, to: string): string {
  if (from === to) return '';
  const fromSegments = normalizeSegments(resolve(from), true);
  const toSegments = normalizeSegments(resolve(to), true);
  let common = 0;
  while (common < fromSegments.length && common < toSegments.length && fromSegments[common] === toSegments[common]) common++;
  return [...fromSegments.slice(common).map(() => '..'), ...toSegments.slice(common)].join('/');
}

export function isAbsolute(path: string): boolean {
  return path.startsWith('/');
}
