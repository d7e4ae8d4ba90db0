// Turns kpo-lint's positional arguments into a list of files: files as given, folders searched for
// Markdown (skipping node_modules and hidden folders), globs expanded, "-" kept for standard input.

import * as fs from 'fs';
import * as path from 'path';
import { globSync, isDynamicPattern } from 'tinyglobby';

const MARKDOWN = /\.(md|markdown|mdown|mkd)$/i;
const IGNORED = ['**/node_modules/**', '**/.git/**'];

export function expandInputs(args: string[], cwd: string): { files: string[]; errors: string[] } {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
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
      const found = globSync(['**/*.{md,markdown,mdown,mkd}'], { cwd: full, absolute: true, ignore: IGNORED, dot: false }).sort();
      if (found.length === 0) errors.push(`${arg}: the folder holds no Markdown files.`);
      found.forEach(add);
    } else if (stat) {
      add(full);
    } else if (isDynamicPattern(arg)) {
      const found = globSync([arg], { cwd, absolute: true, ignore: IGNORED }).filter((f) => MARKDOWN.test(f)).sort();
      if (found.length === 0) errors.push(`${arg}: no Markdown file matches this pattern.`);
      found.forEach(add);
    } else {
      errors.push(`${arg}: no such file or folder.`);
    }
  }
  return { files, errors };
}
