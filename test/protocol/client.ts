// A small LSP client for protocol tests: spawns the bundled server (dist/server.js --stdio), talks to it
// with vscode-languageserver-protocol, answers its requests (workspace/configuration from a settings
// function, registrations, diagnostic refreshes) and records every notification, so tests wait on
// events rather than sleeping.

import { fork, spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  createClientSocketTransport,
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageReader,
  type MessageWriter,
  type ClientCapabilities,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type Hover,
  type InitializeResult,
  type Location,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type Range,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(ROOT, 'dist', 'server.js');
/** The web worker's build (VS Code for the Web), run in a Node process by web-worker-shim.cjs. */
const WEB_SERVER = path.join(ROOT, 'dist', 'web', 'server.js');

let built = false;

/** Bundles the server once per test run (esbuild takes well under a second). */
export function ensureBuilt(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`The build failed:\n${result.stdout}\n${result.stderr}`);
  for (const bundle of [SERVER, WEB_SERVER]) if (!fs.existsSync(bundle)) throw new Error(`The build did not produce ${bundle}.`);
  built = true;
}

export interface ClientOptions {
  /** Advertise pull diagnostics (textDocument/diagnostic). Default false: push. */
  pull?: boolean;
  /** Advertise workspace/configuration. Default true. */
  configuration?: boolean;
  /** Advertise documentChanges in workspace edits. Default true. */
  documentChanges?: boolean;
  /** Advertise Markdown hover and completion documentation. Default true. */
  markdown?: boolean;
  /** The settings answered for the kpoGlossary section. */
  settings?: Record<string, unknown> | ((scopeUri: string | undefined) => unknown);
  initializationOptions?: unknown;
  workspaceFolder?: string;
  /**
   * How to talk to the server. Default stdio, as editors do. 'web-worker' runs the web build
   * (dist/web/server.js), which reads no files: glossary files go in `initializationOptions.glossaryFiles`
   * and `kpo/glossaryFiles` notifications, as the browser client sends them.
   */
  transport?: 'stdio' | 'node-ipc' | 'socket' | 'web-worker';
  /** Advertise dynamic registration of watched files. Default true; false is Neovim 0.7's client. */
  watchedFiles?: boolean;
  /** More workspace folders after the first. */
  moreFolders?: string[];
  /** Advertise codeAction/resolve of edits (with data kept), as VS Code and Neovim do. Default false. */
  codeActionResolve?: boolean;
}

interface Received {
  method: string;
  params: any;
}

