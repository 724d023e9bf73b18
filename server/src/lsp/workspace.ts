// Facts from outside the open file: `.tderc.yaml` files and the other TDE
// files that `project.previous` names. Watched files are registered when the
// client lets the server do so, and change events are honoured whoever set
// the watcher up. Workspace folders are tracked for multi-root workspaces.
import {
  DidChangeWatchedFilesNotification,
  WatchKind,
  type DidChangeWatchedFilesParams,
  type WorkspaceFoldersChangeEvent,
} from 'vscode-languageserver';
import * as path from '../engine/paths';
import { previousFile } from '../engine/previousFile';
import type { Analyses } from './analysis';
import { isConfigFile, type Configuration } from './configuration';
import type { Diagnostics } from './diagnostics';
import type { Session } from './session';

const WATCHED_GLOBS = ['**/.tderc.{yaml,yml}', '**/*.tde.{yaml,yml}'];

export class Workspace {
  constructor(
    private readonly session: Session,
    private readonly analyses: Analyses,
    private readonly configuration: Configuration,
    private readonly diagnostics: Diagnostics,
  ) {}

  register(): void {
    const { connection } = this.session;
    connection.onDidChangeWatchedFiles(
      this.session.guardNotification('didChangeWatchedFiles', (params: DidChangeWatchedFilesParams) => {
        // The web build first refetches what it had read of these files (nothing to wait for on Node).
        const refreshing = this.session.files.refresh(params.changes.map((change) => change.uri));
        return refreshing ? refreshing.then(() => this.filesChanged(params)) : this.filesChanged(params);
      }),
    );
  }

  async registerDynamically(): Promise<void> {
    const { connection, support } = this.session;
    if (support.watchedFilesDynamic) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Change | WatchKind.Delete })),
      });
    }
    if (support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        this.session.guardNotification('didChangeWorkspaceFolders', (event: WorkspaceFoldersChangeEvent) => {
          const removed = new Set(event.removed.map((f) => f.uri));
          this.session.workspaceFolders = [...this.session.workspaceFolders.filter((f) => !removed.has(f.uri)), ...event.added];
          this.configuration.foldersChanged();
        }),
      );
    }
  }

  filesChanged(params: DidChangeWatchedFilesParams): void {
    const configFiles: string[] = [];
    const previousFiles: string[] = [];
    for (const change of params.changes) {
      const file = this.session.files.pathOf(change.uri);
      if (!file) continue;
      if (isConfigFile(file)) configFiles.push(file);
      // Whether it is there (missing-previous), and, when it changed, its iteration (iteration-chain).
      else previousFiles.push(file);
    }
    if (configFiles.length) this.configuration.configFilesChanged(configFiles);
    if (previousFiles.length) this.diagnostics.revalidate(this.documentsReferringTo(previousFiles));
  }

  /** Open documents whose `project.previous` resolves to one of these paths (or into one of these folders). */
  private documentsReferringTo(files: string[]): string[] {
    const fold = this.session.files.foldCase;
    const normalized = files.map((f) => fold(path.resolve(f)));
    const uris: string[] = [];
    for (const document of this.session.openTdeDocuments()) {
      const own = this.session.files.pathOf(document.uri);
      if (!own) continue;
      const model = this.analyses.parsed(document).model;
      const previous = model ? previousFile(model, own) : undefined;
      if (!previous) continue;
      const target = fold(previous.target);
      if (normalized.some((f) => target === f || target.startsWith(f + path.sep))) {
        uris.push(document.uri);
      }
    }
    return uris;
  }
}
