// Open documents (incremental sync through TextDocuments) and the analysis cache: per URI, the engine's
// analysis of the current version and its findings, computed once per version (and per glossary and
// rule settings) and shared by hover, completion, diagnostics and code actions.

import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentAnalysis } from '../core/analysis';
import type { Engine } from '../core/engine';
import type { Finding } from '../core/types';
import type { Settings } from '../shared/settings';
import { SERVED_SCHEMES, schemeOf } from './paths';
import { ruleOptions } from './settings';

interface CacheEntry {
  version: number;
  engine: Engine;
  analysis: DocumentAnalysis;
  rulesKey?: string;
  findings?: Finding[];
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private readonly cache = new Map<string, CacheEntry>();

  constructor() {
    this.documents.onDidClose((event) => this.cache.delete(event.document.uri));
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

  /** The findings of the document's current version under the given rule settings. */
  findings(document: TextDocument, engine: Engine, settings: Settings): Finding[] {
    const entry = this.entry(document, engine);
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
    if (!entry || entry.version !== document.version || entry.engine !== engine) {
      entry = { version: document.version, engine, analysis: engine.analyze(document.getText()) };
      this.cache.set(document.uri, entry);
    }
    return entry;
  }
}

/** Whether the server checks a document: a file or untitled document in one of the configured languages. */
export function isServed(document: TextDocument, settings: Settings): boolean {
  return SERVED_SCHEMES.includes(schemeOf(document.uri)) && settings.languages.includes(document.languageId);
}
