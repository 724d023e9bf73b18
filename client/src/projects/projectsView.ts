// The TDE Projects view (Explorer): every TDE file of the workspace, grouped
// by the step its project is at, later iterations under the one they follow,
// each file's steps with their status. The data is the server's
// `tde/documentInfo`: nothing is parsed here.
import * as vscode from 'vscode';
import { State, type BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DocumentInfoRequest, type DocumentInfo, type StepSummary } from '../../../server/src/shared/protocol';
import { isDocumentInfo } from '../protocolGuards';
import { isTdeFileName } from '../../../server/src/shared/tdeFiles';
import { baseName, TDE_FILE_GLOB } from '../tdeFiles';
import { displayLanguage } from '../displayLanguage';
import { statusLabel, stepTitle } from '../preview/model';

const MAX_FILES = 500;
const REFRESH_DELAY_MS = 400;
const STEP_ORDER = ['find', 'refine', 'design', 'implement'];

export interface ProjectNode {
  kind: 'project';
  uri: vscode.Uri;
  info: DocumentInfo | undefined;
  /** Iterations that name this file as `previous`. */
  next: ProjectNode[];
}
interface GroupNode {
  kind: 'group';
  id: string;
  label: string;
  projects: ProjectNode[];
}
interface StepNode {
  kind: 'step';
  project: ProjectNode;
  step: StepSummary;
}
type Node = GroupNode | ProjectNode | StepNode;

const STATUS_ICON: Record<string, [string, string | undefined]> = {
  done: ['pass-filled', 'testing.iconPassed'],
  'in-progress': ['circle-large-filled', 'charts.blue'],
  'not-started': ['circle-large-outline', undefined],
  skipped: ['debug-step-over', 'disabledForeground'],
  absent: ['dash', 'disabledForeground'],
};
function statusWords(status: string): string {
  return status === 'absent' ? vscode.l10n.t('not in the file') : statusLabel(status, displayLanguage());
}

