// Finds the glossary files that apply to a document, the way linters find their configuration: in the
// document's folder and each folder above it, up to the repository root (a folder holding .git) or
// the file-system root. Files nearer the document come later, so their entries change farther ones.

import * as fs from 'fs';
import * as path from 'path';

/** `.kpo-glossary.yaml` and `*.glossary.yaml`, also as .yml or .json. */
export function isGlossaryFileName(name: string): boolean {
  return /^\.kpo-glossary\.(ya?ml|json)$/i.test(name) || /^[^.].*\.glossary\.(ya?ml|json)$/i.test(name);
}

/** Glossary files of one folder, sorted by name (`.kpo-glossary.*` first). */
export function glossaryFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter(isGlossaryFileName)
    .sort((a, b) => (a.startsWith('.') === b.startsWith('.') ? a.localeCompare(b) : a.startsWith('.') ? -1 : 1))
    .map((name) => path.join(dir, name))
    .filter((file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    });
}

/**
 * The folders searched for a document in `dir`, innermost first: `dir` and each folder above it, up to
 * and including the repository root (a folder holding .git), `stop`, or the file-system root.
 */
export function discoveryFolders(dir: string, stop?: string): string[] {
  const folders: string[] = [];
  let current = path.resolve(dir);
  const limit = stop ? path.resolve(stop) : undefined;
  for (let i = 0; i < 64; i++) {
    folders.push(current);
    if (current === limit || fs.existsSync(path.join(current, '.git'))) break;
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return folders;
}

/**
 * The glossary files for a document in `dir`: from the outermost folder (the repository root or `stop`)
 * down to `dir`. `stop`, when given, is the highest folder searched (a workspace folder).
 */
export function discoverGlossaries(dir: string, stop?: string): string[] {
  return discoveryFolders(dir, stop).reverse().flatMap(glossaryFilesIn);
}
