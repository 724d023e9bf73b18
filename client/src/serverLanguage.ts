// The language of what the language server says (problems, hover,
// completion): VS Code's display language by default, or the one chosen in
// `tde.language`. VS Code reports Spanish as its language only with a
// Spanish language pack installed; the setting lets a Spanish speaker have
// the server's words in Spanish without one (and an English speaker keep
// English in a Spanish VS Code). The server learns it from `initialize`'s
// `locale`, as any LSP server does, so a change restarts it.
import * as vscode from 'vscode';
import type { InitializeParams, StaticFeature } from 'vscode-languageclient';
import type { TdeLanguageClient } from './clientOptions';

const SETTING = 'language';

/** The locale to send instead of VS Code's own, or undefined for VS Code's (`auto`). */
export function chosenLocale(): string | undefined {
  const chosen = vscode.workspace.getConfiguration('tde').get<string>(SETTING, 'auto');
  return chosen === 'en' || chosen === 'es' ? chosen : undefined;
}

/** Sends the chosen language at every start, and restarts the server when the setting changes. */
export function followServerLanguage(client: TdeLanguageClient, restart: () => Promise<unknown>): vscode.Disposable {
  const feature: StaticFeature = {
    fillInitializeParams(params: InitializeParams) {
      const locale = chosenLocale();
      if (locale) params.locale = locale;
    },
    fillClientCapabilities() {},
    initialize() {},
    getState: () => ({ kind: 'static' }),
    clear() {},
  };
  client.registerFeature(feature);
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration(`tde.${SETTING}`)) void restart();
  });
}
