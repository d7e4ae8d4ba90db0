// Wires a connection to the stores and handlers: capabilities in `initialize`, the settings and glossary
// life cycle, and one guarded handler per request. The handlers themselves live in their own modules.

import * as path from 'path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { isGlossaryFileName } from '../node/discover';
import { packageVersion } from '../node/files';
import { GlossaryStatusNotification, WorkspaceTrustNotification, type GlossaryStatus, type InitializationOptions } from '../shared/protocol';
import { SECTION } from '../shared/settings';
import { CODE_ACTION_KINDS, codeActions, resolveCodeAction } from './code-actions';
import { completion } from './completion';
import { ServerContext, guarded, readCapabilities, type Logger } from './context';
import { SOURCE } from './convert';
import { definition } from './definition';
import { DiagnosticsPublisher } from './diagnostics';
import { DocumentStore } from './documents';
import { GlossaryStore } from './glossary';
import { hover } from './hover';
import { registerRequests } from './requests';
import { WorkspaceFolders, uriToPath } from './paths';
import { SettingsStore } from './settings';
import { FolderWatcher, WorkspaceGlossaries } from './workspace-glossaries';

/** How long edits to a glossary file in the editor settle before every document is checked again. */
const EDIT_SETTLE_MS = 150;

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
  const glossaries = new GlossaryStore(
    (loaded) => {
      sendStatus(loaded.status);
      scheduleWatchUpdate();
    },
    (level, m) => log[level](m),
  );
  const workspace = new WorkspaceGlossaries(folders, glossaries);
  /** fs.watch on the glossary folders, for clients that send no watched-file events. */
  let folderWatcher: FolderWatcher | undefined;
  let refreshTimer: NodeJS.Timeout | undefined;
  let watchTimer: NodeJS.Timeout | undefined;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = readCapabilities(params.capabilities);
    if (params.workspaceFolders) folders.set(params.workspaceFolders.map((f) => f.uri));
    else if (params.rootUri) folders.set([params.rootUri]);
    const init = (typeof params.initializationOptions === 'object' && params.initializationOptions !== null ? params.initializationOptions : {}) as InitializationOptions;
    workspace.trusted = init.workspaceTrusted !== false;
    if (!workspace.trusted) log.info('The workspace is not trusted: glossary files outside the workspace folders are not read.');
    const settings = new SettingsStore(connection, capabilities.configuration, params.initializationOptions, (m) => log.warn(m));
    ctx = new ServerContext(connection, capabilities, documents, settings, glossaries, folders, workspace, log, init.glossaryCommands === true);
    diagnostics = new DiagnosticsPublisher(ctx);
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        definitionProvider: true,
        completionProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: true },
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
      // Glossary files of any name may be named in the settings; dot files are spelled out for clients
      // whose `*` skips them.
      const watchers = [{ globPattern: '**/*.{yaml,yml,json}' }, { globPattern: '**/.kpo-glossary.{yaml,yml,json}' }];
      connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined);
    } else {
      folderWatcher = new FolderWatcher(
        (file) => isGlossaryFileName(path.basename(file)) || glossaries.uses(file),
        (files) => filesChanged(files.map((file) => ({ file, type: undefined }))),
      );
      log.info('The client does not watch files: glossary folders are watched by the server.');
    }
    if (capabilities.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        folders.remove(event.removed.map((f) => f.uri));
        folders.add(event.added.map((f) => f.uri));
        workspace.forget();
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

  /** Settings, folders or trust changed: read every glossary again and recompute every document. */
  function reload(why: string): void {
    glossaries.invalidate();
    refresh(why);
  }

  /** Some glossaries were dropped: load the workspace's again (which reports its status), recheck documents. */
  function refresh(why: string, quiet = false): void {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = undefined;
    // Typing in a glossary file reloads after each pause: not an event worth a line of the log.
    if (!quiet) log.info(`Reloading: ${why}.`);
    void loadWorkspaceGlossary().then(() => diagnostics?.refreshAll());
  }

  /** Glossary files changed on disk: created, deleted (which changes what is discovered) or saved. */
  function filesChanged(changes: Array<{ file: string; type: FileChangeType | undefined }>): void {
    let discovery = false;
    let touched = false;
    for (const { file, type } of changes) {
      const named = isGlossaryFileName(path.basename(file));
      if (named && type !== FileChangeType.Changed) discovery = true;
      if (named || glossaries.uses(file)) touched = true;
    }
    if (!touched) return;
    if (discovery) {
      workspace.forget();
      glossaries.invalidate();
    } else {
      for (const { file } of changes) glossaries.invalidateFile(file);
    }
    refresh(discovery ? 'glossary files were created or deleted' : 'a glossary file changed');
  }

  /** A glossary file's text in the editor changed (opened, edited, closed): use it once edits settle. */
  function glossaryEdited(file: string, text: string | undefined): void {
    if (!glossaries.setOverlay(file, text)) return;
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => refresh('a glossary file was edited', true), EDIT_SETTLE_MS);
  }

  /** Points the fs.watch fallback at the folders searched and the folders of the files in use. */
  function scheduleWatchUpdate(): void {
    if (!folderWatcher || watchTimer) return;
    watchTimer = setTimeout(() => {
      watchTimer = undefined;
      folderWatcher?.watch([...workspace.searchedFolders(), ...glossaries.files().map((f) => path.dirname(f))]);
    }, 50);
  }

  connection.onDidChangeConfiguration((params) => {
    ctx?.settings.changed(params?.settings);
    reload('settings changed');
  });

  connection.onDidChangeWatchedFiles((params) => {
    const changes = params.changes.map((c) => ({ file: uriToPath(c.uri), type: c.type })).filter((c): c is { file: string; type: FileChangeType } => c.file !== undefined);
    filesChanged(changes);
  });

  connection.onNotification(WorkspaceTrustNotification.method, (params: WorkspaceTrustNotification.Params) => {
    const trusted = params?.trusted !== false;
    if (trusted === workspace.trusted) return;
    workspace.trusted = trusted;
    workspace.forget();
    reload(trusted ? 'the workspace is trusted now' : 'the workspace is no longer trusted');
  });

  const glossaryFileOf = (uri: string): string | undefined => {
    const document = documents.get(uri);
    return document && ctx?.isGlossaryDocument(document) ? uriToPath(uri) : undefined;
  };
  documents.documents.onDidOpen((event) => {
    const file = glossaryFileOf(event.document.uri);
    if (file) glossaryEdited(file, event.document.getText());
    diagnostics?.changed(event.document.uri);
  });
  documents.documents.onDidChangeContent((event) => {
    const file = glossaryFileOf(event.document.uri);
    if (file) glossaryEdited(file, event.document.getText());
    diagnostics?.changed(event.document.uri);
  });
  documents.documents.onDidClose((event) => {
    const file = ctx?.isGlossaryDocument(event.document) ? uriToPath(event.document.uri) : undefined;
    if (file) glossaryEdited(file, undefined);
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
    folderWatcher?.dispose();
    if (refreshTimer) clearTimeout(refreshTimer);
    if (watchTimer) clearTimeout(watchTimer);
  });

  documents.documents.listen(connection);
  connection.listen();
}
