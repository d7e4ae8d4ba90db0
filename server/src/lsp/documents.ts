// Open documents (incremental sync through TextDocuments), the file each one is (noted once, when it
// opens), and the analysis cache: per URI, the engine's analysis of the current version and its
// findings, computed once per version (and per glossary and rule settings) and shared by hover,
// completion, diagnostics and code actions.

import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis, Engine, Finding } from '../core';
import type { Settings } from '../shared/settings';
import type { ServerHost } from './host';
import { SERVED_SCHEMES, schemeOf } from './paths';
import { ruleOptions } from './settings';

interface CacheEntry {
  version: number;
  engine: Engine;
  analysis: DocumentAnalysis;
  rulesKey?: string;
  findings?: Finding[];
}

/**
 * The edits since a version, merged into one: [start, length - tail) of the text of version `from`
 * became [start, newLength - tail) of the text of version `to` (the engine re-analyses around it).
 */
interface PendingEdit {
  from: number;
  to: number;
  length: number;
  start: number;
  tail: number;
}

export class DocumentStore {
  readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => {
      this.places.set(uri, { file: this.host.uriToFile(uri), served: this.host.serves ? this.host.serves(uri) : SERVED_SCHEMES.includes(schemeOf(uri)) });
      return TextDocument.create(uri, languageId, version, text);
    },
    update: (document, changes, version) => this.update(document, changes, version),
  });
  /** Where each open document is: its path (a file: document's) and whether its scheme is served. */
  private readonly places = new Map<string, { file: string | undefined; served: boolean }>();
  private readonly cache = new Map<string, CacheEntry>();
  private readonly pending = new Map<string, PendingEdit>();
  /** Changes received per document: with the version, what a pulled result id is made of (a client may repeat a version). */
  private readonly changes = new Map<string, number>();

  constructor(private readonly host: ServerHost) {
    this.documents.onDidClose((event) => {
      this.cache.delete(event.document.uri);
      this.pending.delete(event.document.uri);
      this.changes.delete(event.document.uri);
      this.places.delete(event.document.uri);
    });
  }

  /** The path of an open file: document; undefined for an untitled one, or one not open. */
  fileOf(uri: string): string | undefined {
    return this.places.get(uri)?.file;
  }

  /** Whether the server checks a document: a file or untitled document in one of the configured languages. */
  isServed(document: TextDocument, settings: Settings): boolean {
    return this.places.get(document.uri)?.served === true && settings.languages.includes(document.languageId);
  }

  /** Forgets the analysis of a document (one too large to check), freeing its memory. */
  forget(uri: string): void {
    this.cache.delete(uri);
    this.pending.delete(uri);
  }

  /** Applies incremental changes one by one (as TextDocument.update does), noting where they fell. */
  private update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    this.changes.set(document.uri, (this.changes.get(document.uri) ?? 0) + 1);
    let edit = this.pending.get(document.uri);
    if (!edit || edit.to !== document.version) edit = { from: document.version, to: version, length: document.getText().length, start: Infinity, tail: Infinity };
    for (const change of changes) {
      const length = document.getText().length;
      if ('range' in change) {
        const a = document.offsetAt(change.range.start);
        const b = document.offsetAt(change.range.end);
        edit.start = Math.min(edit.start, a, b);
        edit.tail = Math.min(edit.tail, length - Math.max(a, b));
      } else {
        edit.start = 0;
        edit.tail = 0;
      }
      TextDocument.update(document, [change], version);
    }
    edit.to = version;
    this.pending.set(document.uri, edit);
    return document;
  }

  /** How many changes the document has had since it was opened. */
  changeCount(uri: string): number {
    return this.changes.get(uri) ?? 0;
  }

  get(uri: string): TextDocument | undefined {
    return this.documents.get(uri);
  }

  all(): TextDocument[] {
    return this.documents.all();
  }

  /** The engine's analysis of the document's current version. */
  analysis(document: TextDocument, engine: Engine): DocumentAnalysis {
    return this.entry(document, engine).analysis;
  }

  /**
   * The findings of `analysis` under the given rule settings, linted once per version and rule
   * settings. `analysis` must still be the document's current one: an earlier analysis may have been
   * consumed by Engine.update (its objects moved into the next one), and cannot be linted any more.
   */
  findings(uri: string, analysis: DocumentAnalysis, engine: Engine, settings: Settings): Finding[] {
    const entry = this.cache.get(uri);
    if (!entry || entry.analysis !== analysis || entry.engine !== engine) throw new Error(`The findings of an earlier version of ${uri} were asked for: take a new snapshot.`);
    const rules = ruleOptions(settings);
    const key = JSON.stringify(rules);
    if (entry.findings === undefined || entry.rulesKey !== key) {
      entry.findings = engine.lint(entry.analysis, { rules });
      entry.rulesKey = key;
    }
    return entry.findings;
  }

  private entry(document: TextDocument, engine: Engine): CacheEntry {
    let entry = this.cache.get(document.uri);
    const text = document.getText();
    // The version alone is not trusted: a client that repeats one after a change gets the new text
    // analysed (comparing the strings is a pointer check when nothing changed).
    if (!entry || entry.version !== document.version || entry.engine !== engine || entry.analysis.text !== text) {
      // After incremental changes, the engine re-reads only around them (Engine.update); after a
      // repeated version it reads the whole text.
      const edit = this.pending.get(document.uri);
      const analysis =
        entry && entry.engine === engine && edit && edit.from === entry.version && edit.to === document.version && edit.from !== edit.to && edit.start <= edit.length - edit.tail
          ? engine.update(entry.analysis, text, { start: edit.start, end: edit.length - edit.tail, text: text.slice(edit.start, text.length - edit.tail) })
          : engine.analyze(text);
      this.pending.delete(document.uri);
      entry = { version: document.version, engine, analysis };
      this.cache.set(document.uri, entry);
    }
    return entry;
  }
}
