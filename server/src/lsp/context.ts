// What every handler needs, in one place: the client's capabilities, the log, and `resolve(uri)`, the
// one way every handler starts (find the document; a glossary file, or a prose document with its
// settings, the glossary those settings name and the cached analysis of its current version).

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, Engine, Finding } from '../core';
import type { Settings } from '../shared/settings';
import { escapeControls } from '../shared/text';
import type { DocumentStore } from './documents';
import type { EngineStore, LoadedGlossary } from './engine-store';
import type { GlossarySources } from './glossary-sources';
import type { ServerHost } from './host';
import type { SettingsStore } from './settings';
import type { WorkspaceFolders } from './workspace-folders';

export interface Capabilities {
  configuration: boolean;
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  documentChanges: boolean;
  watchedFilesRegistration: boolean;
  configurationRegistration: boolean;
  workspaceFolders: boolean;
  hoverMarkdown: boolean;
  completionMarkdown: boolean;
  labelDetails: boolean;
  /** The client resolves code actions' edits (codeAction/resolve) and keeps their data. */
  codeActionResolve: boolean;
}

export function readCapabilities(caps: ClientCapabilities): Capabilities {
  const hoverFormats = caps.textDocument?.hover?.contentFormat;
  const docFormats = caps.textDocument?.completion?.completionItem?.documentationFormat;
  return {
    configuration: caps.workspace?.configuration === true,
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
    watchedFilesRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    configurationRegistration: caps.workspace?.didChangeConfiguration?.dynamicRegistration === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    hoverMarkdown: hoverFormats === undefined || hoverFormats.includes('markdown'),
    completionMarkdown: docFormats === undefined || docFormats.includes('markdown'),
    labelDetails: caps.textDocument?.completion?.completionItem?.labelDetailsSupport === true,
    codeActionResolve: caps.textDocument?.codeAction?.dataSupport === true && caps.textDocument.codeAction.resolveSupport?.properties?.includes('edit') === true,
  };
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A document's identity and version as a snapshot took them (the open TextDocument changes in place). */
export interface DocumentVersion {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
}

/**
 * A prose document in one version, with everything the engine knows about it: its text
 * (`analysis.text`), analysis and findings. The rule: use a snapshot without awaiting in between. Once
 * the document changes, the next snapshot's analysis is made by Engine.update, which consumes this one;
 * so the findings are a value of the snapshot, computed for its own analysis the first time they are
 * asked for (and then kept), and asking for them after the document has moved on throws instead of
 * answering for another version.
 */
export interface Snapshot {
  kind: 'prose';
  document: DocumentVersion;
  settings: Settings;
  glossary: LoadedGlossary;
  engine: Engine;
  analysis: DocumentAnalysis;
  /** The findings under the document's rule settings (the same array on every call). */
  findings(): Finding[];
}

/** A glossary file open in the editor in one version, with the glossary it is part of. */
export interface GlossaryFileSnapshot {
  kind: 'glossary-file';
  /** A copy of the document in this version. */
  document: TextDocument;
  file: string;
  settings: Settings;
  /** The glossary of the file's folder (the file is one of its files). */
  glossary: LoadedGlossary;
}

/** What is open at a URI, as every handler sees it. */
export type Resolved = Snapshot | GlossaryFileSnapshot;

export class ServerContext {
  constructor(
    readonly connection: Connection,
    /** The platform: files, folders, the package (host.ts). */
    readonly host: ServerHost,
    readonly capabilities: Capabilities,
    readonly documents: DocumentStore,
    readonly settings: SettingsStore,
    readonly glossaries: EngineStore,
    readonly folders: WorkspaceFolders,
    readonly workspace: GlossarySources,
    readonly log: Logger,
    /** The client runs the glossary commands (the VS Code client says so in initializationOptions). */
    readonly glossaryCommands = false,
  ) {}

  /**
   * The one way from a URI to what the handlers work on: the glossary file open there, or the served
   * prose document there in its current version; undefined when it is not open, not a file or untitled
   * document, not in one of the configured languages, or too large.
   */
  async resolve(uri: string): Promise<Resolved | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settings.get(uri);
    // The document may have changed while the settings were asked for: use its version now.
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const file = this.documents.fileOf(uri);
    if (file !== undefined && this.glossaries.isGlossaryFile(file)) {
      const copy = TextDocument.create(uri, document.languageId, document.version, document.getText());
      return { kind: 'glossary-file', document: copy, file, settings, glossary: this.glossaryFor(settings, file) };
    }
    if (!this.documents.isServed(document, settings) || this.tooLarge(document, settings)) return undefined;
    const glossary = this.glossaryFor(settings, file);
    const { engine } = glossary;
    const analysis = this.documents.analysis(document, engine);
    const version: DocumentVersion = { uri, languageId: document.languageId, version: document.version };
    let findings: Finding[] | undefined;
    return {
      kind: 'prose',
      document: version,
      settings,
      glossary,
      engine,
      analysis,
      findings: () => (findings ??= this.documents.findings(uri, analysis, engine, settings)),
    };
  }

  /** The served prose document at `uri` (see `resolve`), for the handlers that serve nothing else. */
  async snapshot(uri: string): Promise<Snapshot | undefined> {
    const resolved = await this.resolve(uri);
    return resolved?.kind === 'prose' ? resolved : undefined;
  }

  /** The glossary a document uses (open or not), or the workspace's when `uri` is undefined. */
  async glossaryAt(uri: string | undefined): Promise<LoadedGlossary> {
    const settings = await this.settings.get(uri);
    return this.glossaryFor(settings, uri === undefined ? undefined : this.host.uriToFile(uri));
  }

  private glossaryFor(settings: Settings, file: string | undefined): LoadedGlossary {
    return this.glossaries.get(this.workspace.filesFor(settings, file));
  }

  /**
   * Whether a document is over the size limit (kpoGlossary.maxDocumentSizeMB). Such a document is not
   * analysed, its analysis is dropped, and the writer is told once, until it is back under the limit.
   */
  private tooLarge(document: TextDocument, settings: Settings): boolean {
    const size = document.getText().length;
    const limit = settings.maxDocumentSizeMB * 1024 * 1024;
    if (size <= limit) {
      this.oversized.delete(document.uri);
      return false;
    }
    this.documents.forget(document.uri);
    if (!this.oversized.has(document.uri)) {
      this.oversized.add(document.uri);
      const name = escapeControls(safeDecode(document.uri.replace(/^.*\//, '')));
      const message = `KPO Glossary does not check ${name}: it is ${(size / 1048576).toFixed(1)} MB, above the limit of ${settings.maxDocumentSizeMB} MB (setting kpoGlossary.maxDocumentSizeMB).`;
      this.log.info(message);
      // A notification, not a request: clients without showMessageRequest support must not fail it.
      this.connection.sendNotification('window/showMessage', { type: 3, message }).catch(() => undefined);
    }
    return true;
  }

  private readonly oversized = new Set<string>();
}

/**
 * Wraps a handler so that a failure is logged and answered with `fallback` instead of reaching the
 * connection (where it would become an error response) or crashing the server.
 */
export function guarded<P, R, T extends unknown[]>(log: Logger, name: string, fallback: R, handler: (params: P, ...rest: T) => R | Promise<R>) {
  return async (params: P, ...rest: T): Promise<R> => {
    try {
      return await handler(params, ...rest);
    } catch (error) {
      log.error(`${name} failed: ${(error as Error)?.stack ?? String(error)}`);
      return fallback;
    }
  };
}

/** A URI component decoded, or as it is when its %-escapes are broken. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
