// Engine results in LSP terms. Offsets become positions only through core/positions (UTF-16, as LSP
// counts by default); nothing here knows about rules beyond their id and documentation page.

import {
  DiagnosticSeverity,
  type Diagnostic,
  type Location,
  type Position,
  type Range,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import {
  type DocumentAnalysis,
  type Finding,
  fromOneBased,
  type GlossaryEntry,
  offsetAt,
  positionAt,
  type Severity,
  type TextEdit,
} from '../core';
import { ruleHelpUri } from '../shared/links';
import { DIAGNOSTIC_SOURCE } from '../shared/protocol';
import { escapeControls } from '../shared/text';
import type { ServerHost } from './host';

export const SOURCE = DIAGNOSTIC_SOURCE;

/** What a diagnostic carries for code actions: the version and offsets of its finding. */
export interface DiagnosticData {
  version: number;
  start: number;
  end: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toRange(analysis: DocumentAnalysis, start: number, end: number): Range {
  return { start: positionAt(analysis.lineStarts, start), end: positionAt(analysis.lineStarts, end) };
}

export function toOffset(analysis: DocumentAnalysis, position: Position): number {
  return offsetAt(analysis.text, analysis.lineStarts, position);
}

export function toDiagnostic(finding: Finding, analysis: DocumentAnalysis, version: number): Diagnostic {
  const data: DiagnosticData = { version, start: finding.start, end: finding.end };
  return {
    range: toRange(analysis, finding.start, finding.end),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    source: SOURCE,
    code: finding.ruleId,
    codeDescription: { href: ruleHelpUri(finding.ruleId) },
    message: escapeControls(finding.message),
    data,
  };
}

export function toTextEdits(analysis: DocumentAnalysis, edits: TextEdit[]): LspTextEdit[] {
  return edits.map((e) => ({ range: toRange(analysis, e.start, e.end), newText: e.newText }));
}

/** A workspace edit on one document; `documentChanges` with its version when the client supports them. */
export function toWorkspaceEdit(document: { uri: string; version: number }, analysis: DocumentAnalysis, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  const lspEdits = toTextEdits(analysis, edits);
  if (documentChanges) {
    return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: lspEdits }] };
  }
  return { changes: { [document.uri]: lspEdits } };
}

/** Whether a range in LSP terms and a finding cover the same text. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/**
 * Where an entry is written: the changes of later files first (nearest first), then where it is
 * defined (the host names the files' URIs).
 */
export function entryLocations(entry: GlossaryEntry, host: ServerHost): Location[] {
  const places = [...(entry.changedIn ?? [])].reverse();
  if (entry.source) places.push(entry.source);
  return places.map((p) => {
    const at = fromOneBased(p.line, p.column);
    return { uri: host.fileToUri(p.file), range: { start: at, end: at } };
  });
}
