// The file name "TDE: New Project" gives a project (its text is the shared
// starter, server/src/shared/starterProject.ts). Pure functions, no vscode.

const MAX_NAME_LENGTH = 60;

/**
 * A kebab-case file stem from a project title: "Free Wi-Fi où on peut
 * l'utiliser!" → "free-wi-fi-ou-on-peut-l-utiliser". Letters of any script
 * are kept; marks, punctuation and symbols become hyphens.
 */
export function projectFileStem(title: string): string {
  const stem = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  if (!stem) return 'tde-project';
  if (stem.length <= MAX_NAME_LENGTH) return stem;
  // Cut at a word boundary when there is one not too far back.
  const cut = stem.slice(0, MAX_NAME_LENGTH);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > MAX_NAME_LENGTH / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** Candidate file names in order: stem.tde.yaml, stem-2.tde.yaml, … */
export function* projectFileNames(title: string, limit = 100): Generator<string> {
  const stem = projectFileStem(title);
  yield `${stem}.tde.yaml`;
  for (let n = 2; n <= limit; n++) yield `${stem}-${n}.tde.yaml`;
}
