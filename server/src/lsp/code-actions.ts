// Code actions: for each of our diagnostics its fixes as quick fixes (safe fixes and suggestions; the
// preferred one marked), "fix all of this rule" (safe fixes only) and "disable this rule for this
// line"; and `source.fixAll.kpo-glossary` for fix-on-save, which applies safe fixes only. Actions are computed from the current version's findings; the client's diagnostics only
// say which findings are meant, matched by rule and range.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import { lineOf, type DocumentAnalysis } from '../core/analysis';
import { appendixEdit } from '../core/appendix';
import { inProse } from '../core/engine';
import { ADD_ALIAS_COMMAND, ADD_TO_GLOSSARY_COMMAND, type AddAliasArgs, type AddToGlossaryArgs } from '../shared/protocol';
import { applyEdits, chooseSafeEdits, fixAll, hasSafeFix, minimalEdit } from '../core/apply-fixes';
import { ruleOptions } from './settings';
import type { Finding, GlossaryEntry, TextEdit } from '../core/types';
import type { ServerContext, Snapshot } from './context';
import { SOURCE, sameRange, toDiagnostic, toOffset, toRange, toWorkspaceEdit, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
/** Inserts or refreshes the glossary appendix; offered only when asked for (the Source Action menu). */
export const APPENDIX_KIND = `${CodeActionKind.Source}.${SOURCE}.appendix`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, APPENDIX_KIND];
/** Longest selection offered to the glossary. */
const MAX_SELECTION = 80;

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const snapshot = await ctx.snapshot(params.textDocument.uri);
  if (!snapshot) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const findings = snapshot.findings();
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const targeted = targets(snapshot, findings, params);
    for (const [finding, diagnostic] of targeted) {
      for (const fix of finding.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true || fix.safe === true,
          edit: edit(ctx, snapshot, fix.edits),
        });
      }
    }
    const rules = [...new Set(targeted.map(([f]) => f.ruleId))];
    for (const ruleId of rules) {
      const ofRule = findings.filter((f) => f.ruleId === ruleId && hasSafeFix(f));
      if (ofRule.length > 1) {
        actions.push({
          title: `Fix all ${ruleId} problems in this document`,
          kind: CodeActionKind.QuickFix,
          diagnostics: ofRule.map((f) => toDiagnostic(f, snapshot.analysis, snapshot.document.version)),
          edit: edit(ctx, snapshot, safeEdits(snapshot, ofRule)),
        });
      }
    }
    const lines = new Set<string>();
    for (const [finding, diagnostic] of targeted) {
      const key = `${diagnostic.range.start.line}:${finding.ruleId}`;
      if (lines.has(key)) continue;
      lines.add(key);
      actions.push({
        title: `Disable ${finding.ruleId} for this line`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: edit(ctx, snapshot, [disableEdit(snapshot, finding)]),
      });
    }
  }

  if (wants(CodeActionKind.QuickFix) && ctx.glossaryCommands) actions.push(...growActions(snapshot, params));

  if (only?.some((o) => APPENDIX_KIND === o || APPENDIX_KIND.startsWith(o + '.'))) {
    actions.push({
      title: 'Insert or update the glossary appendix',
      kind: APPENDIX_KIND,
      diagnostics: [],
      edit: edit(ctx, snapshot, [appendixEdit(snapshot.analysis, snapshot.engine.glossary)]),
    });
  }

  if (wants(FIX_ALL_KIND)) {
    if (findings.some(hasSafeFix)) {
      // Fix, lint again, fix again (most severe first), then send the difference as one edit.
      const rules = ruleOptions(snapshot.settings);
      const fixed = fixAll(snapshot.analysis.text, (text) => snapshot.engine.lint(snapshot.engine.analyze(text), { rules }));
      const change = minimalEdit(snapshot.analysis.text, fixed.text);
      if (change) {
        actions.push({
          title: 'Fix all KPO Glossary problems',
          kind: FIX_ALL_KIND,
          diagnostics: [],
          edit: edit(ctx, snapshot, [change]),
        });
      }
    }
  }
  return actions;
}

/**
 * For a selection in prose that is not a glossary name yet: "Add “…” to the workspace glossary", "Add
 * “…” as an alias of “<entry>”" for the entries named in the same sentence, and "Add “…” as an alias
 * of…" (the client asks which entry). They run the client's commands, which ask for the rest and write
 * the workspace glossary file.
 */
function growActions(snapshot: Snapshot, params: CodeActionParams): CodeAction[] {
  const { analysis } = snapshot;
  const from = toOffset(analysis, params.range.start);
  const to = toOffset(analysis, params.range.end);
  if (to <= from || to - from > MAX_SELECTION * 2) return [];
  const raw = analysis.text.slice(from, to);
  const start = from + (raw.length - raw.trimStart().length);
  const end = to - (raw.length - raw.trimEnd().length);
  const term = analysis.text.slice(start, end).replace(/^[*_"“‘'(]+|[*_"”’'),.;:!?]+$/g, '');
  if (term.length === 0 || term.length > MAX_SELECTION || /[\r\n]/.test(term) || !/\p{L}/u.test(term)) return [];
  if (!inProse(analysis, start) || !inProse(analysis, end)) return [];
  // Already a glossary name.
  if (analysis.mentions.some((m) => m.start <= start && end <= m.end)) return [];
  const uri = snapshot.document.uri;
  const actions: CodeAction[] = [];
  const add: AddToGlossaryArgs = { uri, term };
  const addTitle = `Add “${term}” to the workspace glossary`;
  actions.push({ title: addTitle, kind: CodeActionKind.QuickFix, command: { title: addTitle, command: ADD_TO_GLOSSARY_COMMAND, arguments: [add] } });
  for (const entry of entriesNearby(analysis, start, end).slice(0, 3)) {
    const args: AddAliasArgs = { uri, alias: term, entry: { id: entry.id, term: entry.term, ...(entry.source ? { source: { ...entry.source } } : {}) } };
    const title = `Add “${term}” as an alias of “${entry.term}”`;
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: ADD_ALIAS_COMMAND, arguments: [args] } });
  }
  const anyTitle = `Add “${term}” as an alias of…`;
  const anyArgs: AddAliasArgs = { uri, alias: term };
  actions.push({ title: anyTitle, kind: CodeActionKind.QuickFix, command: { title: anyTitle, command: ADD_ALIAS_COMMAND, arguments: [anyArgs] } });
  return actions;
}

