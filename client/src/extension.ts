// The VS Code client: starts the bundled language server (dist/server.js, over IPC) for Markdown files
// and untitled documents, shows the glossary's state in a language status item, and contributes the
// commands. All checking happens in the server; this package stays thin.

import * as path from 'path';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { GlossaryStatusNotification, type GlossaryStatus } from '../../server/src/shared/protocol';
import { DEFAULT_SETTINGS, SECTION } from '../../server/src/shared/settings';
import { Commands, ReadOnlyDocuments, SCHEME } from './commands';
import { StatusItem, type StatusView } from './status';
import { TraceChannel } from './trace';
import { GlossaryFileWatcher } from './watch';

/** What `activate` returns: used by the extension's tests, and by anyone who wants to build on it. */
export interface KpoGlossaryApi {
  /** The running language client. */
  client(): LanguageClient | undefined;
  /** The last glossary status the server sent. */
  glossaryStatus(): GlossaryStatus | undefined;
  /** What the language status item shows now, and when it changes. */
  status(): StatusView;
  onDidChangeStatus: vscode.Event<StatusView>;
  /** Fires when one of the extension's quick picks opens. */
  onDidShowQuickPick: vscode.Event<vscode.QuickPick<vscode.QuickPickItem>>;
  /** The document selector in use (from `kpoGlossary.languages`). */
  documentSelector(): Filter[];
  /** Glossary files outside the workspace that the client watches for the server. */
  watchedFiles(): string[];
  /** Lines written to the trace channel so far. */
  traceLines(): number;
}

/** A document filter both VS Code and the language client accept. */
type Filter = { language: string; scheme: string };

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<KpoGlossaryApi> {
  const output = vscode.window.createOutputChannel('KPO Glossary', { log: true });
  const trace = new TraceChannel();
  let selector = documentSelector();
  const status = new StatusItem(selector, context.asAbsolutePath(path.join('glossary', 'kpo.glossary.yaml')));
  const documents = new ReadOnlyDocuments();
  const served = (document: vscode.TextDocument) => vscode.languages.match(selector, document) > 0;
  const commands = new Commands(() => client, served, documents);
  const watcher = new GlossaryFileWatcher(() => client);
  context.subscriptions.push(output, trace, status, documents, commands, watcher);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));

  /** Stops and starts the server on purpose (the command, or a change of languages). */
  const restart = async () => {
    status.reset();
    if (!client) return;
    if (client.state === State.Stopped || client.state === State.Starting) await client.start().catch((e) => serverFailed(e));
    else await client.restart().catch((e) => serverFailed(e));
  };
  const serverFailed = (error: unknown) => {
    output.error(`The server failed to start: ${(error as Error)?.message ?? error}`);
    status.stopped(`The server failed to start: ${(error as Error)?.message ?? error}. See the output.`);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('kpoGlossary.restartServer', restart),
    vscode.commands.registerCommand('kpoGlossary.showGlossary', () => commands.showGlossary()),
    vscode.commands.registerCommand('kpoGlossary.searchFaq', () => commands.searchFaq()),
    vscode.commands.registerCommand('kpoGlossary.openBuiltinGlossary', async () => {
      const uri = vscode.Uri.file(context.asAbsolutePath(path.join('glossary', 'kpo.glossary.yaml')));
      await vscode.window.showTextDocument(uri, { preview: true });
      // It lives inside the extension: edits would be lost on the next update.
      await vscode.commands.executeCommand('workbench.action.files.setActiveEditorReadonlyInSession');
    }),
    vscode.commands.registerCommand('kpoGlossary.showOutput', () => output.show()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(`${SECTION}.trace.server`)) trace.configurationChanged();
      if (event.affectsConfiguration(`${SECTION}.glossaryFiles`)) watcher.update();
      if (event.affectsConfiguration(`${SECTION}.languages`) && client) {
        selector = documentSelector();
        status.selector = selector;
        client.clientOptions.documentSelector = selector;
        await restart();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => watcher.update()),
    // Restricted Mode hides the workspace's glossaryFiles setting; once trusted, the server reads it.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      watcher.update();
      if (client?.isRunning()) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
    }),
  );

  client = createClient(context, output, trace, selector, status);
  context.subscriptions.push({ dispose: () => void client?.stop().catch(() => undefined) });
  try {
    await client.start();
  } catch (error) {
    serverFailed(error);
  }

  return {
    client: () => client,
    glossaryStatus: () => status.glossaryStatus,
    status: () => status.view(),
    onDidChangeStatus: status.onDidChange,
    onDidShowQuickPick: commands.onDidShowQuickPick,
    documentSelector: () => selector,
    watchedFiles: () => watcher.files,
    traceLines: () => trace.lines,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}

/** Markdown (or the configured languages) in files and untitled documents. */
function documentSelector(): Filter[] {
  const languages = vscode.workspace.getConfiguration(SECTION).get<string[]>('languages') ?? DEFAULT_SETTINGS.languages;
  return languages.flatMap((language) => [
    { language, scheme: 'file' },
    { language, scheme: 'untitled' },
  ]);
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, trace: TraceChannel, selector: Filter[], status: StatusItem): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
  };
  // The client's default budget (restart after a crash, up to 4 times in 3 minutes), with the status
  // item told about each crash and about giving up.
  let defaults: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    error: (error, message, count) => defaults!.error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await defaults!.closed();
      if (result.action === CloseAction.Restart) status.restarting();
      else status.stopped(`The server stopped ${status.crashes + 1} times in a few minutes and is not restarted. Restart it by hand, or see the output.`);
      return result;
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    traceOutputChannel: trace,
    errorHandler,
    // Settings changes and glossary files in the workspace reach the server through its own
    // registrations (didChangeConfiguration for "kpoGlossary", watched *.yaml/*.yml/*.json).
  };
  const languageClient = new LanguageClient('kpoGlossary', 'KPO Glossary', serverOptions, clientOptions);
  defaults = languageClient.createDefaultErrorHandler();
  languageClient.onNotification(GlossaryStatusNotification.method, (params: GlossaryStatus) => status.setGlossary(params));
  languageClient.onDidChangeState((event) => {
    if (event.newState === State.Starting) status.starting();
    if (event.newState === State.Running) status.running();
  });
  return languageClient;
}
