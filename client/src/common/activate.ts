// The VS Code client, the same on the desktop and in VS Code for the Web: starts the language server
// for Markdown documents, shows the glossary's state in a language status item, and contributes the
// commands. All checking happens in the server; this package stays thin. What differs by platform comes
// in a ClientPlatform from the entry: how the server runs (a Node process, ../extension.ts; a web
// worker, ../web/extension.ts), how files are named, and which glossary files the client must hand
// to the server or watch for it.

import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  RevealOutputChannelOn,
  State,
  type BaseLanguageClient as LanguageClient,
  type CloseHandlerResult,
  type ErrorHandler,
  type LanguageClientOptions,
} from 'vscode-languageclient';
import {
  ADD_ALIAS_COMMAND,
  ADD_TO_GLOSSARY_COMMAND,
  DIAGNOSTIC_SOURCE,
  DocumentGlossaryStatusRequest,
  GlossaryStatusNotification,
  INSERT_APPENDIX_COMMAND,
  SHOW_ENTRY_COMMAND,
  WorkspaceTrustNotification,
  type AddAliasArgs,
  type AddToGlossaryArgs,
  type GlossaryStatus,
  type InitializationOptions,
  type ShowEntryArgs,
} from '../../../server/src/shared/protocol';
import { GLOSSARY_FILE_PATTERN } from '../../../server/src/shared/glossary-files';
import { DEFAULT_SETTINGS, SECTION } from '../../../server/src/shared/settings';
import { BUILTIN_SCHEME, BuiltinGlossary } from './builtin';
import { Commands, ReadOnlyDocuments, SCHEME } from './commands';
import type { FileNames } from './files';
import { GlossaryGrower } from './grow';
import { StatusItem, type StatusView } from './status';
import { TraceChannel } from './trace';

/** What differs between the desktop and VS Code for the Web. */
export interface ClientPlatform {
  names: FileNames;
  /** The built-in glossary file inside the extension (its read-only view reads it). */
  builtinSource: vscode.Uri;
  /** The URI schemes of the documents checked (with their language, or a glossary file's name). */
  schemes(): string[];
  /** A language client for these options: the server in a Node process, or in a web worker. */
  createClient(options: LanguageClientOptions): LanguageClient;
  /** The glossary files the client hands to the server or watches for it. */
  files: GlossaryFileSync;
  /** Rejects when the server fails before it answers (a web worker's error): start-up gives up then. */
  startFailure?(): Promise<never>;
  /** Makes the MCP server known to VS Code where it can start it (the desktop, VS Code 1.101+): the definition given, if registered. */
  registerMcp?(context: vscode.ExtensionContext): (() => unknown) | undefined;
}

/** The glossary files the client looks after for the server (which of them, and how, depends on the platform). */
export interface GlossaryFileSync extends vscode.Disposable {
  /** The files looked after now (for the tests). */
  readonly files: string[];
  /** Finds them again: settings, workspace folders or trust changed. */
  update(): void;
  /** Done before the server starts (the web reads every glossary file); what `initialize` carries of them. */
  prepare?(): Promise<void>;
  initializationOptions?(): Partial<InitializationOptions>;
}

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
  /** Fires when one of the extension's input boxes opens (the definition of a new entry). */
  onDidShowInputBox: vscode.Event<vscode.InputBox>;
  /** The document selector in use: `kpoGlossary.languages`, and glossary files. */
  documentSelector(): Filter[];
  /** The read-only URI the built-in glossary opens with. */
  builtinGlossaryUri(): vscode.Uri;
  /** The glossary files the client looks after for the server (desktop: settings files outside the workspace; web: every one it hands over). */
  watchedFiles(): string[];
  /** Lines written to the trace channel so far. */
  traceLines(): number;
  /** Fires with each confirmation shown to the writer (a term or alias added, the server restarted). */
  onDidConfirm: vscode.Event<string>;
  /** The MCP server definition given to VS Code (client/src/mcp.ts), or undefined where none was registered. */
  mcpServerDefinition(): unknown;
}

/** A document filter both VS Code and the language client accept. */
type Filter = { language?: string; scheme: string; pattern?: string };

let client: LanguageClient | undefined;