/** The entries named in the sentence (reading unit) holding the range, other than in the range, in order. */
function entriesNearby(analysis: DocumentAnalysis, start: number, end: number): GlossaryEntry[] {
  const block = analysis.blocks.find((b) => b.block.start <= start && end <= b.block.end);
  if (!block) return [];
  const first = block.tokens.findIndex((t) => t.end > start);
  const unit = block.units.find((u) => u.first <= first && first < u.end) ?? block.units[0];
  const entries: GlossaryEntry[] = [];
  for (const m of block.mentions) {
    if (unit && (m.first < unit.first || m.last >= unit.end)) continue;
    if (m.start < end && start < m.end) continue;
    if (!entries.includes(m.ref.entry)) entries.push(m.ref.entry);
  }
  return entries;
}

/**
 * The findings the request is about, each with the diagnostic to attach: the client's diagnostics of
 * ours, matched to current findings by rule and range; when it sends none, the findings touching the
 * requested range.
 */
function targets(snapshot: Snapshot, findings: Finding[], params: CodeActionParams): Array<[Finding, Diagnostic]> {
  const { analysis, document } = snapshot;
  const withRanges = findings.map((f) => ({ f, range: toRange(analysis, f.start, f.end) }));
  const ours = params.context.diagnostics.filter((d) => d.source === SOURCE || (typeof d.code === 'string' && findings.some((f) => f.ruleId === d.code)));
  const result: Array<[Finding, Diagnostic]> = [];
  if (ours.length > 0) {
    for (const d of ours) {
      // Our own data names the finding exactly when it is from this version; otherwise the range must match.
      const data = d.data as Partial<DiagnosticData> | undefined;
      const current = data?.version === document.version && typeof data.start === 'number' && typeof data.end === 'number';
      const match = current
        ? withRanges.find(({ f }) => f.ruleId === d.code && f.start === data!.start && f.end === data!.end)
        : withRanges.find(({ f, range }) => f.ruleId === d.code && sameRange(range, d.range));
      if (match && !result.some(([f]) => f === match.f)) result.push([match.f, d]);
    }
    return result;
  }
  const { start, end } = params.range;
  for (const { f, range } of withRanges) {
    const before = range.end.line < start.line || (range.end.line === start.line && range.end.character < start.character);
    const after = range.start.line > end.line || (range.start.line === end.line && range.start.character > end.character);
    if (!before && !after) result.push([f, toDiagnostic(f, analysis, document.version)]);
  }
  return result;
}

/** The safe fixes of `findings` that apply together, as core/apply-fixes chooses them. */
function safeEdits(snapshot: Snapshot, findings: Finding[]): TextEdit[] {
  return applyEdits(snapshot.analysis.text, chooseSafeEdits(findings).edits).applied;
}

/**
 * `<!-- kpo-disable-next-line rule -->` on its own line above the finding, with the line's indentation.
 * Where a line above would change the document's structure (a table row, whose table it would end; a
 * line inside a paragraph, which it would split; a block quote), `<!-- kpo-disable-line rule -->` goes
 * at the end of the line instead, where it renders as nothing.
 */
function disableEdit(snapshot: Snapshot, finding: Finding): TextEdit {
  const { analysis } = snapshot;
  const { text, lineStarts } = analysis;
  const line = lineOf(lineStarts, finding.start);
  const lineStart = lineStarts[line];
  const nextStart = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
  const eol = /(\r\n|\r|\n)$/.exec(text.slice(lineStart, nextStart))?.[1];
  const block = analysis.markdown.blocks.find((b) => b.start <= finding.start && finding.start <= b.end);
  const midBlock = block !== undefined && (block.kind === 'table-row' || (block.quoteDepth ?? 0) > 0 || lineOf(lineStarts, block.start) !== line);
  if (midBlock) {
    const lineEnd = nextStart - (eol?.length ?? 0);
    return { start: lineEnd, end: lineEnd, newText: ` <!-- kpo-disable-line ${finding.ruleId} -->` };
  }
  const indent = /^[ \t]*/.exec(text.slice(lineStart, Math.min(nextStart, lineStart + 200)))![0];
  const newline = eol ?? (text.includes('\r\n') ? '\r\n' : '\n');
  return { start: lineStart, end: lineStart, newText: `${indent}<!-- kpo-disable-next-line ${finding.ruleId} -->${newline}` };
}

function edit(ctx: ServerContext, snapshot: Snapshot, edits: TextEdit[]) {
  return toWorkspaceEdit(snapshot.document, snapshot.analysis, edits, ctx.capabilities.documentChanges);
}
