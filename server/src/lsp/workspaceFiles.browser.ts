// workspaceFiles.ts for the web build (esbuild.mjs swaps it in). The server runs in a
// browser Worker with no file system, so it reads through the client: the
// `tde/readFile` request, which the VS Code client answers with
// `vscode.workspace.fs` (github.dev, vscode.dev), sent only to a client that
// announced `workspaceFiles`. Without one, documents have no path: the check
// uses the default severities and the rules that read `previous`
// (`missing-previous`, `iteration-chain`) cannot follow it, as for an
// untitled file on Node.
//
// The engine looks files up synchronously, so what it reads is cached here.
// Before each check, prepare runs the same look-ups (the `.tderc.yaml`
// search, the rules that follow `previous`) against the cache, fetches whatever
// the cache could not answer, and repeats until it answers everything; the
// check then finds it all in the cache. Watched-file events refetch what
// they name (refresh) before the server reacts to them.
//
// What the client sends is held to the limits the Node server reads the disk
// with (workspaceFiles.ts): a text over MAX_FILE_BYTES, or one holding NUL characters
// (binary or UTF-16 data, decoded as UTF-8), is unreadable, with a log line
// that says why and not what it holds.
//
// Paths: the engine works with `/` paths. The URI `scheme://authority/a/b`
// becomes `/<"scheme://authority" percent-encoded as one segment>/a/b`, so
// `..` and the `.tderc.yaml` search stay within one file system, and any
// path maps back to its URI. Paths above that first segment are outside
// every file system: they are answered "missing" without asking.
import { buildModel, decodeTdeBytes, loadConfigFor, MAX_FILE_BYTES, parseTde, ruleById, type FileHost, type TdeModel } from '../engine';
import { dirname } from '../engine/paths';
import { isInsideFolder } from '../engine/treeFiles';
import { ReadFileRequest, type ReadFileParams, type ReadFileResult } from '../shared/protocol';
import type { FileLog, FileSession, WorkspaceFiles } from './fileSession';

interface Entry {
  type: ReadFileResult['type'];
  /** Present when it was asked for. */
  text?: string;
  /** A file whose text was refused: asked for, and not to be asked for again until it changes. */
  unreadable?: true;
}

/** Rounds of look-ups per preparation: the `.tderc.yaml` search needs three (exists?, read, done). */
const MAX_ROUNDS = 6;
const BASE = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*$/i;

/** A session with a client, rather than only a log (the checking thread's). */
function hasClient(log: FileLog): log is FileSession {
  return 'connection' in log && 'support' in log;
}

/** The URI of a path made by pathOf (or derived from one); undefined above the file system's root. */
function uriOfPath(path: string): string | undefined {
  const match = /^\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return undefined;
  let base: string;
  try {
    base = decodeURIComponent(match[1]!);
  } catch {
    return undefined;
  }
  if (!BASE.test(base)) return undefined;
  return base + (match[2] ?? '/').split('/').map(encodeURIComponent).join('/');
}

/** Why a text from the client is not read as a file's, or undefined when it is fine. */
function refusal(text: string): string | undefined {
  // Each UTF-16 code unit is at least one byte of UTF-8: too long in units is too large in bytes, with nothing encoded.
  if (text.length > MAX_FILE_BYTES) return `it is over the ${MAX_FILE_BYTES} bytes a file may be`;
  const decoded = decodeTdeBytes(new TextEncoder().encode(text));
  return decoded.ok ? undefined : decoded.message;
}

