// Code actions: for each of our diagnostics its fixes as quick fixes (safe fixes and suggestions; the
// preferred one marked), "fix all of this rule" (safe fixes only) and "disable this rule for this
// line"; and `source.fixAll.kpo-glossary` for fix-on-save, which applies safe fixes only (computed
// when asked for by kind, else offered for codeAction/resolve). Actions are computed from the current
// version's findings; the client's diagnostics only say which findings are meant, matched by rule and
// range. A reply holds at most MAX_ACTIONS actions, and its work is linear in the findings.

import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Position, type Range } from 'vscode-languageserver';
import {
  appendixEdit,
  applicableEdits,
  chooseSafeEdits,
  countBefore,
  disableEdit,
  entriesNearby,
  type Finding,
  fixAll,
  hasSafeFix,
  lineOf,
  minimalEdit,
  selectedTerm,
  type TextEdit,
} from '../core';
import { ADD_ALIAS_COMMAND, ADD_TO_GLOSSARY_COMMAND, type AddAliasArgs, type AddToGlossaryArgs } from '../shared/protocol';
import { ruleOptions } from './settings';
import type { ServerContext, Snapshot } from './context';
import { SOURCE, sameRange, toDiagnostic, toOffset, toRange, toWorkspaceEdit, type DiagnosticData } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${SOURCE}`;
/** Inserts or refreshes the glossary appendix; offered only when asked for (the Source Action menu). */
export const APPENDIX_KIND = `${CodeActionKind.Source}.${SOURCE}.appendix`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND, APPENDIX_KIND];

/**
 * The most actions one request answers. A request over a whole document (select all, then quick fix)
 * names every finding; answering each with its fixes and a disable action made replies of 50 MB (issue
 * 12). Within the bound, the "fix all of this rule" actions, the glossary and appendix actions and
 * fix-all are always offered; the per-finding actions (fixes, disable for this line) follow for the
 * findings in document order, from the start of the range, as long as they fit.
 */
export const MAX_ACTIONS = 200;

/** What a fix-all action offered without its edit carries, for codeAction/resolve to compute it. */
interface FixAllData {
  kpoFixAll: true;
  uri: string;
  version: number;
}

export async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const snapshot = await ctx.snapshot(params.textDocument.uri);
  if (!snapshot) return [];
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.'));
  const asked = (kind: string) => only !== undefined && only.some((o) => kind === o || kind.startsWith(o + '.'));
  const findings = snapshot.findings();
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const targeted = targets(snapshot, findings, params);
    const grow = ctx.glossaryCommands ? growActions(snapshot, params) : [];
    // "Fix all <rule> problems in this document" for each rule among the targeted findings.
    const rules: string[] = [];
    const ruleSeen = new Set<string>();
    for (const [f] of targeted) {
      if (!ruleSeen.has(f.ruleId)) {
        ruleSeen.add(f.ruleId);
        rules.push(f.ruleId);
      }
    }
    const fixable = new Map<string, Finding[]>();
    for (const f of findings) {
      if (!ruleSeen.has(f.ruleId) || !hasSafeFix(f)) continue;
      const list = fixable.get(f.ruleId);
      if (list) list.push(f);
      else fixable.set(f.ruleId, [f]);
    }
    const ofRules = rules.filter((r) => (fixable.get(r)?.length ?? 0) > 1);
    // Per finding: its fixes, and one "disable for this line" per line and rule, while they fit.
    let budget = MAX_ACTIONS - ofRules.length - grow.length - 2; // 2: the appendix and fix-all
    const fixes: CodeAction[] = [];
    const disables: CodeAction[] = [];
    const included = new Map<string, Diagnostic[]>();
    const lines = new Set<string>();
    for (const [finding, sent] of targeted) {
      const key = `${lineOf(snapshot.analysis.lineStarts, finding.start)}:${finding.ruleId}`;
      const disable = !lines.has(key);
      const cost = finding.fixes.length + (disable ? 1 : 0);
      if (cost > budget) break;
      budget -= cost;
      const diagnostic = sent ?? toDiagnostic(finding, snapshot.analysis, snapshot.document.version);
      for (const fix of finding.fixes) {
        fixes.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred === true || fix.safe === true,
          edit: edit(ctx, snapshot, fix.edits),
        });
      }
      if (disable) {
        lines.add(key);
        disables.push({
          title: `Disable ${finding.ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: edit(ctx, snapshot, [disableEdit(snapshot.analysis, finding)]),
        });
      }
      const list = included.get(finding.ruleId);
      if (list) list.push(diagnostic);
      else included.set(finding.ruleId, [diagnostic]);
    }
    for (const a of fixes) actions.push(a);
    for (const ruleId of ofRules) {
      actions.push({
        title: `Fix all ${ruleId} problems in this document`,
        kind: CodeActionKind.QuickFix,
        // The diagnostics of the request it answers (not every one of the rule: that list has no bound).
        diagnostics: included.get(ruleId) ?? [],
        edit: edit(ctx, snapshot, safeEdits(snapshot, fixable.get(ruleId)!)),
      });
    }
    for (const a of disables) actions.push(a);
    for (const a of grow) actions.push(a);
  }

  if (asked(APPENDIX_KIND)) {
    actions.push({
      title: 'Insert or update the glossary appendix',
      kind: APPENDIX_KIND,
      diagnostics: [],
      edit: edit(ctx, snapshot, [appendixEdit(snapshot.analysis, snapshot.engine.glossary)]),
    });
  }

  // Fix-all lints and fixes the document again, several times: it is computed only when asked for by
  // kind (fix-on-save, "Fix All", the Source Action menu). A request that names no kind (a client's
  // whole code-action menu) gets it without its edit, to be computed by codeAction/resolve when chosen,
  // if the client resolves edits; otherwise not at all.
  if (asked(FIX_ALL_KIND)) {
    const action = fixAllAction(ctx, snapshot);
    if (action) actions.push(action);
  } else if (only === undefined && ctx.capabilities.codeActionResolve && findings.some(hasSafeFix)) {
    const data: FixAllData = { kpoFixAll: true, uri: snapshot.document.uri, version: snapshot.document.version };
    actions.push({ title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, diagnostics: [], data });
  }
  return actions;
}

