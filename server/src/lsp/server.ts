// The tde language server: capabilities negotiated from what the client can
// do, and one module per feature wired onto the connection. Kept apart from
// creating the connection so tests can drive it over any stream.
import {
  CodeActionKind,
  PositionEncodingKind,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { version } from '../../../package.json';
import {
  DocumentInfoRequest,
  RevealBlankRequest,
  NextIterationRequest,
  ProjectPageRequest,
  type ProjectPageParams,
  type ProjectPageResult,
  type NextIterationParams,
  type NextIterationResult,
  type DocumentInfo,
  type DocumentInfoParams,
  type RevealBlankParams,
  type RevealBlankResult,
  type TdeInitializationOptions,
} from '../shared/protocol';
import { languageOfLocale } from '../shared/l10n';
import { Analyses } from './analysis';
import { APPLY_EDIT_COMMAND, CodeActions, FIX_ALL_KIND, resolvesCodeActionEdits } from './codeActions';
import { provideCompletion } from './completion';
import { Configuration } from './configuration';
import { Diagnostics } from './diagnostics';
import { provideNextIteration } from './nextIteration';
import { provideDocumentInfo } from './documentInfo';
import { provideProjectPage } from './projectPage';
import { provideHover } from './hover';
import { provideDefinition, provideReferences } from './references';
import { providePrepareRename, provideRename } from './rename';
import { provideRevealBlank } from './revealBlank';
import { readClientSupport, Session } from './session';
import { provideDocumentSymbols } from './symbols';
import { Workspace } from './workspace';

export const SERVER_NAME = 'tde-language-server';
export const SERVER_VERSION: string = version;

export function startServer(connection: Connection): void {
  const session = new Session(connection);
  const configuration = new Configuration(session, () => diagnostics.revalidateAll());
  const analyses = new Analyses(session, configuration);
  const diagnostics = new Diagnostics(session, analyses, () => configuration.generation);
  const workspace = new Workspace(session, analyses, configuration, diagnostics);
  const codeActions = new CodeActions(session, analyses);

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as TdeInitializationOptions;
    session.support = readClientSupport(params.capabilities, options);
    codeActions.resolveFixAll = resolvesCodeActionEdits(params.capabilities);
    session.workspaceFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: params.rootUri }] : []);
    // vscode-languageclient sends VS Code's display language; other editors may send their own or none.
    session.language = languageOfLocale(params.locale);
    diagnostics.setDelay(options.validationDelay);
    diagnostics.register();
    return { capabilities: capabilities(session, codeActions), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  connection.onInitialized(() => {
    configuration.registerDynamically().catch((error) => session.error('registering for configuration changes failed', error));
    workspace.registerDynamically().catch((error) => session.error('registering file watchers failed', error));
  });

  connection.onShutdown(() => diagnostics.dispose());
  session.documents.onDidClose(({ document }) => {
    configuration.forget(document.uri);
    codeActions.forget(document.uri);
  });
  configuration.register();
  workspace.register();

  connection.onCompletion(session.guard('completion', null, (params) => provideCompletion(session, analyses, params)));
  connection.onHover(session.guard('hover', null, (params) => provideHover(session, analyses, params)));
  connection.onCodeAction(session.guard('codeAction', [], (params) => codeActions.provide(params)));
  // On failure the action comes back as it was (no edit): resolve must answer with a code action.
  connection.onCodeActionResolve((action, token) => session.guard('codeActionResolve', action, (a: typeof action) => codeActions.resolve(a))(action, token));
  connection.onDocumentSymbol(session.guard('documentSymbol', [], (params) => provideDocumentSymbols(session, analyses, params)));
  connection.onDefinition(session.guard('definition', null, (params) => provideDefinition(session, analyses, params)));
  connection.onReferences(session.guard('references', null, (params) => provideReferences(session, analyses, params)));
  connection.onPrepareRename(session.guard('prepareRename', null, (params) => providePrepareRename(session, analyses, params)));
  connection.onRenameRequest(session.guard('rename', null, (params) => provideRename(session, analyses, params)));
  connection.onExecuteCommand(
    session.guard('executeCommand', null, async (params) => {
      if (params.command !== APPLY_EDIT_COMMAND || !params.arguments?.[0]) return null;
      await connection.workspace.applyEdit(params.arguments[0] as WorkspaceEdit);
      return null;
    }),
  );
  connection.onRequest(
    DocumentInfoRequest,
    session.guard<DocumentInfoParams, DocumentInfo | null>('tde/documentInfo', null, (params) => provideDocumentInfo(session, analyses, params)),
  );
  connection.onRequest(
    RevealBlankRequest,
    session.guard<RevealBlankParams, RevealBlankResult | null>('tde/revealBlank', null, (params) => provideRevealBlank(session, analyses, params)),
  );

  connection.onRequest(
    NextIterationRequest,
    session.guard<NextIterationParams, NextIterationResult | null>('tde/nextIteration', null, (params) => provideNextIteration(session, params)),
  );
  connection.onRequest(
    ProjectPageRequest,
    session.guard<ProjectPageParams, ProjectPageResult | null>('tde/projectPage', null, (params) => provideProjectPage(session, params)),
  );

  session.documents.listen(connection);
  connection.listen();
}

function capabilities(session: Session, codeActions: CodeActions): ServerCapabilities {
  const { support } = session;
  const result: ServerCapabilities = {
    positionEncoding: PositionEncodingKind.UTF16,
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    completionProvider: { triggerCharacters: [' ', ':'], resolveProvider: false },
    hoverProvider: true,
    codeActionProvider: support.codeActionLiterals ? { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: codeActions.resolveFixAll } : true,
    documentSymbolProvider: { label: 'TDE' },
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: support.prepareRename ? { prepareProvider: true } : true,
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
  if (!support.codeActionLiterals) result.executeCommandProvider = { commands: [APPLY_EDIT_COMMAND] };
  if (support.pullDiagnostics) {
    // `previous` makes a file's problems depend on other files.
    result.diagnosticProvider = { identifier: 'tde', interFileDependencies: true, workspaceDiagnostics: false };
  }
  return result;
}
