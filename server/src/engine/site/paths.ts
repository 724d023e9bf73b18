// Paths inside the site and between the files it is built from: always with
// `/`, whatever the platform, and with no Node module (the editor's web build
// runs this too).

/** The folder part of a path (`a/b/c.html` → `a/b`; `c.html` → `.`). */
export function folderOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash) || '/';
}

/** `relative` read from the folder `from`, with `.` and `..` worked out (`a/b` + `../c.tde.yaml` → `a/c.tde.yaml`). */
export function joinPath(from: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${from}/${relative}`.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** The relative link from a page to another file of the site (both paths from the site's top). */
export function linkFrom(page: string, target: string): string {
  const from = folderOf(page).split('/').filter((part) => part && part !== '.');
  const to = target.split('/');
  let same = 0;
  while (same < from.length && same < to.length - 1 && from[same] === to[same]) same++;
  return [...from.slice(same).map(() => '..'), ...to.slice(same)].join('/');
}