const FIX_ALL_TITLE = 'Fix all KPO Glossary problems';

/** Fix, lint again, fix again (most severe first), then the difference as one edit; undefined when nothing is fixable. */
function fixAllAction(ctx: ServerContext, snapshot: Snapshot): CodeAction | undefined {
  if (!snapshot.findings().some(hasSafeFix)) return undefined;
  const rules = ruleOptions(snapshot.settings);
  const fixed = fixAll(snapshot.analysis.text, (text) => snapshot.engine.lint(snapshot.engine.analyze(text), { rules }));
  const change = minimalEdit(snapshot.analysis.text, fixed.text);
  if (!change) return undefined;
  return { title: FIX_ALL_TITLE, kind: FIX_ALL_KIND, diagnostics: [], edit: edit(ctx, snapshot, [change]) };
}

/**
 * codeAction/resolve: computes the edit of a fix-all offered without one, for the version it was
 * offered for. Once the document has changed it gets no edit (the client applies nothing and the next
 * request offers a fresh one). Other actions come back as they are.
 */
export async function resolveCodeAction(ctx: ServerContext, action: CodeAction): Promise<CodeAction> {
  const data = action.data as Partial<FixAllData> | undefined;
  if (!data || data.kpoFixAll !== true || typeof data.uri !== 'string' || action.edit) return action;
  const snapshot = await ctx.snapshot(data.uri);
  if (!snapshot || snapshot.document.version !== data.version) return action;
  const fixed = fixAllAction(ctx, snapshot);
  return fixed ? { ...action, edit: fixed.edit } : action;
}

/**
 * For a selection in prose that is not a glossary name yet: "Add “…” to the workspace glossary", "Add
 * “…” as an alias of “<entry>”" for the entries named in the same sentence, and "Add “…” as an alias
 * of…" (the client asks which entry). They run the client's commands, which ask for the rest and write
 * the workspace glossary file.
 */
