// What every handler needs, in one place: the client's capabilities, the log, and `snapshot(uri)`,
// the four steps every handler starts with (find the document, get its settings, the glossary those
// settings name and the cached analysis of the current version).

import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../core/analysis';
import type { Engine } from '../core/engine';
import type { Finding } from '../core/types';
import type { Settings } from '../shared/settings';
import { isServed, type DocumentStore } from './documents';
import * as path from 'path';
import { isGlossaryFileName } from '../node/discover';
import type { GlossaryStore, LoadedGlossary } from './glossary';
import { SERVED_SCHEMES, schemeOf, uriToPath, type WorkspaceFolders } from './paths';
import type { SettingsStore } from './settings';
import type { WorkspaceGlossaries } from './workspace-glossaries';
import { escapeControls } from '../shared/text';

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

/** A document's current version with everything the engine knows about it. */
export interface Snapshot {
  document: TextDocument;
  settings: Settings;
  glossary: LoadedGlossary;
  engine: Engine;
  analysis: DocumentAnalysis;
  /** The findings under the document's rule settings, computed once per version. */
  findings(): Finding[];
}

/** A glossary file open in the editor, with the glossary it is part of. */
export interface GlossaryFileSnapshot {
  document: TextDocument;
  file: string;
  settings: Settings;
  /** The glossary of the file's folder (the file is one of its files). */
  glossary: LoadedGlossary;
}

export class ServerContext {
  constructor(
    readonly connection: Connection,
    readonly capabilities: Capabilities,
    readonly documents: DocumentStore,
    readonly settings: SettingsStore,
    readonly glossaries: GlossaryStore,
    readonly folders: WorkspaceFolders,
    readonly workspace: WorkspaceGlossaries,
    readonly log: Logger,
    /** The client runs the glossary commands (the VS Code client says so in initializationOptions). */
    readonly glossaryCommands = false,
  ) {}

  /**
   * The served document at `uri` in its current version, or undefined when it is not open, not a file
   * or untitled document, or not in one of the configured languages.
   */
  async snapshot(uri: string): Promise<Snapshot | undefined> {
    if (!this.documents.get(uri)) return undefined;
    const settings = await this.settings.get(uri);
    // The document may have changed while the settings were asked for: use its version now.
    const document = this.documents.get(uri);
    if (!document || !isServed(document, settings)) return undefined;
    if (this.tooLarge(document, settings)) return undefined;
    const glossary = this.glossaryFor(settings, uri);
    const engine = glossary.engine;
    const analysis = this.documents.analysis(document, engine);
    return { document, settings, glossary, engine, analysis, findings: () => this.documents.findings(document, engine, settings) };
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

  glossaryFor(settings: Settings, uri: string | undefined): LoadedGlossary {
    return this.glossaries.get(this.workspace.filesFor(settings, uri));
  }

  /** Whether a document is a glossary file: named like one, or one of the files a glossary uses. */
  isGlossaryDocument(document: TextDocument): boolean {
    if (!SERVED_SCHEMES.includes(schemeOf(document.uri))) return false;
    const file = uriToPath(document.uri);
    return file !== undefined && (isGlossaryFileName(path.basename(file)) || this.glossaries.uses(file));
  }

  /** The glossary file open at `uri` in its current version, with the glossary of its folder. */
  async glossaryFile(uri: string): Promise<GlossaryFileSnapshot | undefined> {
    const open = this.documents.get(uri);
    if (!open || !this.isGlossaryDocument(open)) return undefined;
    const settings = await this.settings.get(uri);
    const document = this.documents.get(uri);
    const file = uriToPath(uri);
    if (!document || !file) return undefined;
    return { document, file, settings, glossary: this.glossaryFor(settings, uri) };
  }
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