function statusIcon(status: string): vscode.ThemeIcon {
  const [id, color] = STATUS_ICON[status] ?? STATUS_ICON['not-started']!;
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

function problemCount(info: DocumentInfo | undefined): string {
  if (!info) return '';
  const count = (severity: string) => info.problems.filter((p) => p.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const parts = [
    errors === 0 ? '' : errors === 1 ? vscode.l10n.t('1 error') : vscode.l10n.t('{0} errors', errors),
    warnings === 0 ? '' : warnings === 1 ? vscode.l10n.t('1 warning') : vscode.l10n.t('{0} warnings', warnings),
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : vscode.l10n.t('no problems');
}

/** Which group a chain of iterations goes in: where its newest iteration is. */
function groupOf(info: DocumentInfo | undefined): { id: string; label: string } {
  if (!info) return { id: 'unread', label: vscode.l10n.t('Could not be read') };
  if (!info.parsed) return { id: 'unparsed', label: vscode.l10n.t('Does not parse yet') };
  const steps = info.steps;
  if (steps.length > 0 && steps.every((s) => s.status === 'done' || s.status === 'skipped')) return { id: 'finished', label: vscode.l10n.t('All four steps done') };
  const current = info.currentStep;
  const id = current?.id ?? 'find';
  return { id, label: stepTitle(id, current?.title, displayLanguage()) };
}

function newest(project: ProjectNode): ProjectNode {
  let node = project;
  while (node.next.length > 0) node = node.next[node.next.length - 1]!;
  return node;
}

export class ProjectsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups: GroupNode[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly client: LanguageClient,
    private readonly log: vscode.LogOutputChannel,
  ) {
    const watcher = vscode.workspace.createFileSystemWatcher(TDE_FILE_GLOB);
    const later = () => this.scheduleRefresh();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(later),
      watcher.onDidDelete(later),
      watcher.onDidChange(later),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (isTdeFileName(event.document.uri.path) && event.contentChanges.length > 0) later();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(later),
      client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) later();
      }),
    );
    if (client.state === State.Running) later();
  }

  scheduleRefresh(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, REFRESH_DELAY_MS);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const files = await vscode.workspace.findFiles(TDE_FILE_GLOB, '**/node_modules/**', MAX_FILES);
    const projects = await Promise.all(files.map(async (uri): Promise<ProjectNode> => ({ kind: 'project', uri, info: await this.info(uri), next: [] })));
    if (generation !== this.generation) return;
    const byUri = new Map(projects.map((p) => [p.uri.toString(), p]));
    const roots: ProjectNode[] = [];
    const byIteration = (a: ProjectNode, b: ProjectNode) => (a.info?.iteration ?? 1) - (b.info?.iteration ?? 1) || a.uri.path.localeCompare(b.uri.path);
    for (const project of [...projects].sort(byIteration)) {
      const earlier = project.info?.previous ? byUri.get(project.info.previous) : undefined;
      if (earlier && earlier !== project) earlier.next.push(project);
      else roots.push(project);
    }
    const groups = new Map<string, GroupNode>();
    for (const root of roots.sort((a, b) => label(a).localeCompare(label(b)))) {
      const { id, label: title } = groupOf(newest(root).info);
      const group = groups.get(id) ?? { kind: 'group' as const, id, label: title, projects: [] };
      group.projects.push(root);
      groups.set(id, group);
    }
    const order = ['unread', 'unparsed', ...STEP_ORDER, 'finished'];
    this.groups = [...groups.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
    void vscode.commands.executeCommand('setContext', 'tde.hasProjects', projects.length > 0);
    this.changed.fire(undefined);
  }

  private async info(uri: vscode.Uri): Promise<DocumentInfo | undefined> {
    if (this.client.state !== State.Running) return undefined;
    try {
      const result: unknown = await this.client.sendRequest(DocumentInfoRequest, { uri: uri.toString() });
      return isDocumentInfo(result) ? result : undefined;
    } catch (error) {
      this.log.warn(`TDE Projects: ${uri.toString(true)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  getChildren(node?: Node): Node[] {
    if (!node) return this.groups;
    if (node.kind === 'group') return node.projects;
    if (node.kind === 'project') {
      const steps: Node[] = (node.info?.steps ?? []).map((step) => ({ kind: 'step', project: node, step }));
      return [...steps, ...node.next];
    }
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `group:${node.id}`;
      item.description = node.projects.length === 1 ? vscode.l10n.t('1 project') : vscode.l10n.t('{0} projects', node.projects.length);
      item.contextValue = 'tdeGroup';
      return item;
    }
    if (node.kind === 'step') {
      const item = new vscode.TreeItem(stepTitle(node.step.id, node.step.title, displayLanguage()), vscode.TreeItemCollapsibleState.None);
      item.id = `step:${node.project.uri.toString()}:${node.step.id}`;
      item.description = statusWords(node.step.status);
      item.iconPath = statusIcon(node.step.status);
      const range = node.step.range;
      item.command = {
        command: 'vscode.open',
        title: vscode.l10n.t('Open'),
        arguments: [node.project.uri, range ? { selection: new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) } : {}],
      };
      return item;
    }
    const info = node.info;
    const item = new vscode.TreeItem(label(node), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `project:${node.uri.toString()}`;
    item.resourceUri = node.uri;
    const iteration = info?.iteration ?? 1;
    item.description = [vscode.l10n.t('iteration {0}', iteration), problemCount(info)].filter(Boolean).join(' · ');
    // The top row of a chain stands for the project, which is where its newest iteration is (as its group says).
    const head = node.next.length > 0 && this.groups.some((group) => group.projects.includes(node));
    const shown = head ? newest(node).info : info;
    const current = shown?.currentStep;
    item.iconPath = current ? statusIcon(current.status) : new vscode.ThemeIcon(shown ? 'warning' : 'question');
    const tooltip = new vscode.MarkdownString('', true);
    tooltip.appendText(`${label(node)}${info?.place ? ` (${info.place})` : ''}\n\n`);
    tooltip.appendText(`${vscode.l10n.t('{0}, iteration {1}', vscode.workspace.asRelativePath(node.uri), iteration)}\n\n`);
    for (const step of info?.steps ?? []) {
      tooltip.appendMarkdown(`$(${STATUS_ICON[step.status]?.[0] ?? 'circle-large-outline'}) `).appendText(`${stepTitle(step.id, step.title, displayLanguage())}: ${statusWords(step.status)}`).appendMarkdown('  \n');
    }
    item.tooltip = tooltip;
    item.contextValue = 'tdeProject';
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [node.uri] };
    return item;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function label(project: ProjectNode): string {
  return project.info?.title ?? baseName(project.uri.path);
}
