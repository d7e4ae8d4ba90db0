// The language server's platform in VS Code for the Web (the web worker's entry, web/main.ts, makes
// it): a ServerHost over a mirror of the workspace's glossary files, which the browser client finds
// and reads (vscode.workspace.fs) and hands over — all of them at start in `initializationOptions`,
// each change later in a `kpo/glossaryFiles` notification. Files are named by their URIs, as the
// client writes them; folders are URIs without a trailing slash. The built-in glossary is the text the
// bundle carries. Nothing here reads, watches or resolves anything of a real file system: discovery is
// a walk up the mirror's folder names, from the document's folder to the workspace folder.

import type { GlossaryProblem, GlossarySource } from '../core';
import { compareGlossaryFileNames, isGlossaryFileName } from '../shared/glossary-files';
import type { GlossaryFileText, InitializationOptions } from '../shared/protocol';
import type { HostFile, HostWatch, ServerHost } from './host';
import { schemeOf } from './paths';

/** The built-in glossary as a bundle carries it: its URI (where the client shows it), its text and the build's digest. */
export interface BundledGlossary {
  uri: string;
  text: string;
  digest?: string;
}

/** What the mirror holds of one file: its text, or why the client could not read it. */
type Mirrored = { text: string } | { error: string };

/** LSP's FileChangeType: Created, Changed, Deleted. */
type ChangeType = 1 | 2 | 3;

const ENCODER = new TextEncoder();

export class MirrorHost implements ServerHost {
  private readonly files = new Map<HostFile, Mirrored>();
  private readonly listeners: ((changes: { file: HostFile; type: ChangeType }[]) => void)[] = [];
  readonly names = {
    sep: '/',
    dirname: (file: HostFile): HostFile => {
      const name = this.names.resolve(file);
      const slash = name.lastIndexOf('/');
      return slash < rootLength(name) ? name : name.slice(0, slash);
    },
    basename: (file: HostFile): string => {
      const name = this.names.resolve(file);
      const base = name.length === rootLength(name) ? '' : name.slice(name.lastIndexOf('/') + 1);
      try {
        return decodeURIComponent(base);
      } catch {
        return base;
      }
    },
    /** Without a trailing slash (a folder's URI may have one), and without `.` and `..` segments. */
    resolve: (file: HostFile): HostFile => normalize(file),
  };

  constructor(
    readonly version: string,
    private readonly builtin: BundledGlossary,
  ) {}

  /** The glossary files the client read at start (from `initializationOptions`). */
  start(options: InitializationOptions): void {
    for (const f of options.glossaryFiles ?? []) this.store(f);
  }

  /** The client's news of glossary files; the server hears of them as watched-file changes. */
  apply(files: GlossaryFileText[]): void {
    const changes: { file: HostFile; type: ChangeType }[] = [];
    for (const f of files) {
      const file = this.uriToFile(f.uri);
      if (file === undefined) continue;
      const existed = this.files.has(file);
      if (f.deleted) {
        this.files.delete(file);
        changes.push({ file, type: 3 });
      } else if (this.store(f)) changes.push({ file, type: existed ? 2 : 1 });
    }
    if (changes.length) for (const listener of this.listeners) listener(changes);
  }

  onFilesChanged(listener: (changes: { file: HostFile; type: ChangeType }[]) => void): void {
    this.listeners.push(listener);
  }

  /** Every document the client sends is served: its document selector chose them. */
  serves(uri: string): boolean {
    return schemeOf(uri) !== '';
  }

  uriToFile(uri: string): HostFile | undefined {
    return schemeOf(uri) === 'untitled' || schemeOf(uri) === '' ? undefined : normalize(uri);
  }

  fileToUri(file: HostFile): string {
    return file;
  }

  /** There is no current folder in a browser: relative `glossaryFiles` entries need a workspace folder. */
  currentFolder(): HostFile {
    return 'untitled:';
  }

  /** A URI as it is; a relative name from `base`; `/…` from the root of `base`'s authority. */
  resolveGlossaryFile(entry: string, base: HostFile): HostFile {
    if (/^[a-z][a-z0-9+.-]*:/i.test(entry)) return normalize(entry);
    const relative = entry.replace(/\\/g, '/');
    const root = normalize(base).slice(0, rootLength(normalize(base)));
    return normalize(relative.startsWith('/') ? root + relative : `${base}/${relative}`);
  }

