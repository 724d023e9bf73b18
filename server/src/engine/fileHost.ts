// How the engine reads the files around the one it checks (`.tderc.yaml`,
// the file `previous` names): each door supplies its own.

/** The file-system look-ups the engine needs; the doors supply them. */
export interface FileHost {
  /** Whether a regular file exists at this absolute path. */
  fileExists(path: string): boolean;
  /** The text of a file, or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
  /** The folder a file is checked in (its repository, the workspace folder): `previous` may not lead out of it. Without one, the file's own folder. */
  treeRoot?(path: string): string;
  /** Why a file that is there is not read (a symbolic link out of the tree), naming only the path; undefined when it is read or absent. */
  whyNotRead?(path: string): string | undefined;
}
