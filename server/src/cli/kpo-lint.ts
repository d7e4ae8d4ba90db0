// kpo-lint: the engine on the command line, for CI. Exit status: 0 clean (below --fail-on), 1 findings
// at or above --fail-on, 2 a usage error, a broken glossary, or a file that could not be checked or
// fixed (reported as a problem of that file; the other files are still checked and the report printed).

import * as path from 'path';
import { parseArgs } from 'util';
import {
  createEngine,
  type Engine,
  type Finding,
  fixAll,
  type GlossaryProblem,
  RULE_SETTINGS,
  RULES,
  type RuleSetting,
  SEVERITIES,
  type Severity,
} from '../core';
import { builtinGlossaryPath, packageVersion, readGlossaryFiles } from '../node/files';
import { discoverGlossaryFiles } from '../node/discover';
import { decodeUtf8, encodeUtf8, MB } from '../node/read';
import { replaceFile, snapshotFile, type ReadSnapshot } from '../node/write';
import { expandInputs, type InputFile } from './inputs';
import { escapeControls, formatJson, formatProblems, formatSarif, formatStylish, type FileProblem, type FileResult } from './format';

/** The largest document read by default, in MB (the bench's "10 MB" document is a little over 10 MiB). */
const DEFAULT_MAX_MB = 16;

const HELP = `Usage: kpo-lint [options] [files, folders or globs...]

Checks Markdown documents against the KPO glossary: KPO vs BPO confusions, wrong or
missing acronym expansions, non-standard terms. Folders are searched for *.md files;
"-" reads standard input.

Options:
  --glossary FILE        add a glossary file (YAML or JSON) to the built-in one; repeatable
  --no-builtin           do not load the built-in KPO glossary
  --no-discovery         do not look for .kpo-glossary.yaml / *.glossary.yaml files in each
                         document's folder and the folders above it (up to the repository root;
                         outside a repository, up to the current folder or your home folder)
  --format NAME          stylish (default), json or sarif
  --fix                  apply the safe fixes (correct by construction), writing files atomically;
                         suggestions such as a KPO/BPO switch are left for the editor
                         (with "-", the fixed text goes to standard output); symbolic links,
                         hard-linked, read-only files and files changed meanwhile are not written
  --max-size MB          the largest document read, in MB (default ${DEFAULT_MAX_MB})
  --fail-on LEVEL        exit 1 when a finding is at least: error, warning (default), info, or none
  --rule ID=LEVEL        set a rule's severity: error, warning, info, hint or off; repeatable
  --list-rules           list the rules and their default severities
  --no-color             plain output
  -h, --help             show this help
  -v, --version          show the version

Exit status:
  0  no finding at the --fail-on level
  1  findings at or above the --fail-on level
  2  a usage error, a broken glossary, a missing argument, or a file that could not be
     checked or fixed (reported at 1:1 of that file; the other files are still checked)`;

class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * Standard input, at most `maxBytes` (more is an error): bytes are decoded as strict UTF-8, as files
   * are (a string is taken as it is).
   */
  readStdin: (maxBytes: number) => string | Uint8Array | { error: string };
  cwd: string;
  color: boolean;
}

export function main(argv: string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith?.('ERR_PARSE_ARGS')) {
      io.stderr(`kpo-lint: ${(error as Error).message}\nRun "kpo-lint --help" for the options.\n`);
      return 2;
    }
    io.stderr(escapeControls(`kpo-lint: internal error: ${(error as Error).stack ?? error}`) + '\n');
    return 2;
  }
}