  builtinGlossaryFile(): HostFile {
    return normalize(this.builtin.uri);
  }

  glossarySource(file: HostFile, text: string): GlossarySource {
    return file === this.builtinGlossaryFile() && text === this.builtin.text && this.builtin.digest !== undefined ? { file, text, digest: this.builtin.digest } : { file, text };
  }

  readGlossaryFile(file: HostFile, maxBytes: number): { text: string } | { problem: GlossaryProblem } {
    const problem = (why: string) => ({ problem: { file, line: 1, column: 1, severity: 'error' as const, message: `The glossary ${why}.` } });
    if (file === this.builtinGlossaryFile()) return { text: this.builtin.text };
    const mirrored = this.files.get(normalize(file));
    if (!mirrored) return problem('cannot be read (in VS Code for the Web, glossary files are read from the workspace folders only, and this one is not there)');
    if ('error' in mirrored) return problem(mirrored.error);
    const size = ENCODER.encode(mirrored.text).length;
    if (size > maxBytes) return problem(`is ${Math.ceil(size / 1024)} KB, over the ${Math.round(maxBytes / 1024)} KB limit: split it into several files`);
    return { text: mirrored.text };
  }

  realFile(file: HostFile): HostFile {
    return normalize(file);
  }

  fileSize(file: HostFile): number | undefined {
    const mirrored = this.files.get(normalize(file));
    return mirrored && 'text' in mirrored ? ENCODER.encode(mirrored.text).length : undefined;
  }

  /**
   * From `folder` up to `stop` (a workspace folder, in Restricted Mode) or else the root of the URI's
   * authority: the mirror holds only what the client read (the workspace's glossary files and those the
   * settings name), so the walk finds nothing from elsewhere.
   */
  discoveryFolders(folder: HostFile, stop: HostFile | undefined): HostFile[] {
    let current = normalize(folder);
    const limit = stop === undefined ? undefined : normalize(stop);
    const chain = [current];
    while (current !== limit) {
      const up = this.names.dirname(current);
      if (up === current) break;
      chain.push((current = up));
    }
    return chain;
  }

  glossaryFilesIn(folder: HostFile): HostFile[] {
    const dir = normalize(folder);
    const names: string[] = [];
    for (const [file, mirrored] of this.files) {
      if ('text' in mirrored && this.names.dirname(file) === dir && isGlossaryFileName(this.names.basename(file))) names.push(file.slice(dir.length + 1));
    }
    return names.sort((a, b) => compareGlossaryFileNames(decode(a), decode(b))).map((name) => `${dir}/${name}`);
  }

  /** The client watches (createFileSystemWatcher) and reports changes: nothing to watch here. */
  watchFolder(): HostWatch | undefined {
    return undefined;
  }

  /** Keeps what the client sent; false when it brought nothing new. */
  private store(f: GlossaryFileText): boolean {
    const file = this.uriToFile(f.uri);
    if (file === undefined) return false;
    const next: Mirrored = f.text !== undefined ? { text: f.text.replace(/^\uFEFF/, '') } : { error: f.error ?? 'cannot be read' };
    const previous = this.files.get(file);
    if (previous && JSON.stringify(previous) === JSON.stringify(next)) return false;
    this.files.set(file, next);
    return true;
  }
}

/** The length of `scheme://authority` (or `scheme:`) at the start of a URI: what dirname never cuts into. */
function rootLength(uri: string): number {
  const m = /^[a-z][a-z0-9+.-]*:(\/\/[^/]*)?/i.exec(uri);
  return m ? m[0].length : 0;
}

/** A URI without a trailing slash, `.` or `..` segments, or a query and fragment. */
function normalize(uri: string): string {
  const bare = uri.replace(/[?#].*$/, '');
  const root = rootLength(bare);
  const segments: string[] = [];
  for (const segment of bare.slice(root).split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  return bare.slice(0, root) + segments.map((s) => `/${s}`).join('');
}

function decode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
