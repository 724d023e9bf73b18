// What makes a file a TDE project file, for every door: its name, whatever
// language an editor gave the document (users may map *.yaml to `yaml`).

/** The language VS Code and the server give TDE files. */
export const TDE_LANGUAGE_ID = 'tde-yaml';

const TDE_FILE_NAME = /\.tde\.ya?ml$/i;

/** Whether a file name, a path or a URI's path names a TDE file (`*.tde.yaml`, `*.tde.yml`). */
export function isTdeFileName(name: string): boolean {
  return TDE_FILE_NAME.test(name);
}
