// The pitch preview's own words, in VS Code's display language. They travel
// to the webview with each render; `{0}` is filled in there.
import * as vscode from 'vscode';
import type { PreviewWords } from './messages';

export function previewWords(): PreviewWords {
  return {
    lang: vscode.env.language,
    title: vscode.l10n.t('Pitch Preview'),
    untitled: vscode.l10n.t('Untitled project'),
    iteration: vscode.l10n.t('iteration {0}'),
    pitchActions: vscode.l10n.t('Pitch actions'),
    copyMarkdown: vscode.l10n.t('Copy as Markdown'),
    copyMarkdownTitle: vscode.l10n.t('Copy the pitch as Markdown'),
    openSource: vscode.l10n.t('Open YAML'),
    openSourceTitle: vscode.l10n.t('Show the YAML file'),
    steps: vscode.l10n.t('The four steps'),
    goToStep: vscode.l10n.t('Go to {0} in the YAML'),
    pitch: vscode.l10n.t('Pitch'),
    notParsed: vscode.l10n.t('The YAML does not parse yet: fix the syntax problems below and the pitch comes back.'),
    ownFrame: vscode.l10n.t("Your team's own frame (refine.pitch.template), filled from the file."),
    filled: vscode.l10n.t('Filled from the file. Click a marked blank to fill it in.'),
    blankTitle: vscode.l10n.t('{0} is still blank: click to fill it in'),
    stillBlank: vscode.l10n.t('Still blank'),
    everyBlankFilled: vscode.l10n.t('Every blank of the pitch is filled.'),
    goToField: vscode.l10n.t('Go to {0} (created if absent)'),
    problems: vscode.l10n.t('Problems'),
    checkingOff: vscode.l10n.t('Checking is turned off for this file (setting tde.validate.enable).'),
    noProblems: vscode.l10n.t('No problems.'),
    error: vscode.l10n.t('Error'),
    warning: vscode.l10n.t('Warning'),
    info: vscode.l10n.t('Info'),
    goToProblem: vscode.l10n.t('Go to the problem in the YAML'),
    line: vscode.l10n.t('line {0}'),
    aboutRule: vscode.l10n.t('About the rule {0}'),
  };
}