export class TestClient {
  readonly received: Received[] = [];
  readonly configurationRequests: Array<{ scopeUri?: string; section?: string }> = [];
  refreshRequests = 0;
  stderr = '';
  settings: Record<string, unknown> | ((scopeUri: string | undefined) => unknown);
  initializeResult!: InitializeResult;
  private waiters: Array<() => void> = [];
  private exited = false;

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly options: ClientOptions,
  ) {
    this.settings = options.settings ?? {};
  }

  static async start(options: ClientOptions = {}): Promise<TestClient> {
    ensureBuilt();
    let child: ChildProcess;
    let reader: MessageReader;
    let writer: MessageWriter;
    if (options.transport === 'web-worker') {
      child = fork(path.join(ROOT, 'test', 'protocol', 'web-worker-shim.cjs'), [WEB_SERVER], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      reader = new IPCMessageReader(child);
      writer = new IPCMessageWriter(child);
    } else if (options.transport === 'node-ipc') {
      child = fork(SERVER, ['--node-ipc'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
      reader = new IPCMessageReader(child);
      writer = new IPCMessageWriter(child);
    } else if (options.transport === 'socket') {
      const port = await freePort();
      const transport = await createClientSocketTransport(port);
      child = spawn(process.execPath, [SERVER, `--socket=${port}`], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      [reader, writer] = await transport.onConnected();
    } else {
      child = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      reader = new StreamMessageReader(child.stdout!);
      writer = new StreamMessageWriter(child.stdin!);
    }
    const connection = createProtocolConnection(reader, writer);
    const client = new TestClient(child, connection, options);
    child.stderr!.on('data', (chunk) => (client.stderr += chunk.toString()));
    child.on('exit', () => {
      client.exited = true;
      client.wake();
    });
    // Every notification ends up here: the client registers no handler for any of them.
    connection.onUnhandledNotification((message) => {
      client.received.push({ method: message.method, params: message.params });
      client.wake();
    });
    connection.onRequest('workspace/configuration', (params: { items: Array<{ scopeUri?: string; section?: string }> }) => {
      client.configurationRequests.push(...params.items);
      client.wake();
      return params.items.map((item) => (typeof client.settings === 'function' ? client.settings(item.scopeUri) : client.settings));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      client.refreshRequests++;
      client.wake();
      return null;
    });
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const folder = options.workspaceFolder ?? ROOT;
    client.initializeResult = await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [folder, ...(options.moreFolders ?? [])].map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })),
      capabilities: capabilities(options),
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification('initialized', {});
    return client;
  }

  /** The index of the next notification to arrive; pass it to `waitFor` to skip earlier ones. */
  mark(): number {
    return this.received.length;
  }

  /** Resolves with the first notification from `from` on that satisfies the predicate. */
  async waitFor<T = any>(method: string, predicate: (params: T) => boolean = () => true, from = 0, timeoutMs = 10000): Promise<T> {
    const found = await this.until(() => this.received.slice(from).find((r) => r.method === method && predicate(r.params as T)), timeoutMs, `a ${method} notification`);
    return found.params as T;
  }

  /** Resolves when `check` returns a value other than undefined (checked on every message received). */
  async until<T>(check: () => T | undefined, timeoutMs = 10000, what = 'the condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value !== undefined) return value;
      if (this.exited) throw new Error(`The server exited while waiting for ${what}.\n${this.stderr}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Received: ${this.received.map((r) => r.method).join(', ')}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Asks until `check` holds (for effects that arrive with the next reload), for up to `ms` (10 s). */
  async eventually(check: () => Promise<boolean>, what: string, ms = 10_000): Promise<void> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      if (await check()) return;
      await this.until(() => undefined, 50, what).catch(() => undefined);
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** The latest pushed diagnostics of a document for exactly this version, waiting for them. */
  diagnosticsFor(uri: string, version: number, from = 0): Promise<PublishDiagnosticsParams> {
    return this.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.version === version, from);
  }

  published(uri: string): PublishDiagnosticsParams[] {
    return this.received.filter((r) => r.method === 'textDocument/publishDiagnostics' && r.params.uri === uri).map((r) => r.params);
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  async change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Replaces the settings and tells the server, as an editor does when the user edits them. */
  async configure(settings: Record<string, unknown> | ((scopeUri: string | undefined) => unknown), pushed?: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification('workspace/didChangeConfiguration', { settings: pushed ?? null });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /** The text of the hover at a position ('' when there is none). */
  async hoverText(uri: string, line: number, character: number): Promise<string> {
    const hover = await this.hover(uri, line, character);
    return hover ? (hover.contents as MarkupContent).value : '';
  }

  completion(uri: string, line: number, character: number): Promise<CompletionList | null> {
    return this.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } });
  }

  definition(uri: string, line: number, character: number): Promise<Location[] | null> {
    return this.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line, character } });
  }

  /** Tells the server about files changed on disk (1 created, 2 changed, 3 deleted). */
  async filesChanged(changes: Array<{ file: string; type: 1 | 2 | 3 }>): Promise<void> {
    await this.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map((c) => ({ uri: pathToFileURL(c.file).href, type: c.type })) });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[] | null> {
    return this.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  pullDiagnostics(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, ...(previousResultId ? { previousResultId } : {}) });
  }

  /** Shuts the server down politely, then makes sure the process is gone. */
  async stop(): Promise<void> {
    if (!this.exited) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // The server may already be gone.
      }
      await Promise.race([this.until(() => (this.exited ? true : undefined), 3000).catch(() => undefined)]);
    }
    if (!this.exited) this.process.kill('SIGKILL');
    this.connection.dispose();
  }

  get alive(): boolean {
    return !this.exited;
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}

/** A TCP port that was free a moment ago. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function capabilities(options: ClientOptions): ClientCapabilities {
  const markdown = options.markdown !== false;
  const formats = markdown ? ['markdown', 'plaintext'] : ['plaintext'];
  const caps: ClientCapabilities = {
    workspace: {
      configuration: options.configuration !== false,
      didChangeConfiguration: { dynamicRegistration: true },
      didChangeWatchedFiles: { dynamicRegistration: options.watchedFiles !== false },
      workspaceEdit: { documentChanges: options.documentChanges !== false },
      workspaceFolders: true,
      diagnostics: { refreshSupport: true },
    },
    textDocument: {
      synchronization: { dynamicRegistration: false },
      hover: { contentFormat: formats as any },
      completion: { completionItem: { documentationFormat: formats as any, labelDetailsSupport: true, snippetSupport: false } },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
    },
  };
  if (options.pull) caps.textDocument!.diagnostic = { dynamicRegistration: false, relatedDocumentSupport: false };
  if (options.codeActionResolve) Object.assign(caps.textDocument!.codeAction!, { dataSupport: true, resolveSupport: { properties: ['edit'] } });
  return caps;
}

/** A file: URI in a temporary folder (the file need not exist). */
export function docUri(name: string): string {
  return pathToFileURL(path.join(ROOT, 'out', 'test-docs', name)).href;
}

/** Applies LSP text edits to a text (edits must not overlap, as in a WorkspaceEdit). */
export function applyTextEdits(text: string, edits: Array<{ range: Range; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** The text edits of a workspace edit on one document, whichever form it uses. */
export function editsOf(action: CodeAction, uri: string): Array<{ range: Range; newText: string }> {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.documentChanges) {
    return edit.documentChanges.flatMap((c: any) => (c.textDocument?.uri === uri ? c.edits : []));
  }
  return edit.changes?.[uri] ?? [];
}