function growActions(snapshot: Snapshot, params: CodeActionParams): CodeAction[] {
  const { analysis } = snapshot;
  const selected = selectedTerm(analysis, toOffset(analysis, params.range.start), toOffset(analysis, params.range.end));
  if (!selected) return [];
  const { term, start, end } = selected;
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

/**
 * The findings the request is about, each with the diagnostic the client sent for it (when it sent
 * one): the client's diagnostics of ours, matched to current findings by rule and range; when it sends
 * none, the findings touching the requested range, in document order. Findings are sorted by start
 * (Engine.lint), so a diagnostic is matched by binary search: linear in the request, not diagnostics ×
 * findings (issue 12).
 */
function targets(snapshot: Snapshot, findings: Finding[], params: CodeActionParams): Array<[Finding, Diagnostic | undefined]> {
  const { analysis, document } = snapshot;
  const sent = params.context.diagnostics ?? [];
  const result: Array<[Finding, Diagnostic | undefined]> = [];
  if (sent.length > 0) {
    const ruleIds = new Set<string>();
    for (const f of findings) ruleIds.add(f.ruleId);
    const ours = sent.filter((d) => d.source === SOURCE || (typeof d.code === 'string' && ruleIds.has(d.code)));
    if (ours.length > 0) {
      const seen = new Set<Finding>();
      for (const d of ours) {
        if (typeof d.code !== 'string') continue;
        // Our own data names the finding exactly when it is from this version; otherwise the range must match.
        const data = d.data as Partial<DiagnosticData> | undefined;
        const current = data?.version === document.version && typeof data.start === 'number' && typeof data.end === 'number';
        let match: Finding | undefined;
        if (current) {
          match = findingAt(findings, data!.start!, (f) => f.ruleId === d.code && f.end === data!.end);
        } else if (isRange(d.range)) {
          const start = toOffset(analysis, d.range.start);
          match = findingAt(findings, start, (f) => f.ruleId === d.code && sameRange(toRange(analysis, f.start, f.end), d.range));
        }
        if (match && !seen.has(match)) {
          seen.add(match);
          result.push([match, d]);
        }
      }
      return result;
    }
  }
  const { start, end } = params.range;
  // Offsets first (a finding ending before the range's start offset, or starting after its end offset,
  // cannot touch it), then the positions exactly, as before.
  const a = toOffset(analysis, start);
  const b = toOffset(analysis, end);
  for (const f of findings) {
    if (f.start > b) break;
    if (f.end < a) continue;
    const range = toRange(analysis, f.start, f.end);
    const before = range.end.line < start.line || (range.end.line === start.line && range.end.character < start.character);
    const after = range.start.line > end.line || (range.start.line === end.line && range.start.character > end.character);
    if (!before && !after) result.push([f, undefined]);
  }
  return result;
}

/** The first finding starting at `start` that `matches`, in findings sorted by start. */
function findingAt(findings: Finding[], start: number, matches: (f: Finding) => boolean): Finding | undefined {
  for (let i = countBefore(findings.length, (k) => findings[k].start < start); i < findings.length && findings[i].start === start; i++) {
    if (matches(findings[i])) return findings[i];
  }
  return undefined;
}

function isRange(range: unknown): range is Range {
  const r = range as Range | undefined;
  const isPosition = (p: Position | undefined) => typeof p === 'object' && p !== null && typeof p.line === 'number' && typeof p.character === 'number';
  return typeof r === 'object' && r !== null && isPosition(r.start) && isPosition(r.end);
}

/** The safe fixes of `findings` that apply together, as core/apply-fixes chooses them. */
function safeEdits(snapshot: Snapshot, findings: Finding[]): TextEdit[] {
  return applicableEdits(snapshot.analysis.text, chooseSafeEdits(findings).edits);
}

function edit(ctx: ServerContext, snapshot: Snapshot, edits: TextEdit[]) {
  return toWorkspaceEdit(snapshot.document, snapshot.analysis, edits, ctx.capabilities.documentChanges);
}