/** The workspace's files as the client sends them, cached; without a client, none. */
export function createWorkspaceFiles(log: FileLog): WorkspaceFiles {
  const session = hasClient(log) ? log : undefined;
  const entries = new Map<string, Entry>();
  /** While prepare runs the look-ups: the paths the cache could not answer, and whether their text is needed. */
  let recording: Map<string, boolean> | undefined;
  let warnedUnavailable = false;

  /** The path of a `scheme://authority/path` URI; undefined for other URIs (`untitled:`) or when the client cannot read files. */
  function pathOf(uri: string): string | undefined {
    if (!session?.support.workspaceFiles) return undefined;
    const match = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(\/[^?#]*)$/i.exec(uri);
    if (!match || /%2f/i.test(match[2]!)) return undefined;
    try {
      return `/${encodeURIComponent(match[1]!)}${decodeURIComponent(match[2]!)}`;
    } catch {
      return undefined;
    }
  }

  function lookup(path: string, wantText: boolean): Entry | undefined {
    let entry = entries.get(path);
    if (!entry && uriOfPath(path) === undefined) {
      entry = { type: 'missing' };
      entries.set(path, entry);
    }
    if (entry && (entry.type !== 'file' || !wantText || entry.text !== undefined || entry.unreadable)) return entry;
    if (recording) recording.set(path, wantText || !!recording.get(path));
    return entry;
  }

  /** The engine's view of the workspace file system: what is cached. */
  const host: FileHost = {
    fileExists: (path) => lookup(path, false)?.type === 'file',
    readFile: (path) => {
      const entry = lookup(path, true);
      return entry?.type === 'file' ? entry.text : undefined;
    },
    // `previous` stays inside the workspace folder that holds the file (never another repository or scheme).
    treeRoot: (path) =>
      (log.workspaceFolders ?? [])
        .map((folder) => pathOf(folder.uri))
        .filter((folder): folder is string => folder !== undefined && isInsideFolder(path, folder))
        .sort((a, b) => b.length - a.length)[0] ?? dirname(path),
  };

  async function fetchEntry(path: string, text: boolean): Promise<Entry> {
    const uri = uriOfPath(path);
    if (!uri || !session) return { type: 'missing' };
    try {
      const params: ReadFileParams = { uri, text };
      const result = (await session.connection.sendRequest(ReadFileRequest, params)) as ReadFileResult | null;
      if (!result || (result.type !== 'file' && result.type !== 'directory')) return { type: 'missing' };
      if (result.type === 'directory') return { type: 'directory' };
      if (typeof result.unreadable === 'string') {
        // The client refused the bytes (too large, binary, not UTF-8): its words, never the content.
        session.warn(`not reading ${uri}: ${result.unreadable.slice(0, 300)}`);
        return { type: 'file', unreadable: true };
      }
      if (typeof result.text !== 'string') return { type: 'file' };
      const refused = refusal(result.text);
      if (refused === undefined) return { type: 'file', text: result.text };
      session.warn(`not reading ${uri}: ${refused}`);
      return { type: 'file', unreadable: true };
    } catch (error) {
      if (!warnedUnavailable) {
        warnedUnavailable = true;
        session.error(`${ReadFileRequest} failed for ${uri}; treating such files as missing`, error);
      }
      return { type: 'missing' };
    }
  }

  async function fetchAll(paths: Map<string, boolean>): Promise<void> {
    const fetched = await Promise.all([...paths].map(async ([path, text]) => [path, await fetchEntry(path, text)] as const));
    for (const [path, entry] of fetched) entries.set(path, entry);
  }

  /** Run synchronous look-ups until the cache answers all of them. */
  async function settle(run: () => void): Promise<void> {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const misses = new Map<string, boolean>();
      recording = misses;
      try {
        run();
      } finally {
        recording = undefined;
      }
      if (misses.size === 0) return;
      await fetchAll(misses);
    }
  }

  return {
    host,
    pathOf,
    prepare(uri) {
      const file = pathOf(uri);
      if (!file) return undefined;
      // An open document's text, else the one load read (a closed file the preview shows).
      // Parsed once more here (only when it may name a `previous` file) to run the look-ups of the rules that follow it.
      const text = session?.documents.get(uri)?.getText() ?? entries.get(file)?.text;
      let model: TdeModel | undefined;
      try {
        const document = text !== undefined && text.includes('previous') ? parseTde(text) : undefined;
        model = document?.root ? buildModel(document, document.root) : undefined;
      } catch {
        model = undefined; // the check itself reports what went wrong
      }
      // The rules that follow `previous`: whether the file is there, and what iteration it is.
      const previousRules = ['missing-previous', 'iteration-chain'].map(ruleById);
      return settle(() => {
        loadConfigFor(file, host);
        for (const rule of previousRules) if (model) rule?.check({ model, data: undefined, fileName: file, host, language: 'en', say: () => '', report: () => {} });
      });
    },
    load: (path) => fetchAll(new Map([[path, true]])),
    refresh(uris) {
      const stale = new Map<string, boolean>();
      for (const uri of uris) {
        const path = pathOf(uri);
        const entry = path === undefined ? undefined : entries.get(path);
        if (path !== undefined && entry) stale.set(path, entry.text !== undefined || !!entry.unreadable);
      }
      return stale.size ? fetchAll(stale) : undefined;
    },
    // Files are named to the client by URI.
    reference: (path) => uriOfPath(path) ?? path,
    // Virtual file systems compare paths as written.
    foldCase: (path) => path,
  };
}
