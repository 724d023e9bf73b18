// The TDE files below a folder, and how two files' YAML data differ: what the
// fixture runner and the tests of fixes walk and compare.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Every `*.tde.yaml` / `*.tde.yml` below `dir`, sorted; none when it does not exist. */
export function tdeFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return tdeFiles(full);
    return /\.tde\.ya?ml$/.test(entry.name) ? [full] : [];
  }).sort();
}

/** Paths where two plain-data values differ (added, removed or changed). */
export function differences(a: unknown, b: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (Object.is(a, b)) return [];
  const bothObjects = a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b);
  if (!bothObjects) return [at];
  const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
  return [...keys].flatMap((key) => differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], [...at, key]));
}
