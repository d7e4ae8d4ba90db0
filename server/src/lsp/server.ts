// Wires a connection to the stores and handlers: capabilities in `initialize`, the settings and glossary
// life cycle, and one guarded handler per request. The handlers themselves live in their own modules.

import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { packageVersion } from '../node/files';
import { GlossaryStatusNotification, type GlossaryStatus } from '../shared/protocol';
import { SECTION } from '../shared/settings';
import { CODE_ACTION_KINDS, codeActions } from './code-actions';
import { completion } from './completion';
import { ServerContext, guarded, readCapabilities, type Logger } from './context';
import { SOURCE } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentStore } from './documents';
import { GlossaryStore } from './glossary';
import { hover } from './hover';
import { registerRequests } from './requests';
import { WorkspaceFolders, uriToPath } from './paths';
import { SettingsStore } from './settings';

export function startServer(connection: Connection): void {
  const log: Logger = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };
  const documents = new DocumentStore();
  const folders = new WorkspaceFolders();
  let ctx: ServerContext | undefined;
  let diagnostics: DiagnosticsPublisher | undefined;
  let initialized = false;
  let pendingStatus: GlossaryStatus | undefined;

  const sendStatus = (status: GlossaryStatus) => {
    if (!initialized) {
      pendingStatus = status;
      return;
    }
    connection.sendNotification(GlossaryStatusNotification.method, status).catch(() => undefined);
  };
  const glossaries = new GlossaryStore((loaded) => sendStatus(loaded.status), (level, m) => log[level](m));

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = readCapabilities(params.capabilities);
    if (params.workspaceFolders) folders.set(params.workspaceFolders.map((f) => f.uri));
    else if (params.rootUri) folders.set([params.rootUri]);
    const settings = new SettingsStore(connection, capabilities.configuration, params.initializationOptions, (m) => log.warn(m));
    ctx = new ServerContext(connection, capabilities, documents, settings, glossaries, folders, log);
    diagnostics = new DiagnosticsPublisher(ctx);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
      },
      serverInfo: { name: 'kpo-language-server', version: packageVersion() },
    };
    if (capabilities.pullDiagnostics) {
      result.capabilities.diagnosticProvider = { identifier: SOURCE, interFileDependencies: false, workspaceDiagnostics: false };
    }
    if (capabilities.workspaceFolders) {
      result.capabilities.workspace = { workspaceFolders: { supported: true, changeNotifications: true } };
    }
    return result;
  });

  connection.onInitialized(async () => {
    initialized = true;
    if (pendingStatus) sendStatus(pendingStatus);
    if (!ctx) return;
    const { capabilities } = ctx;
    if (capabilities.configurationRegistration) {
      connection.client.register(DidChangeConfigurationNotification.type, { section: SECTION }).catch(() => undefined);
    }
    if (capabilities.watchedFilesRegistration) {
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,json}' }] }).catch(() => undefined);
    }
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.remove(event.removed.map((f) => f.uri));
        folders.add(event.added.map((f) => f.uri));
        reload('workspace folders changed');
      });
    }
    await loadWorkspaceGlossary();
  });

  /** Loads the glossary the workspace settings name (which reports its status). */
  async function loadWorkspaceGlossary(): Promise<void> {
    if (!ctx) return;
    try {
      ctx.glossaryFor(await ctx.settings.get(undefined), undefined);
    } catch (error) {
      log.error(`Loading the glossary failed: ${(error as Error)?.stack ?? error}`);
    }
  }

  /** Settings or glossary files changed: read the glossaries again and recompute every document. */
  function reload(why: string): void {
    log.info(`Reloading: ${why}.`);
    glossaries.invalidate();
    void loadWorkspaceGlossary().then(() => diagnostics?.refreshAll());
  }

  connection.onDidChangeConfiguration((params) => {
    ctx?.settings.changed(params?.settings);
    reload('settings changed');
  });

  connection.onDidChangeWatchedFiles((params) => {
    const touched = params.changes.some((change) => {
      const file = uriToPath(change.uri);
      return file !== undefined && glossaries.uses(file);
    });
    if (touched) reload('a glossary file changed');
  });

  documents.documents.onDidOpen((event) => diagnostics?.changed(event.document.uri));
  documents.documents.onDidChangeContent((event) => diagnostics?.changed(event.document.uri));
  documents.documents.onDidClose((event) => {
    ctx?.settings.forget(event.document.uri);
    diagnostics?.closed(event.document.uri);
  });

  connection.onHover(guarded(log, 'Hover', null, (params) => (ctx ? hover(ctx, params) : null)));
  connection.onCompletion(guarded(log, 'Completion', null, (params) => (ctx ? completion(ctx, params) : null)));
  connection.onCodeAction(guarded(log, 'Code actions', [], (params) => (ctx ? codeActions(ctx, params) : [])));
  connection.languages.diagnostics.on(
    guarded(log, 'Diagnostics', { kind: 'full', items: [] } as const, (params) => (diagnostics ? diagnostics.report(params) : { kind: 'full' as const, items: [] })),
  );
  registerRequests(connection, () => ctx, log);
  connection.onShutdown(() => diagnostics?.dispose());

  documents.documents.listen(connection);
  connection.listen();
}
