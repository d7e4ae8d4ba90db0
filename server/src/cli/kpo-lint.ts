// kpo-lint: the engine on the command line, for CI. Exit status: 0 clean (below --fail-on), 1 findings
// at or above --fail-on, 2 usage errors, unreadable files or a broken glossary.

import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { createEngine, type Engine, type RuleSetting } from '../core/engine';
import { fixAll } from '../core/apply-fixes';
import { RULES } from '../core/rules';
import type { Finding, GlossaryProblem, Severity } from '../core/types';
import { builtinGlossaryPath, packageVersion, readGlossaryFiles, readTextFile } from '../node/files';
import { discoverGlossaries } from '../node/discover';
import { expandInputs } from './inputs';
import { formatJson, formatProblems, formatSarif, formatStylish, type FileResult } from './format';

const HELP = `Usage: kpo-lint [options] [files, folders or globs...]

Checks Markdown documents against the KPO glossary: KPO vs BPO confusions, wrong or
missing acronym expansions, non-standard terms. Folders are searched for *.md files;
"-" reads standard input.

Options:
  --glossary FILE        add a glossary file (YAML or JSON) to the built-in one; repeatable
  --no-builtin           do not load the built-in KPO glossary
  --no-discovery         do not look for .kpo-glossary.yaml / *.glossary.yaml files in each
                         document's folder and the folders above it (up to the repository root)
  --format NAME          stylish (default), json or sarif
  --fix                  apply the safe fixes (correct by construction), writing files atomically;
                         suggestions such as a KPO/BPO switch are left for the editor
                         (with "-", the fixed text goes to standard output)
  --fail-on LEVEL        exit 1 when a finding is at least: error, warning (default), info, or none
  --rule ID=LEVEL        set a rule's severity: error, warning, info, hint or off; repeatable
  --list-rules           list the rules and their default severities
  --no-color             plain output
  -h, --help             show this help
  -v, --version          show the version

Exit status: 0 no finding at the --fail-on level, 1 findings, 2 a usage error, an unreadable
file or a broken glossary.`;

const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

class UsageError extends Error {}

export interface Io {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => string;
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
    io.stderr(`kpo-lint: internal error: ${(error as Error).stack ?? error}\n`);
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
  if (positionals.length === 0) throw new UsageError('no input: name Markdown files, folders or globs, or "-" for standard input.');

  // Glossaries: the built-in one, the files found from each document's folder upward, then --glossary
  // files. A broken glossary is a hard error, reported once with its positions.
  const builtin = values['no-builtin'] ? [] : [builtinGlossaryPath()];
  const extra = (values.glossary ?? []).map((g) => path.resolve(io.cwd, g));
  const engines = new Map<string, Engine | undefined>();
  let brokenGlossary = false;
  const glossaryProblems: GlossaryProblem[] = [];
  const engineFor = (dir: string): Engine | undefined => {
    const files = [...new Set([...builtin, ...(values['no-discovery'] ? [] : discoverGlossaries(dir)), ...extra])];
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
      glossaryProblems.push(...problems);
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
  const missing = inputs.errors;
  for (const m of missing) io.stderr(`kpo-lint: ${m}\n`);
  const results: FileResult[] = [];
  let unreadable = missing.length > 0;
  for (const input of inputs.files) {
    let text: string;
    if (input === '-') text = io.readStdin();
    else {
      const r = readTextFile(input, false);
      if ('error' in r) {
        io.stderr(`kpo-lint: ${relative(io.cwd, input)} ${r.error}.\n`);
        unreadable = true;
        continue;
      }
      text = r.text;
    }
    const name = input === '-' ? '<stdin>' : relative(io.cwd, input);
    const engine = engineFor(input === '-' ? io.cwd : path.dirname(input));
    if (!engine) continue;
    const lint = (source: string) => engine.lint(engine.analyze(source), { rules });
    let findings: Finding[];
    let fixed = 0;
    if (values.fix) {
      const result = fixAll(text, lint);
      findings = result.findings;
      fixed = result.applied;
      if (input === '-') io.stdout(result.text);
      else if (result.text !== text) writeAtomically(input, result.text);
      text = result.text;
    } else {
      findings = lint(text);
    }
    results.push({ file: name, text, findings, fixed });
  }
  const report = format === 'json' ? formatJson(results, glossaryProblems) : format === 'sarif' ? formatSarif(results, packageVersion()) : formatStylish(results, io.color && !values['no-color']);
  if (values.fix && inputs.files.includes('-')) io.stderr(report);
  else io.stdout(report);
  if (unreadable || brokenGlossary) return 2;
  if (failOn === 'none') return 0;
  const threshold = SEVERITY_RANK[failOn as Severity];
  return results.some((r) => r.findings.some((f: Finding) => SEVERITY_RANK[f.severity] >= threshold)) ? 1 : 0;
}

function parseRuleSettings(specs: string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const spec of specs) {
    const [id, level] = spec.split('=');
    if (!RULES.some((r) => r.id === id)) throw new UsageError(`unknown rule "${id}" in --rule: see --list-rules.`);
    if (!['error', 'warning', 'info', 'hint', 'off'].includes(level)) throw new UsageError(`--rule ${spec}: the level must be error, warning, info, hint or off.`);
    settings[id] = level as RuleSetting;
  }
  return settings;
}

/** Writes through a temporary file in the same folder and a rename, so an interrupted run leaves the original whole. */
export function writeAtomically(file: string, text: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.kpo-lint-${process.pid}.tmp`);
  try {
    const mode = fs.statSync(file).mode;
    fs.writeFileSync(temp, text, { mode });
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

function relative(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
