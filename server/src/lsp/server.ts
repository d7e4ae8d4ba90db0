// Wires a connection to the stores and handlers: capabilities in `initialize`, the events that reload
// glossaries (glossary-reload.ts), and one guarded handler per request. The handlers themselves live in
// their own modules; every one of them starts from `ServerContext.resolve`.

import {
  DidChangeConfigurationNotification,
  type FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { WorkspaceTrustNotification, type InitializationOptions } from '../shared/protocol';
import { SECTION } from '../shared/settings';
import { CODE_ACTION_KINDS, codeActions, resolveCodeAction } from './code-actions';
import { completion } from './completion';
import { ServerContext, guarded, readCapabilities, type Capabilities, type Logger } from './context';
import { SOURCE } from './convert';
import { definition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentStore } from './documents';
import { EngineStore } from './engine-store';
import { GlossaryReloader, type FileChange } from './glossary-reload';
import { GlossarySources } from './glossary-sources';
import type { ServerHost } from './host';
import { hover } from './hover';
import { registerRequests } from './requests';
import { SettingsStore } from './settings';
import { WorkspaceFolders } from './workspace-folders';

/** Serves on `connection`, using the platform only through `host` (the Node entry, main.ts, makes the Node one). */
export function startServer(connection: Connection, host: ServerHost): void {
  const log: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  const documents = new DocumentStore(host);
  // Made in `initialize`, from what the client says it supports.
  let ctx: ServerContext | undefined;
  let diagnostics: DiagnosticsPublisher | undefined;
  let reloader: GlossaryReloader | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = readCapabilities(params.capabilities);
    const folders = new WorkspaceFolders(host);
    if (params.workspaceFolders) folders.set(params.workspaceFolders.map((f) => f.uri));
    else if (params.rootUri) folders.set([params.rootUri]);
    const init = (typeof params.initializationOptions === 'object' && params.initializationOptions !== null ? params.initializationOptions : {}) as InitializationOptions;
    host.start?.(init);
    const glossaries = new EngineStore(
      host,
      (loaded) => reloader?.loaded(loaded),
      (level, m) => log[level](m),
    );
    const sources = new GlossarySources(host, folders, glossaries, init.workspaceTrusted !== false);
    glossaries.policy = (file) => sources.refusal(file);
    if (!sources.trusted) log.info('The workspace is not trusted: glossary files outside the workspace folders are not read.');
    const settings = new SettingsStore(connection, capabilities.configuration, params.initializationOptions, (m) => log.warn(m));
    ctx = new ServerContext(connection, host, capabilities, documents, settings, glossaries, folders, sources, log, init.glossaryCommands === true);
    diagnostics = new DiagnosticsPublisher(ctx);
    reloader = new GlossaryReloader(ctx, diagnostics);
    return initializeResult(capabilities, host.version);
  });

  connection.onInitialized(async () => {
    if (!ctx || !reloader) return;
    const loader = reloader;
    loader.clientInitialized();
    if (ctx.capabilities.configurationRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch(() => undefined);
    }
    loader.watchGlossaryFiles();
    if (ctx.capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => loader.foldersChanged(event.added.map((f) => f.uri), event.removed.map((f) => f.uri)));
    }
    await loader.loadWorkspaceGlossary();
  });

  connection.onDidChangeConfiguration((params) => {
    ctx?.settings.changed(params?.settings);
    reloader?.reload('settings changed');
  });
  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes.map((c) => ({ file: host.uriToFile(c.uri), type: c.type })).filter((c): c is FileChange & { type: FileChangeType } => c.file !== undefined);
    reloader?.filesChanged(changes);
  });
  // A host that hears of file changes itself (the browser host, from its client) reports them the same way.
  host.onFilesChanged?.((changes) => reloader?.filesChanged(changes));
  connection.onNotification(WorkspaceTrustNotification.method, (params: WorkspaceTrustNotification.Params) => reloader?.trustChanged(params?.trusted !== false));

  // A glossary file's text in the editor is what its glossary reads (from when it opens until it closes).
  const glossaryText = (file: string | undefined, text: string | undefined) => {
    if (file !== undefined && ctx?.glossaries.isGlossaryFile(file)) reloader?.glossaryEdited(file, text);
  };
  documents.documents.onDidOpen((event) => {
    glossaryText(documents.fileOf(event.document.uri), event.document.getText());
    diagnostics?.changed(event.document.uri);
  });
  documents.documents.onDidChangeContent((event) => {
    glossaryText(documents.fileOf(event.document.uri), event.document.getText());
    diagnostics?.changed(event.document.uri);
  });
  documents.documents.onDidClose((event) => {
    glossaryText(host.uriToFile(event.document.uri), undefined);
    ctx?.settings.forget(event.document.uri);
    diagnostics?.closed(event.document.uri);
  });

  connection.onHover(guarded(log, 'Hover', null, (params) => (ctx ? hover(ctx, params) : null)));
  connection.onDefinition(guarded(log, 'Definition', null, (params) => (ctx ? definition(ctx, params) : null)));
  connection.onCompletion(guarded(log, 'Completion', null, (params) => (ctx ? completion(ctx, params) : null)));
  connection.onCodeAction(guarded(log, 'Code actions', [], (params) => (ctx ? codeActions(ctx, params) : [])));
  // A fix-all offered without its edit gets it here; on failure the action comes back as it was.
  connection.onCodeActionResolve((action) => guarded(log, 'Code action resolve', action, (a: typeof action) => (ctx ? resolveCodeAction(ctx, a) : a))(action));
  connection.languages.diagnostics.on(
    guarded(log, 'Diagnostics', { kind: 'full', items: [] } as const, (params) => (diagnostics ? diagnostics.report(params) : { kind: 'full' as const, items: [] })),
  );
  registerRequests(connection, () => ctx, log);
  connection.onShutdown(() => {
    diagnostics?.dispose();
    reloader?.dispose();
  });

  documents.documents.listen(connection);
  connection.listen();
}

/** What the server offers, given what the client supports. */
function initializeResult(capabilities: Capabilities, version: string): InitializeResult {
  const result: InitializeResult = {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      hoverProvider: true,
      definitionProvider: true,
      completionProvider: { resolveProvider: false },
      codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
    },
    serverInfo: { name: 'kpo-language-server', version },
  };
  if (capabilities.pullDiagnostics) {
    result.capabilities.diagnosticProvider = { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
  }
  if (capabilities.workspaceFolders) {
    result.capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
  }
  return result;
}
