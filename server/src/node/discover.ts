// Finds the glossary files that apply to a document, the way linters find their configuration: in the
// document's folder and each folder above it, up to a boundary. Files nearer the document come later,
// so their entries change farther ones.
//
// The boundary (see SECURITY.md): the repository root (a folder holding .git), or `stop` when given (a
// workspace folder); outside a repository, the starting folder `base` (kpo-lint: its current folder)
// or the user's home folder, whichever is higher, when the document is inside them, else the
// document's own folder, never `/`. A glossary file is used only when no other user could have put
// it there: a glossary in a folder that others can write to, or a file owned by another user (not the
// runner, not root) or writable by others, is ignored with a warning positioned at 1:1 of that file.
// FIFOs, devices and sockets with a glossary name are skipped with a warning and never opened.

import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { GlossaryProblem } from '../core';
import { compareGlossaryFileNames, isGlossaryFileName } from '../shared/glossary-files';
import { isInside } from './paths';
import { describeKind } from './read';

function runnerIds(): { uid: number; gid: number } {
  return { uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
}

const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(4, '0');

/**
 * Why other users could change what this file or folder holds, or undefined when only the runner (or
 * root) can: writable by others, writable by a group that is not the runner's, owned by another user.
 * (Only on POSIX systems; elsewhere everything is accepted.)
 */
export function sharedWith(stat: fs.Stats, what: 'folder' | 'file'): string | undefined {
  const { uid, gid } = runnerIds();
  if (uid < 0) return undefined;
  if (stat.mode & 0o002) return `other users can write to this ${what} (mode ${octal(stat.mode)})`;
  if (stat.mode & 0o020 && stat.gid !== gid) return `the group ${stat.gid} can write to this ${what} (mode ${octal(stat.mode)})`;
  if (stat.uid !== uid && stat.uid !== 0) return `this ${what} belongs to user ${stat.uid}, not to you (user ${uid}) or root`;
  return undefined;
}

/** Glossary files of one folder that are safe to read, and why the others are ignored. */
export function scanGlossaryFolder(dir: string): { files: string[]; problems: GlossaryProblem[] } {
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter(isGlossaryFileName);
  } catch {
    return { files: [], problems: [] };
  }
  names.sort(compareGlossaryFileNames);
  const files: string[] = [];
  const problems: GlossaryProblem[] = [];
  if (names.length === 0) return { files, problems };
  const ignore = (file: string, why: string) =>
    problems.push({ file, line: 1, column: 1, severity: 'warning', message: `Ignored: ${why}. Name it with --glossary (in the editor: kpoGlossary.glossaryFiles) if you trust it.` });
  let folderShared: string | undefined;
  try {
    folderShared = sharedWith(fs.statSync(dir), 'folder');
  } catch {
    folderShared = undefined;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      continue; // a broken link or a file gone since the listing
    }
    if (stat.isDirectory()) continue;
    if (!stat.isFile()) {
      ignore(file, `it is ${describeKind(stat)}, not a regular file, so it is not read`);
      continue;
    }
    if (folderShared) {
      ignore(file, `a glossary found in a folder others can write to could have been put there by anyone (${folderShared.replace('this folder', path.dirname(file))})`);
      continue;
    }
    const fileShared = sharedWith(stat, 'file');
    if (fileShared) {
      ignore(file, `another user could have written this glossary (${fileShared})`);
      continue;
    }
    files.push(file);
  }
  return { files, problems };
}

/** Glossary files of one folder, sorted by name (`.kpo-glossary.*` first); unsafe ones left out. */
export function glossaryFilesIn(dir: string): string[] {
  return scanGlossaryFolder(dir).files;
}

function isRoot(dir: string): boolean {
  return path.dirname(dir) === dir;
}

/**
 * The folders searched for a document in `dir`, innermost first: `dir` and each folder above it, up to
 * and including the repository root (a folder holding .git) or `stop`. Outside a repository (and
 * without `stop` on the way): up to `base` or the home folder, the higher of the two that hold `dir`,
 * else `dir` alone — and never the file-system root. Without `base` (callers that have no starting
 * folder), up to the home folder when `dir` is inside it, else up to the last folder below one that
 * others can write to (such as /tmp).
 */
export function discoveryFolders(dir: string, stop?: string, base?: string): string[] {
  const start = path.resolve(dir);
  const limit = stop ? path.resolve(stop) : undefined;
  const chain: string[] = [];
  let current = start;
  let bounded = false;
  for (let i = 0; i < 256; i++) {
    chain.push(current);
    if (current === limit || fs.existsSync(path.join(current, '.git'))) {
      bounded = true;
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  if (bounded) return chain;
  // Outside a repository: never above the starting folder or the home folder.
  const home = safeHome();
  const candidates = [start];
  if (home && isInside(home, start)) candidates.push(home);
  if (base !== undefined) {
    const b = path.resolve(base);
    if (!isRoot(b) && isInside(b, start)) candidates.push(b);
    const top = candidates.reduce((a, c) => (c.length < a.length ? c : a));
    return chain.slice(0, chain.indexOf(top) + 1);
  }
  if (candidates.length > 1) return chain.slice(0, chain.indexOf(home!) + 1);
  const kept: string[] = [start];
  for (const folder of chain.slice(1)) {
    if (isRoot(folder)) break;
    let shared: string | undefined;
    try {
      shared = sharedWith(fs.statSync(folder), 'folder');
    } catch {
      shared = 'unreadable';
    }
    if (shared) break;
    kept.push(folder);
  }
  return kept;
}

function safeHome(): string | undefined {
  try {
    const home = path.resolve(os.homedir());
    return home && !isRoot(home) ? home : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The glossary files for a document in `dir`, from the outermost folder down to `dir`, and a warning
 * for each glossary file ignored because another user could have put it there.
 */
export function discoverGlossaryFiles(dir: string, options: { stop?: string; base?: string } = {}): { files: string[]; problems: GlossaryProblem[] } {
  const files: string[] = [];
  const problems: GlossaryProblem[] = [];
  for (const folder of discoveryFolders(dir, options.stop, options.base).reverse()) {
    const scan = scanGlossaryFolder(folder);
    for (const f of scan.files) files.push(f);
    for (const p of scan.problems) problems.push(p);
  }
  return { files, problems };
}

/** The glossary files for a document in `dir` (see discoverGlossaryFiles). */
export function discoverGlossaries(dir: string, stop?: string, base?: string): string[] {
  return discoverGlossaryFiles(dir, { stop, base }).files;
}
