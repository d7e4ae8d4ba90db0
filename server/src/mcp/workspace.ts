// Where the MCP server may read, and the glossary it checks with. The roots are the working folder by
// default, and the client's MCP roots once it sends them (file: URIs; others are ignored). A file is
// read only when its real path (symbolic links followed) is inside a root. The glossary of a folder is
// the built-in one, then the .kpo-glossary.yaml / *.glossary.yaml files from the root holding it down
// to it (as kpo-lint and the editor find them, but never above the root); an engine is kept per list
// of files and made again when one of them changes on disk.

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { createEngine, type Engine, type GlossaryProblem } from '../core';
import { discoverGlossaryFiles } from '../node/discover';
import { builtinGlossaryPath, readGlossaryFiles, readTextFile } from '../node/files';
import { isInside, realFile } from '../node/paths';

export interface WorkspaceGlossary {
  engine: Engine;
  /** The glossary files in use, in load order. */
  files: string[];
  /** What is wrong in them (the entries that load are used all the same). */
  problems: GlossaryProblem[];
}

export class McpWorkspace {
  private rootList: string[];
  private readonly engines = new Map<string, { stamp: string; glossary: WorkspaceGlossary }>();

  constructor(cwd: string) {
    this.rootList = [realFile(cwd)];
  }

  get roots(): string[] {
    return this.rootList;
  }

  /** The client's roots (file: URIs); the working folder stays the root when it sends none usable. */
  setRoots(uris: string[], cwd: string): void {
    const folders = uris.flatMap((uri) => {
      try {
        return uri.startsWith('file:') ? [realFile(fileURLToPath(uri))] : [];
      } catch {
        return [];
      }
    });
    this.rootList = folders.length > 0 ? [...new Set(folders)] : [realFile(cwd)];
  }

  /** The absolute path of `file` (relative names start at the first root), or why it may not be read. */
  resolve(file: string): { file: string } | { error: string } {
    const absolute = path.resolve(this.rootList[0], file);
    const actual = realFile(absolute);
    if (this.rootList.some((root) => isInside(root, actual))) return { file: absolute };
    const via = actual !== absolute ? ` (it links to ${actual})` : '';
    return { error: `${absolute}${via} is outside the allowed roots (${this.rootList.join(', ')}): only files under them are read.` };
  }

  /** A Markdown file's text (strict UTF-8, at most `maxBytes`), once `resolve` allowed it. */
  read(file: string, maxBytes: number): { text: string } | { error: string } {
    const read = readTextFile(file, true, maxBytes);
    return 'error' in read ? { error: `${file}: ${read.error.replace(': split it into several files', '')}.` } : read;
  }

  /** The glossary for documents in `folder` (the first root when there is none). */
  glossaryFor(folder: string | undefined): WorkspaceGlossary {
    const dir = folder ?? this.rootList[0];
    const root = this.rootList.find((r) => isInside(r, realFile(dir))) ?? this.rootList[0];
    const discovered = discoverGlossaryFiles(dir, { stop: root, base: root });
    const files = [builtinGlossaryPath(), ...discovered.files];
    const key = files.join('\0');
    const stamp = files.map(stampOf).join('\0');
    const cached = this.engines.get(key);
    if (cached && cached.stamp === stamp) return cached.glossary;
    const read = readGlossaryFiles(files);
    const created = createEngine(read.sources);
    const glossary = { engine: created.engine, files, problems: [...discovered.problems, ...read.problems, ...created.problems] };
    this.engines.set(key, { stamp, glossary });
    return glossary;
  }
}

function stampOf(file: string): string {
  try {
    const st = fs.statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

