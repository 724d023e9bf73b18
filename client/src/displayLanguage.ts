// The language of the method's words the extension shows (step titles, a
// step's status, the project page): the one the server speaks, so the
// preview's pitch and the steps above it agree. That is `tde.language` when
// chosen, else VS Code's display language. The extension's own words go
// through vscode.l10n.t (l10n/bundle.l10n.*.json), which always follows
// VS Code's display language.
import * as vscode from 'vscode';
import { languageOfLocale, type Language } from '../../server/src/shared/l10n';
import { chosenLocale } from './serverLanguage';

export function displayLanguage(): Language {
  return languageOfLocale(chosenLocale() ?? vscode.env.language);
}
