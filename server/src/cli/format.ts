// Output formats of kpo-lint: stylish for people, JSON (documented in the README) for scripts, and
// SARIF 2.1.0 for code-scanning services. Pure functions from results to text.

import {
  type Finding,
  type GlossaryProblem,
  hasSafeFix,
  lineStartsOf,
  oneBasedRange,
  RULES,
  SEVERITIES,
  type Severity,
} from '../core';
import { REPOSITORY_URL, ruleHelpUri } from '../shared/links';
import { escapeControls } from '../shared/text';

export interface FileResult {
  /** The path as given or found, relative where possible. */
  file: string;
  text: string;
  /** Where the lines of `text` start, from its analysis; found from `text` when not given. */
  lineStarts?: number[];
  findings: Finding[];
  /** Fixes applied by --fix. */
  fixed?: number;
  /** Why the file could not be checked or fixed (positioned at 1:1 in every format). */
  problems?: FileProblem[];
}

/** A file that could not be read, or whose fixes could not be written: the run goes on. */
export interface FileProblem {
  severity: 'error' | 'warning';
  message: string;
}

export { escapeControls };

/**
 * A SARIF artifact location for a file as the report names it: a relative path becomes a relative URI
 * reference under %SRCROOT%, each segment percent-encoded (space, #, %, ?, : and the rest); an
 * absolute path becomes a file: URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin', uriBaseId: '%SRCROOT%' };
  const slashed = file.split('\\').join('/');
  const encode = (p: string) => p.split('/').map((segment) => encodeURIComponent(segment)).join('/');
  if (/^[A-Za-z]:\//.test(slashed)) return { uri: `file:///${slashed.slice(0, 2)}${encode(slashed.slice(2))}` };
  if (slashed.startsWith('/')) return { uri: `file://${encode(slashed)}` };
  return { uri: encode(slashed), uriBaseId: '%SRCROOT%' };
}

export function summarize(results: FileResult[]): Record<Severity, number> & { fixable: number } {
  const counts = { error: 0, warning: 0, info: 0, hint: 0, fixable: 0 };
  for (const r of results) for (const f of r.findings) {
    counts[f.severity]++;
    if (hasSafeFix(f)) counts.fixable++;
  }
  return counts;
}

export function formatStylish(results: FileResult[], color: boolean): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colors: Record<Severity, string> = { error: '31', warning: '33', info: '36', hint: '90' };
  const lines: string[] = [];
  for (const result of results) {
    const problems = result.problems ?? [];
    if (result.findings.length === 0 && problems.length === 0) continue;
    const starts = result.lineStarts ?? lineStartsOf(result.text);
    lines.push(paint('4', escapeControls(result.file)));
    for (const p of problems) {
      lines.push(`  ${'1:1'.padEnd(8)} ${paint(colors[p.severity], p.severity.padEnd(7))}  ${escapeControls(p.message)}  ${paint('90', 'kpo-lint')}`);
    }
    for (const f of result.findings) {
      const at = oneBasedRange(starts, f.start, f.end);
      const fixable = hasSafeFix(f) ? ' (fixable)' : f.fixes.length > 0 ? ' (suggestions in the editor)' : '';
      lines.push(`  ${`${at.line}:${at.column}`.padEnd(8)} ${paint(colors[f.severity], f.severity.padEnd(7))}  ${escapeControls(f.message)}${fixable}  ${paint('90', f.ruleId)}`);
      if (f.detail) lines.push(`${' '.repeat(20)}${paint('90', escapeControls(f.detail))}`);
    }
    lines.push('');
  }
  const c = summarize(results);
  const total = c.error + c.warning + c.info + c.hint;
  const troubled = results.filter((r) => (r.problems ?? []).length > 0).length;
  if (troubled > 0) {
    lines.push(paint('1', `${troubled} of ${results.length} file${results.length === 1 ? '' : 's'} could not be checked or fixed (see above).`));
  }
  if (total === 0 && troubled > 0) {
    // Said above; no "No problems" line.
  } else if (total === 0) {
    lines.push(`No problems in ${results.length} file${results.length === 1 ? '' : 's'}.`);
  } else {
    const parts = SEVERITIES.filter((s) => c[s] > 0).map((s) => `${c[s]} ${s}${c[s] === 1 || s === 'info' ? '' : 's'}`);
    lines.push(paint('1', `${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${results.filter((r) => r.findings.length).length} of ${results.length} file${results.length === 1 ? '' : 's'}.`));
    if (c.fixable > 0) lines.push(`${c.fixable} can be fixed with --fix.`);
  }
  const fixed = results.reduce((n, r) => n + (r.fixed ?? 0), 0);
  if (fixed > 0) lines.push(`Fixed ${fixed} problem${fixed === 1 ? '' : 's'}.`);
  return lines.join('\n') + '\n';
}

export function formatJson(results: FileResult[], glossaryProblems: GlossaryProblem[]): string {
  const files = results.map((result) => {
    const starts = result.lineStarts ?? lineStartsOf(result.text);
    return {
      file: result.file,
      fixed: result.fixed ?? 0,
      problems: (result.problems ?? []).map((p) => ({ severity: p.severity, message: p.message, line: 1, column: 1 })),
      findings: result.findings.map((f) => ({
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        ...(f.detail ? { detail: f.detail } : {}),
        ...oneBasedRange(starts, f.start, f.end),
        start: f.start,
        end: f.end,
        entryId: f.entryId,
        fixes: f.fixes.map((fix) => ({
          title: fix.title,
          safe: fix.safe === true,
          preferred: fix.preferred === true || fix.safe === true,
          edits: fix.edits.map((e) => ({ ...oneBasedRange(starts, e.start, e.end), start: e.start, end: e.end, newText: e.newText })),
        })),
      })),
    };
  });
  const summary = { ...summarize(results), fileProblems: results.reduce((n, r) => n + (r.problems ?? []).length, 0) };
  return JSON.stringify({ version: 1, files, summary, glossaryProblems }, null, 2) + '\n';
}

export function formatSarif(results: FileResult[], version: string): string {
  const level = (s: Severity) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const sarifResults = [];
  const notifications = [];
  for (const result of results) {
    for (const p of result.problems ?? []) {
      notifications.push({
        level: p.severity,
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(result.file), region: { startLine: 1, startColumn: 1 } } }],
      });
    }
  }
  for (const result of results) {
    const starts = result.lineStarts ?? lineStartsOf(result.text);
    for (const f of result.findings) {
      const region = (start: number, end: number) => {
        const at = oneBasedRange(starts, start, end);
        return { startLine: at.line, startColumn: at.column, endLine: at.endLine, endColumn: at.endColumn, charOffset: start, charLength: end - start };
      };
      const location = artifactLocation(result.file);
      sarifResults.push({
        ruleId: f.ruleId,
        ruleIndex: RULES.findIndex((r) => r.id === f.ruleId),
        level: level(f.severity),
        message: { text: f.detail ? `${f.message} ${f.detail}` : f.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(f.start, f.end) } }],
        fixes: f.fixes.map((fix) => ({
          description: { text: fix.title },
          artifactChanges: [{ artifactLocation: location, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.start, e.end), insertedContent: { text: e.newText } })) }],
        })),
      });
    }
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'kpo-lint',
          version,
          informationUri: REPOSITORY_URL,
          rules: RULES.map((r) => ({
            id: r.id,
            shortDescription: { text: r.description },
            helpUri: ruleHelpUri(r.id),
            defaultConfiguration: { level: level(r.defaultSeverity) },
          })),
        },
      },
      invocations: [{ executionSuccessful: !notifications.some((n) => n.level === 'error'), toolExecutionNotifications: notifications }],
      columnKind: 'utf16CodeUnits',
      results: sarifResults,
    }],
  };
  return JSON.stringify(sarif, null, 2) + '\n';
}

export function formatProblems(problems: GlossaryProblem[]): string {
  return problems.map((p) => escapeControls(`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`)).join('\n') + (problems.length ? '\n' : '');
}