function run(argv: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      glossary: { type: 'string', multiple: true },
      'no-builtin': { type: 'boolean' },
      'no-discovery': { type: 'boolean' },
      format: { type: 'string' },
      fix: { type: 'boolean' },
      'fail-on': { type: 'string' },
      rule: { type: 'string', multiple: true },
      'max-size': { type: 'string' },
      'list-rules': { type: 'boolean' },
      'no-color': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) {
    io.stdout(HELP + '\n');
    return 0;
  }
  if (values.version) {
    io.stdout(packageVersion() + '\n');
    return 0;
  }
  if (values['list-rules']) {
    for (const r of RULES) io.stdout(`${r.id.padEnd(28)} ${r.defaultSeverity.padEnd(8)} ${r.fixable ? 'fixable ' : '        '} ${r.description}\n`);
    return 0;
  }
  const format = values.format ?? 'stylish';
  if (!['stylish', 'json', 'sarif'].includes(format)) throw new UsageError(`unknown --format "${format}": use stylish, json or sarif.`);
  const failOn = values['fail-on'] ?? 'warning';
  if (!['error', 'warning', 'info', 'none'].includes(failOn)) throw new UsageError(`unknown --fail-on "${failOn}": use error, warning, info or none.`);
  const rules = parseRuleSettings(values.rule ?? []);
  const maxMB = values['max-size'] === undefined ? DEFAULT_MAX_MB : Number(values['max-size']);
  if (!Number.isFinite(maxMB) || maxMB <= 0) throw new UsageError(`--max-size ${values['max-size']}: give a size in MB greater than 0.`);
  const maxBytes = Math.floor(maxMB * MB);
  if (positionals.length === 0) throw new UsageError('no input: name Markdown files, folders or globs, or "-" for standard input.');

  // Glossaries: the built-in one, the files found from each document's folder upward, then --glossary
  // files. A broken glossary is a hard error, reported once with its positions.
  const builtin = values['no-builtin'] ? [] : [builtinGlossaryPath()];
  const extra = (values.glossary ?? []).map((g) => path.resolve(io.cwd, g));
  const engines = new Map<string, Engine | undefined>();
  let brokenGlossary = false;
  const glossaryProblems: GlossaryProblem[] = [];
  const ignoredSeen = new Set<string>();
  const engineFor = (dir: string): Engine | undefined => {
    const discovered = values['no-discovery'] ? { files: [], problems: [] } : discoverGlossaryFiles(dir, { base: io.cwd });
    const ignored = discovered.problems.filter((p) => !ignoredSeen.has(p.file)).map((p) => ({ ...p, file: relative(io.cwd, p.file) }));
    for (const p of discovered.problems) ignoredSeen.add(p.file);
    if (ignored.length > 0) {
      io.stderr(formatProblems(ignored));
      for (const p of ignored) glossaryProblems.push(p);
    }
    const files = [...new Set([...builtin, ...discovered.files, ...extra])];
    const key = JSON.stringify(files);
    if (engines.has(key)) return engines.get(key);
    let engine: Engine | undefined;
    if (files.length === 0) {
      io.stderr('kpo-lint: no glossary: --no-builtin needs a --glossary file or a .kpo-glossary.yaml beside the documents.\n');
      brokenGlossary = true;
    } else {
      const read = readGlossaryFiles(files);
      const created = createEngine(read.sources);
      const problems: GlossaryProblem[] = [...read.problems, ...created.problems].map((p) => ({ ...p, file: relative(io.cwd, p.file) }));
      if (problems.length > 0) io.stderr(formatProblems(problems));
      for (const p of problems) glossaryProblems.push(p);
      const errors = problems.filter((p) => p.severity === 'error').length;
      if (errors > 0) {
        io.stderr(`kpo-lint: the glossary has ${errors} error${errors === 1 ? '' : 's'}: fix ${errors === 1 ? 'it' : 'them'} and run again.\n`);
        brokenGlossary = true;
      } else engine = created.engine;
    }
    engines.set(key, engine);
    return engine;
  };

  const inputs = expandInputs(positionals, io.cwd);
  for (const m of inputs.errors) io.stderr(`kpo-lint: ${escapeControls(m)}\n`);
  for (const n of inputs.notes) io.stderr(`kpo-lint: note: ${escapeControls(n)}\n`);
  const results: FileResult[] = [];
  const fix = values.fix === true;
  const toStdout: string[] = [];
  for (const input of inputs.files) {
    const name = input.path === '-' ? '<stdin>' : relative(io.cwd, input.path);
    try {
      const result = checkFile(input, name);
      if (result) results.push(result);
    } catch (error) {
      // One file's failure never stops the run.
      results.push({ file: name, text: '', findings: [], problems: [{ severity: 'error', message: `internal error: ${(error as Error).message}` }] });
    }
  }

  function checkFile(input: InputFile, name: string): FileResult | undefined {
    const problem = (message: string): FileResult => ({ file: name, text: '', findings: [], problems: [{ severity: 'error', message }] });
    let bytes: Uint8Array | undefined;
    let snapshot: ReadSnapshot | undefined;
    let text = '';
    let bom = false;
    if (input.path === '-') {
      const stdin = io.readStdin(maxBytes);
      if (typeof stdin === 'string') text = stdin;
      else if ('error' in stdin) return problem(notChecked(stdin.error.replace(/over the .* limit$/, `over the ${maxMB} MB limit: raise it with --max-size`)));
      else bytes = stdin;
    } else {
      const read = snapshotFile(input.path, maxBytes);
      if ('error' in read) return problem(notChecked(read.error));
      snapshot = read;
      bytes = read.data;
    }
    if (bytes !== undefined) {
      if (bytes.length > maxBytes) return problem(notChecked(`is ${(bytes.length / MB).toFixed(1)} MB, over the ${maxMB} MB limit: raise it with --max-size`));
      const decoded = decodeUtf8(bytes);
      if ('error' in decoded) return problem(notChecked(decoded.error));
      text = decoded.text;
      bom = decoded.bom;
    }
    const engine = engineFor(input.path === '-' ? io.cwd : path.dirname(input.path));
    if (!engine) return undefined;
    const lint = (source: string) => engine.lint(engine.analyze(source), { rules });
    if (!fix) {
      // The analysis's line starts go with the findings: the report does not find them again.
      const analysis = engine.analyze(text);
      return { file: name, text, lineStarts: analysis.lineStarts, findings: engine.lint(analysis, { rules }), fixed: 0 };
    }
    const result = fixAll(text, lint);
    if (input.path === '-') {
      toStdout.push((bom ? '\ufeff' : '') + result.text);
      return { file: name, text: result.text, findings: result.findings, fixed: result.applied };
    }
    if (result.text === text) return { file: name, text, findings: result.findings, fixed: 0 };
    const outcome = replaceFile(snapshot!, encodeUtf8(result.text, bom), { within: input.within });
    if (outcome.written) return { file: name, text: result.text, findings: result.findings, fixed: result.applied };
    const problems: FileProblem[] = [{ severity: 'error', message: `Not fixed: ${outcome.reason}.` }];
    return { file: name, text, findings: lint(text), fixed: 0, problems };
  }

  for (const out of toStdout) io.stdout(out);
  const report = format === 'json' ? formatJson(results, glossaryProblems) : format === 'sarif' ? formatSarif(results, packageVersion()) : formatStylish(results, io.color && !values['no-color']);
  if (fix && inputs.files.some((f) => f.path === '-')) io.stderr(report);
  else io.stdout(report);
  const fileFailed = results.some((r) => (r.problems ?? []).some((p) => p.severity === 'error'));
  if (inputs.errors.length > 0 || fileFailed || brokenGlossary) return 2;
  if (failOn === 'none') return 0;
  // At or above the threshold: as severe or more, earlier in SEVERITIES.
  const threshold = SEVERITIES.indexOf(failOn as Severity);
  return results.some((r) => r.findings.some((f: Finding) => SEVERITIES.indexOf(f.severity) <= threshold)) ? 1 : 0;
}

function parseRuleSettings(specs: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const spec of specs) {
    const [id, level] = spec.split('=');
    if (!RULES.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id}" in --rule: see --list-rules.`);
    if (!(RULE_SETTINGS as readonly string[]).includes(level)) throw new UsageError(`--rule ${spec}: the level must be error, warning, info, hint or off.`);
    settings[id] = level as RuleSetting;
  }
  return settings;
}

/** "Not checked: it is a named pipe (FIFO), not a regular file." from a reason read.ts gives. */
function notChecked(reason: string): string {
  const r = reason.replace(/: skipped$/, '');
  return `Not checked: ${/^(is|has|cannot) /.test(r) ? `it ${r}` : r}.`;
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
