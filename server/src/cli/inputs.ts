// Turns kpo-lint's positional arguments into a list of files: files as given, folders searched for
// Markdown (skipping node_modules and hidden folders), globs expanded, "-" kept for standard input.
//
// Folder and glob searches never follow symbolic links: a link met there is skipped (with a note when
// it leads out of the folder given; a link to something inside is skipped silently, its target being
// found where it is), and so are FIFOs, devices and sockets with a Markdown name (with a note): they
// are never opened. A file named explicitly is taken as it is (reading checks what it is).

import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { isInside } from '../node/paths';
import { describeKind } from '../node/read';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export interface InputFile {
  /** The absolute path, or "-" for standard input. */
  path: string;
  /**
   * The real path of the folder the file was found under (a folder or glob search), or of its own
   * folder (a file named explicitly): --fix writes only while the file's real folder is inside it.
   */
  within?: string;
}

export interface Inputs {
  files: InputFile[];
  /** Arguments that name nothing: the run exits 2. */
  errors: string[];
  /** Things skipped on purpose (links leaving the folder, FIFOs, devices): reported, not errors. */
  notes: string[];
}

function realpath(file: string): string | undefined {
  try {
    return fs.realpathSync.native(file);
  } catch {
    return undefined;
  }
}

export function expandInputs(args: string[], cwd: string): Inputs {
  const files: InputFile[] = [];
  const errors: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  const add = (file: InputFile) => {
    if (!seen.has(file.path)) {
      seen.add(file.path);
      files.push(file);
    }
  };
  const show = (file: string) => {
    const rel = path.relative(cwd, file);
    return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
  };
  /** One entry met in a folder or glob search. */
  const consider = (full: string, stat: fs.Stats, within: string, given: string) => {
    if (stat.isSymbolicLink()) {
      const real = realpath(full);
      if (real === undefined) return; // a broken link: nothing to read
      if (!isInside(within, real)) notes.push(`${show(full)}: skipped, a symbolic link to ${real}, outside ${given} (links are not followed in folder searches).`);
      return;
    }
    if (stat.isDirectory()) return;
    if (!MARKDOWN.test(full)) return;
    if (!stat.isFile()) {
      notes.push(`${show(full)}: skipped, ${describeKind(stat)}, not a regular file.`);
      return;
    }
    add({ path: full, within });
  };
  const walk = (dir: string, within: string, given: string, found: { count: number }) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      errors.push(`${show(dir)}: the folder cannot be listed (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full, within, given, found);
        continue;
      }
      if (!entry.isSymbolicLink() && !MARKDOWN.test(entry.name)) continue;
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(full);
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        walk(full, within, given, found);
        continue;
      }
      const before = files.length;
      consider(full, stat, within, given);
      found.count += files.length - before;
    }
  };

  for (const arg of args) {
    if (arg === '-') {
      add({ path: '-' });
      continue;
    }
    const full = path.resolve(cwd, arg);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(full);
    } catch {
      stat = undefined;
    }
    if (stat?.isDirectory()) {
      const within = realpath(full) ?? full;
      const found = { count: 0 };
      walk(full, within, arg, found);
      if (found.count === 0 && !errors.some((e) => e.startsWith(show(full)))) errors.push(`${arg}: the folder holds no Markdown files.`);
    } else if (stat) {
      // Named explicitly: taken as it is, but written only while its folder is still where it was.
      add({ path: full, within: realpath(path.dirname(full)) });
    } else if (isDynamicPattern(arg)) {
      const base = staticBase(path.resolve(cwd, arg));
      const within = realpath(base) ?? base;
      const before = files.length;
      const matches = globSync([arg], { cwd, absolute: true, ignore: IGNORED, followSymbolicLinks: false, onlyFiles: false }).sort();
      for (const match of matches) {
        let entry: fs.Stats;
        try {
          entry = fs.lstatSync(match);
        } catch {
          continue;
        }
        consider(path.resolve(match), entry, within, arg);
      }
      if (files.length === before) errors.push(`${arg}: no Markdown file matches this pattern.`);
    } else {
      errors.push(`${arg}: no such file or folder.`);
    }
  }
  return { files, errors, notes };
}

/** The folder a glob searches under: its leading segments without pattern characters. */
function staticBase(pattern: string): string {
  const parts = pattern.split(/[\\/]/);
  const kept: string[] = [];
  for (const part of parts) {
    if (isDynamicPattern(part)) break;
    kept.push(part);
  }
  const base = kept.join(path.sep) || path.sep;
  return kept.length === parts.length ? path.dirname(base) : base;
}
