// Loads and caches the glossaries in use: one Engine per distinct list of glossary files (documents of
// one folder share one), built when first needed and dropped when one of its files changes. A
// glossary file open in the editor is read from the editor (its unsaved text), so its problems show
// while it is typed. Every (re)load reports its status and goes through the last good glossary policy
// (last-good.ts). A file the trust policy refuses (outside the workspace, in Restricted Mode) is not
// read and becomes a problem. Problems go to the status and, when they change, to the log at their own
// level (the VS Code client never reveals its output channel on its own). Which files a document's
// glossary is made of is decided in glossary-sources.ts.

import { createEngine, type Engine, type GlossaryProblem, type GlossarySource, LastGoodGlossary, MAX_GLOSSARY_BYTES } from '../core';
import { isGlossaryFileName } from '../shared/glossary-files';
import type { GlossaryStatus } from '../shared/protocol';
import type { ServerHost } from './host';

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
/** Problems written to the log per load; the rest are counted (all of them reach the status and the editor). */
const MAX_LOGGED_PROBLEMS = 20;

export class EngineStore {
  private readonly sets = new Map<string, LoadedGlossary>();
  private readonly lastGood = new LastGoodGlossary();
  /** Texts of glossary files open in the editor, read instead of the disk. */
  private readonly overlays = new Map<string, string>();
  /** Per list of files, what the log last said of its load. */
  private readonly logged = new Map<string, string>();
  /** Every file that has been part of a glossary since the last full reload. */
  private readonly known = new Set<string>();
  private builtin: string | undefined;
  /** Bumped whenever loaded glossaries are dropped. */
  generation = 0;
  policy: ReadPolicy = () => undefined;

  constructor(
    private readonly host: ServerHost,
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

  /** Whether a file is a glossary file: named like one, or one of the files a glossary uses. */
  isGlossaryFile(file: string): boolean {
    return isGlossaryFileName(this.host.names.basename(file)) || this.uses(file);
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
      const disk = this.readDisk(file);
      if ('text' in disk && disk.text === before) return false;
    } else {
      if (before === text) return false;
      this.overlays.set(file, text);
      if (before === undefined) {
        const disk = this.readDisk(file);
        if ('text' in disk && disk.text === text) return false;
      }
    }
    return this.invalidateFile(file) || this.known.has(file);
  }

  /** Engines made lately, by the files and texts they were made of. */
  private readonly engines: Array<{ sources: GlossarySource[]; created: ReturnType<typeof createEngine> }> = [];

  /**
   * The engine of these sources: the one made before when the files and their texts are the same
   * (a settings change, a reload at start-up or a save without changes re-reads the files, but need
   * not load them again). Engines are not changed after they are made, so they can be shared.
   */
  private engineOf(sources: GlossarySource[]): ReturnType<typeof createEngine> {
    const same = this.engines.find((e) => e.sources.length === sources.length && e.sources.every((s, i) => s.file === sources[i].file && s.text === sources[i].text));
    if (same) return same.created;
    const created = createEngine(sources);
    this.engines.unshift({ sources: sources.map(({ file, text }) => ({ file, text })), created });
    if (this.engines.length > MAX_SETS) this.engines.pop();
    return created;
  }

  /** The text of a file as the glossaries read it: the editor's when open there, else the disk's. */
  private textOf(file: string): { text: string } | { problem: GlossaryProblem } {
    const overlay = this.overlays.get(file);
    return overlay !== undefined ? { text: overlay } : this.readDisk(file);
  }

  /** The text of a glossary file as the host reads it (on Node: from the disk). */
  private readDisk(file: string): { text: string } | { problem: GlossaryProblem } {
    return this.host.readGlossaryFile(file, MAX_GLOSSARY_BYTES);
  }

  /** The built-in glossary's path ('' when the installation lacks it). */
  builtinPath(): string {
    if (this.builtin === undefined) {
      try {
        this.builtin = this.host.builtinGlossaryFile();
      } catch (error) {
        this.log('warn', (error as Error).message);
        this.builtin = '';
      }
    }
    return this.builtin;
  }

  private load(files: string[]): LoadedGlossary {
    const problems: GlossaryProblem[] = [];
    const sources: GlossarySource[] = [];
    const readable: string[] = [];
    for (const file of files) {
      const refused = file === this.builtinPath() ? undefined : this.policy(file);
      if (refused) {
        problems.push({ file, line: 1, column: 1, severity: 'warning', message: refused });
        continue;
      }
      readable.push(file);
      const read = this.textOf(file);
      if ('problem' in read) problems.push(read.problem);
      else sources.push(this.host.glossarySource(file, read.text));
    }
    const started = performance.now();
    let created = this.engineOf(sources);
    const loadProblems = created.problems;
    let notes: GlossaryProblem[];
    ({ created, notes } = this.lastGood.apply(readable, sources, problems, created, createEngine));

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
    // The log records events, not keystrokes: a reload that ends as the last one did (the same entries
    // and problems, as while a glossary file is typed in) writes nothing.
    const summary = `Glossary loaded in ${Math.round(performance.now() - started)} ms: ${status.entries} entries from ${files.length} file${files.length === 1 ? '' : 's'}${all.length ? `, ${all.length} problem${all.length === 1 ? '' : 's'}` : ''}.`;
    const signature = JSON.stringify([files, status.entries, all.map((p) => [p.file, p.line, p.column, p.message])]);
    if (this.logged.get(JSON.stringify(files)) !== signature) {
      this.logged.set(JSON.stringify(files), signature);
      for (const p of all.slice(0, MAX_LOGGED_PROBLEMS)) this.log(p.severity === 'error' ? 'error' : 'warn', `${p.file}:${p.line}:${p.column}: ${p.message}`);
      if (all.length > MAX_LOGGED_PROBLEMS) this.log('warn', `… and ${all.length - MAX_LOGGED_PROBLEMS} more problems (all are in the Problems view).`);
      this.log('info', summary);
    }
    return { engine: created.engine, status, files, problems: all };
  }
}
