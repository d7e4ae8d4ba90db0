// The glossaries in use. A document's glossary is a list of files (the built-in one unless switched off,
// the workspace glossary files discovered for its folder, the files its settings name): one Engine per
// distinct list (documents of one folder share one), built when first needed and dropped when one of
// its files changes. A glossary file open in the editor is read from the editor (its unsaved text), so
// its problems show while it is typed. Every (re)load reports its status; a file whose new text yields
// no entries and has errors (a half-typed edit, a file mid-save) is replaced by its last text that did
// yield entries, so the writer keeps the last good glossary while fixing the file; and an entry that an
// error breaks while the rest of its file loads keeps its last good version (and the problem says so),
// so its hover and its findings do not vanish while the writer fixes a quote. A file the trust
// policy refuses (outside the workspace, in Restricted Mode) is not read and becomes a problem. Problems
// go to the status and, when they change, to the log at their own level (the VS Code client never
// reveals its output channel on its own).

import { createEngine, type Engine } from '../core/engine';
import type { GlossarySource } from '../core/glossary/load';
import type { GlossaryEntry, GlossaryProblem } from '../core/types';
import { stringify } from 'yaml';
import { builtinGlossaryPath, glossarySource, readTextFile } from '../node/files';
import type { GlossaryStatus } from '../shared/protocol';

export interface LoadedGlossary {
  engine: Engine;
  status: GlossaryStatus;
  /** All files of the set, in load order. */
  files: string[];
  /** The problems, with their ranges where known. */
  problems: GlossaryProblem[];
}

/** An entry as glossary-file fields (for re-reading a last good version). */
function plainEntry(e: GlossaryEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, term: e.term, category: e.category, definition: e.definition };
  if (e.acronym) out.acronym = e.acronym;
  for (const key of ['aliases', 'avoid', 'related', 'examples', 'notes'] as const) if (e[key].length > 0) out[key] = e[key];
  if (e.industries.length > 0) out.industry = e.industries;
  if (e.contested) out.contested = true;
  if (e.wellKnown) out.wellKnown = true;
  if (e.side) out.side = e.side;
  return out;
}

/** Says why a file may not be read, or undefined when it may. */
export type ReadPolicy = (file: string) => string | undefined;

const MAX_SETS = 16;
/** Problems written to the log per load; the rest are counted (all of them reach the status and the editor). */
const MAX_LOGGED_PROBLEMS = 20;

export class GlossaryStore {
  private readonly sets = new Map<string, LoadedGlossary>();
  /** Per file, the last text that yielded entries. */
  private readonly lastGood = new Map<string, string>();
  /** Per file, the last good version of each of its entries, by id (as plain fields). */
  private readonly lastGoodEntries = new Map<string, Map<string, GlossaryEntry>>();
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
      else sources.push(glossarySource(file, read.text));
    }
    const started = performance.now();
    let created = this.engineOf(sources);
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
    // Entries an error broke in a file that otherwise loads: their last good versions, as a source of
    // their own right after the file (so they change earlier files as the file itself would).
    const kept: Array<{ file: string; entry: GlossaryEntry }> = [];
    for (const source of fallback) {
      const good = this.lastGoodEntries.get(source.file);
      const errors = loadProblems.filter((p) => p.file === source.file && p.severity === 'error');
      if (!good || errors.length === 0) continue;
      const present = new Set(created.engine.glossary.entries.filter((e) => e.source?.file === source.file).map((e) => e.id));
      for (const [id, entry] of good) {
        // Broken, not deleted: the text still names it.
        if (!present.has(id) && (source.text.includes(entry.term) || source.text.includes(`id: ${id}`))) kept.push({ file: source.file, entry });
      }
    }
    if (kept.length > 0) {
      const withKept: GlossarySource[] = [];
      for (const source of fallback) {
        withKept.push(source);
        const mine = kept.filter((k) => k.file === source.file).map((k) => plainEntry(k.entry));
        if (mine.length > 0) withKept.push({ file: source.file, text: stringify({ terms: mine }) });
      }
      sources = withKept;
      substituted = true;
      for (const { file, entry } of kept) {
        const problem = loadProblems.find((p) => p.file === file && p.severity === 'error');
        notes.push({ file, line: problem?.line ?? 1, column: problem?.column ?? 1, severity: 'warning', message: `Using the last good version of “${entry.term}” until the problem in it is fixed.` });
      }
    }
    if (substituted) {
      sources = fallback.length === sources.length ? fallback : sources;
      // The problems stay those of the current text (their positions are in it); only the engine changes.
      created = { engine: createEngine(sources).engine, problems: loadProblems };
      // Kept entries point where they were last written.
      for (const { entry } of kept) {
        const now = created.engine.glossary.byId.get(entry.id);
        if (now && entry.source) now.source = { ...entry.source };
      }
    }
    // Remember each file's entries as they are now, for the next time one of them breaks.
    for (const file of readable) {
      const errors = loadProblems.some((p) => p.file === file && p.severity === 'error');
      const good = new Map(errors ? this.lastGoodEntries.get(file) ?? [] : []);
      for (const e of created.engine.glossary.entries) if (e.source?.file === file) good.set(e.id, e);
      this.lastGoodEntries.set(file, good);
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