export async function activateClient(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<KpoGlossaryApi> {
  const activated = performance.now();
  const output = vscode.window.createOutputChannel('KPO Glossary', { log: true });
  const trace = new TraceChannel();
  const { names } = platform;
  let prose = proseSelector(platform.schemes());
  let selector = withGlossaryFiles(prose, platform.schemes());
  const status = new StatusItem(selector, names);
  const documents = new ReadOnlyDocuments();
  const builtin = new BuiltinGlossary(platform.builtinSource, names);
  const served = (document: vscode.TextDocument) => vscode.languages.match(prose, document) > 0;
  const commands = new Commands(() => client, served, documents, names, (uri) => builtin.map(uri));
  const confirmed = new vscode.EventEmitter<string>();
  const grower = new GlossaryGrower(() => client, (items, o) => commands.pick(items, o), names, (message, file) => {
    confirmed.fire(message);
    void vscode.window.showInformationMessage(message, 'Open').then((choice) => {
      if (choice) void vscode.window.showTextDocument(file);
    });
  });
  const watcher = platform.files;
  context.subscriptions.push(output, trace, status, documents, commands, grower, watcher, builtin, confirmed);
  context.subscriptions.push(vscode.workspace.registerTextDocumentContentProvider(SCHEME, documents));
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider(BUILTIN_SCHEME, builtin, { isReadonly: true, isCaseSensitive: true }));

  // The status item shows the glossary of the active document (documents in different folders may use
  // different workspace glossaries); the Problems view the problems of every glossary file not open.
  const glossaryFileOpen = (file: string) =>
    vscode.workspace.textDocuments.some((d) => {
      const open = names.fileOf(d.uri);
      return open !== undefined && names.same(open, file) && vscode.languages.match(selector, d) > 0 && !served(d);
    });
  let statusRequest = 0;
  let statusTimer: ReturnType<typeof setTimeout> | undefined;
  const refreshStatus = () => {
    if (statusTimer) clearTimeout(statusTimer);
    statusTimer = setTimeout(async () => {
      statusTimer = undefined;
      const running = client;
      if (!running?.isRunning()) return;
      const mine = ++statusRequest;
      const editor = vscode.window.activeTextEditor;
      const uri = editor && vscode.languages.match(selector, editor.document) > 0 ? running.code2ProtocolConverter.asUri(editor.document.uri) : undefined;
      const params: DocumentGlossaryStatusRequest.Params = uri ? { uri } : {};
      const result = await running.sendRequest<GlossaryStatus | null>(DocumentGlossaryStatusRequest.method, params).catch(() => null);
      if (result && mine === statusRequest) status.setGlossary(result);
    }, 20);
  };
  const onGlossaryLoaded = (loaded: GlossaryStatus) => {
    status.noteLoaded(loaded, glossaryFileOpen);
    refreshStatus();
  };

  /** Stops and starts the server on purpose (the command, or a change of languages). */
  const restart = async (by: 'command' | 'settings' = 'settings') => {
    status.reset();
    if (!client) return;
    let ok = true;
    const failed = (e: unknown) => {
      ok = false;
      serverFailed(e);
    };
    if (client.state === State.Stopped || client.state === State.Starting) await client.start().catch(failed);
    else {
      await client.stop().catch(() => undefined);
      await client.start().catch(failed);
    }
    if (ok && by === 'command') {
      const message = 'KPO Glossary: the server restarted.';
      confirmed.fire(message);
      vscode.window.setStatusBarMessage(`$(check) ${message}`, 4000);
    }
  };
  const serverFailed = (error: unknown) => {
    output.error(`The server failed to start: ${(error as Error)?.message ?? error}`);
    status.stopped(`The server failed to start: ${(error as Error)?.message ?? error}.`);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('kpoGlossary.restartServer', () => restart('command')),
    vscode.commands.registerCommand('kpoGlossary.showGlossary', () => commands.showGlossary()),
    vscode.commands.registerCommand('kpoGlossary.searchFaq', () => commands.searchFaq()),
    vscode.commands.registerCommand('kpoGlossary.openBuiltinGlossary', async () => {
      // It lives inside the extension, where edits would be lost on the next update: a read-only copy.
      await vscode.window.showTextDocument(builtin.uri, { preview: true });
    }),
    vscode.commands.registerCommand(ADD_TO_GLOSSARY_COMMAND, (args?: AddToGlossaryArgs) => grower.addToGlossary(args)),
    vscode.commands.registerCommand(ADD_ALIAS_COMMAND, (args?: AddAliasArgs) => grower.addAlias(args)),
    vscode.commands.registerCommand(INSERT_APPENDIX_COMMAND, () => grower.insertAppendix()),
    vscode.commands.registerCommand(SHOW_ENTRY_COMMAND, async (args?: ShowEntryArgs) => {
      if (args?.source) await commands.openSource(args.source);
    }),
    vscode.window.onDidChangeActiveTextEditor(() => refreshStatus()),
    vscode.workspace.onDidOpenTextDocument(() => status.showProblems(glossaryFileOpen)),
    vscode.workspace.onDidCloseTextDocument(() => status.showProblems(glossaryFileOpen)),
    { dispose: () => statusTimer && clearTimeout(statusTimer) },
    vscode.commands.registerCommand('kpoGlossary.showOutput', () => output.show()),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration(`${SECTION}.trace.server`)) trace.configurationChanged();
      if (event.affectsConfiguration(`${SECTION}.glossaryFiles`)) watcher.update();
      if (event.affectsConfiguration(`${SECTION}.languages`) && client) {
        prose = proseSelector(platform.schemes());
        selector = withGlossaryFiles(prose, platform.schemes());
        status.selector = selector;
        client.clientOptions.documentSelector = selector;
        await restart();
      }
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => watcher.update()),
    // Restricted Mode hides the workspace's glossaryFiles setting; once trusted, the server reads it.
    // Trusted now: the server reads glossary files outside the workspace folders too.
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      watcher.update();
      if (!client?.isRunning()) return;
      const trust: WorkspaceTrustNotification.Params = { trusted: true };
      void client.sendNotification(WorkspaceTrustNotification.method, trust).catch(() => undefined);
      void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
    }),
  );

  const mcp = platform.registerMcp?.(context);
  client = createClient(platform, output, trace, selector, status, onGlossaryLoaded, builtin);
  context.subscriptions.push({ dispose: () => void client?.stop().catch(() => undefined) });
  // Start-up, for the log (and the start-up benchmark, which reads it): server ready, first findings.
  const since = () => `${Math.round(performance.now() - activated)} ms after activation`;
  const firstFindings = vscode.languages.onDidChangeDiagnostics((event) => {
    if (!event.uris.some((uri) => vscode.languages.getDiagnostics(uri).some((d) => d.source === DIAGNOSTIC_SOURCE))) return;
    output.info(`First findings shown ${since()}.`);
    firstFindings.dispose();
  });
  context.subscriptions.push(firstFindings);
  try {
    await platform.files.prepare?.();
    // A web worker that fails to load or throws at once would leave start() waiting for its answer.
    await Promise.race([client.start(), ...(platform.startFailure ? [platform.startFailure()] : [])]);
    output.info(`Server ready ${since()}.`);
  } catch (error) {
    serverFailed(error);
    void client.stop().catch(() => undefined);
  }

  return {
    client: () => client,
    glossaryStatus: () => status.glossaryStatus,
    status: () => status.view(),
    onDidChangeStatus: status.onDidChange,
    onDidShowQuickPick: commands.onDidShowQuickPick,
    onDidShowInputBox: grower.onDidShowInputBox,
    documentSelector: () => selector,
    builtinGlossaryUri: () => builtin.uri,
    watchedFiles: () => watcher.files,
    traceLines: () => trace.lines,
    onDidConfirm: confirmed.event,
    mcpServerDefinition: () => mcp?.(),
  };
}

