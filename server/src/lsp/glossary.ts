// The glossaries in use. A document's glossary is a list of files (the built-in one unless switched off,
// the workspace glossary files discovered for its folder, the files its settings name): one Engine per
// distinct list (documents of one folder share one), built when first needed and dropped when one of
// its files changes. A glossary file open in the editor is read from the editor (its unsaved text), so
// its problems show while it is typed. Every (re)load reports its status; a file whose new text yields
// no entries and has errors (a half-typed edit, a file mid-save) is replaced by its last text that did
// yield entries, so the writer keeps the last good glossary while fixing the file. A file the trust
// policy refuses (outside the workspace, in Restricted Mode) is not read and becomes a problem. Problems
// go to the log as warnings (an error-level message would make some clients pop their output panel)
// and to the status.

import { createEngine, type Engine } from '../core/engine';
import type { GlossarySource } from '../core/glossary/load';
import type { GlossaryProblem } from '../core/types';
import { builtinGlossaryPath, readTextFile } from '../node/files';
import type { GlossaryStatus } from '../shared/protocol';

export interface LoadedGlossary {
  engine: Engine;
  status: GlossaryStatus;
  /** All files of the set, in load order. */
  files: string[];
  /** The problems, with their ranges where known. */
  problems: GlossaryProblem[];
}

/** Says why a file may not be read, or undefined when it may. */
export type ReadPolicy = (file: string) => string | undefined;

const MAX_SETS = 16;

export class GlossaryStore {
  private readonly sets = new Map<string, LoadedGlossary>();
  /** Per file, the last text that yielded entries. */
  private readonly lastGood = new Map<string, string>();
  /** Texts of glossary files open in the editor, read instead of the disk. */
  private readonly overlays = new Map<string, string>();
  /** Every file that has been part of a glossary since the last full reload. */
  private readonly known = new Set<string>();
  private builtin: string | undefined;
  /** Bumped whenever loaded glossaries are dropped. */
  generation = 0;
  policy: ReadPolicy = () => undefined;

  constructor(
    private readonly onLoaded: (loaded: LoadedGlossary) => void,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void,
  ) {}

  /** The glossary made of these files (absolute paths, in load order), loading it when first asked. */
  get(files: string[]): LoadedGlossary {
    const wanted = [...new Set(files.filter((f) => f !== ''))];
    const key = JSON.stringify(wanted);
    let loaded = this.sets.get(key);
    if (!loaded) {
      loaded = this.load(wanted);
      this.sets.set(key, loaded);
      for (const file of wanted) this.known.add(file);
      // Keep only a few sets: most workspaces have one or two glossary folders.
      if (this.sets.size > MAX_SETS) this.sets.delete(this.sets.keys().next().value as string);
      this.onLoaded(loaded);
    }
    return loaded;
  }

  /** The files of the glossaries in use (or recently in use). */
  files(): string[] {
    return [...this.known];
  }

  /** Whether a path is (or recently was) one of the files in use. */
  uses(file: string): boolean {
    return this.known.has(file);
  }

  /** Forgets every loaded set; the next `get` reads the files again. */
  invalidate(): void {
    this.sets.clear();
    this.known.clear();
    this.generation++;
  }

  /** Forgets the sets that use `file`; true when there were any. */
  invalidateFile(file: string): boolean {
    let dropped = false;
    for (const [key, set] of this.sets) {
      if (set.files.includes(file)) {
        this.sets.delete(key);
        dropped = true;
      }
    }
    if (dropped) this.generation++;
    return dropped;
  }

  /**
   * Reads `file` from this text (the editor's) instead of the disk, or from the disk again when `text`
   * is undefined. True when what the file reads as changed.
   */
  setOverlay(file: string, text: string | undefined): boolean {
    const before = this.overlays.get(file);
    if (text === undefined) {
      if (before === undefined) return false;
      this.overlays.delete(file);
      const disk = readTextFile(file);
      if ('text' in disk && disk.text === before) return false;
    } else {
      if (before === text) return false;
      this.overlays.set(file, text);
      if (before === undefined) {
        const disk = readTextFile(file);
        if ('text' in disk && disk.text === text) return false;
      }
    }
    return this.invalidateFile(file) || this.known.has(file);
  }

  /** The text of a file as the glossaries read it: the editor's when open there, else the disk's. */
  textOf(file: string): { text: string } | { error: string } {
    const overlay = this.overlays.get(file);
    return overlay !== undefined ? { text: overlay } : readTextFile(file);
  }

  /** The built-in glossary's path ('' when the installation lacks it). */
  builtinPath(): string {
    if (this.builtin === undefined) {
      try {
        this.builtin = builtinGlossaryPath();
      } catch (error) {
        this.log('warn', (error as Error).message);
        this.builtin = '';
      }
    }
    return this.builtin;
  }

  private load(files: string[]): LoadedGlossary {
    const problems: GlossaryProblem[] = [];
    let sources: GlossarySource[] = [];
    const readable: string[] = [];
    for (const file of files) {
      const refused = file === this.builtinPath() ? undefined : this.policy(file);
      if (refused) {
        problems.push({ file, line: 1, column: 1, severity: 'warning', message: refused });
        continue;
      }
      readable.push(file);
      const read = this.textOf(file);
      if ('error' in read) problems.push({ file, line: 1, column: 1, severity: 'error', message: `The glossary ${read.error}.` });
      else sources.push({ file, text: read.text });
    }
    let created = createEngine(sources);
    const loadProblems = created.problems;
    const notes: GlossaryProblem[] = [];

    // Per file: keep its new text if it yielded entries (or has no errors), else its last good text.
    const fallback: GlossarySource[] = [];
    let substituted = false;
    for (const file of readable) {
      const source = sources.find((s) => s.file === file);
      const hasEntries = created.engine.glossary.entries.some((e) => e.source?.file === file || e.changedIn?.some((c) => c.file === file));
      const hasErrors = [...problems, ...loadProblems].some((p) => p.file === file && p.severity === 'error');
      const previous = this.lastGood.get(file);
      if (source && (hasEntries || !hasErrors)) {
        if (hasEntries) this.lastGood.set(file, source.text);
        fallback.push(source);
      } else if (previous !== undefined && previous !== source?.text) {
        fallback.push({ file, text: previous });
        substituted = true;
        notes.push({ file, line: 1, column: 1, severity: 'warning', message: 'Using the last version of this glossary that loaded, until the problems in it are fixed.' });
      } else if (source) {
        fallback.push(source);
      }
    }
    if (substituted) {
      sources = fallback;
      // The problems stay those of the current text (their positions are in it); only the engine changes.
      created = { engine: createEngine(sources).engine, problems: loadProblems };
    }

    const all = [...problems, ...loadProblems, ...notes];
    const status: GlossaryStatus = {
      entries: created.engine.glossary.entries.length,
      files,
      problems: all.map((p) => ({
        file: p.file,
        line: p.line,
        column: p.column,
        ...(p.endLine !== undefined ? { endLine: p.endLine, endColumn: p.endColumn } : {}),
        severity: p.severity,
        message: p.message,
      })),
      generation: this.generation,
    };
    for (const p of all) this.log('warn', `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    this.log('info', `Glossary loaded: ${status.entries} entries from ${files.length} file${files.length === 1 ? '' : 's'}${all.length ? `, ${all.length} problem${all.length === 1 ? '' : 's'}` : ''}.`);
    return { engine: created.engine, status, files, problems: all };
  }
}
