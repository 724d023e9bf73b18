// VS Code's display language as one of ours. The method's words (step titles,
// a step's status) come from the shared catalogues (l10n/*.json) in it; the
// extension's own words go through vscode.l10n.t (l10n/bundle.l10n.*.json).
import * as vscode from 'vscode';
import { languageOfLocale, type Language } from '../../server/src/shared/l10n';

export function displayLanguage(): Language {
  return languageOfLocale(vscode.env.language);
}