export async function deactivateClient(): Promise<void> {
  await client?.stop().catch(() => undefined);
  client = undefined;
}

/** Markdown (or the configured languages) in files (of the platform's schemes) and untitled documents. */
function proseSelector(schemes: string[]): Filter[] {
  const languages = vscode.workspace.getConfiguration(SECTION).get<string[]>('languages') ?? DEFAULT_SETTINGS.languages;
  return languages.flatMap((language) => [...schemes, 'untitled'].map((scheme) => ({ language, scheme })));
}

/** The prose documents and the glossary files (.kpo-glossary.yaml, *.glossary.yaml, .yml, .json). */
function withGlossaryFiles(prose: Filter[], schemes: string[]): Filter[] {
  return [...prose, ...schemes.map((scheme) => ({ scheme, pattern: GLOSSARY_FILE_PATTERN }))];
}

function createClient(
  platform: ClientPlatform,
  output: vscode.LogOutputChannel,
  trace: TraceChannel,
  selector: Filter[],
  status: StatusItem,
  onGlossaryLoaded: (status: GlossaryStatus) => void,
  builtin: BuiltinGlossary,
): LanguageClient {
  // The client's default budget (restart after a crash, up to 4 times in 3 minutes), with the status
  // item told about each crash and about giving up.
  let defaults: ErrorHandler | undefined;
  const errorHandler: ErrorHandler = {
    error: (error, message, count) => defaults!.error(error, message, count),
    closed: async (): Promise<CloseHandlerResult> => {
      const result = await defaults!.closed();
      if (result.action === CloseAction.Restart) status.restarting();
      else {
        const reason = `The server stopped ${status.crashes + 1} times in a few minutes and is not restarted. Restart it with "KPO Glossary: Restart Server".`;
        output.error(reason);
        status.stopped(reason);
      }
      return result;
    },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: selector,
    outputChannel: output,
    traceOutputChannel: trace,
    // The log holds events; problems are in the Problems view and the status: never pop the panel open.
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    errorHandler,
    // The hover's "whole entry" link runs this one command; glossary text itself is escaped and has no links.
    markdown: { isTrusted: { enabledCommands: [SHOW_ENTRY_COMMAND] } },
    // Settings changes and glossary files in the workspace reach the server through its own
    // registrations (didChangeConfiguration for "kpoGlossary", watched *.yaml/*.yml/*.json).
    initializationOptions: () => {
      const options: InitializationOptions = { workspaceTrusted: vscode.workspace.isTrusted, glossaryCommands: true, ...platform.files.initializationOptions?.() };
      return options;
    },
    middleware: {
      // Locations in the built-in glossary open read-only.
      provideDefinition: async (document, position, token, next) => builtin.mapDefinition(await next(document, position, token)),
    },
  };
  const languageClient = platform.createClient(clientOptions);
  defaults = languageClient.createDefaultErrorHandler();
  languageClient.onNotification(GlossaryStatusNotification.method, (params: GlossaryStatus) => onGlossaryLoaded(params));
  languageClient.onDidChangeState((event) => {
    if (event.newState === State.Starting) status.starting();
    if (event.newState === State.Running) status.running();
  });
  return languageClient;
}
