// The glossaries in use: the built-in one plus the extra files a document's settings name. One Engine
// per distinct list of extra files (usually one), built when first needed and dropped when settings or
// files change. Every (re)load reports its status; a file whose new text yields no entries and has
// errors (a half-typed edit, a file mid-save) is replaced by its last text that did yield entries, so
// the writer keeps the last good glossary while fixing the file. Problems go to the log as warnings
// (an error-level message would make some clients pop their output panel) and to the status.

import { Engine } from '../core/engine';
import { loadGlossary, type GlossarySource } from '../core/glossary/load';
import type { GlossaryProblem } from '../core/types';
import { builtinGlossaryPath, readGlossaryFiles } from '../node/files';
import type { GlossaryStatus } from '../shared/protocol';

export interface LoadedGlossary {
  engine: Engine;
  status: GlossaryStatus;
  /** All files of the set, the built-in one first. */
  files: string[];
}

export class GlossaryStore {
  private readonly sets = new Map<string, LoadedGlossary>();
  /** Per file, the last text that yielded entries. */
  private readonly lastGood = new Map<string, string>();
  private builtin: string | undefined;

  constructor(
    private readonly onLoaded: (loaded: LoadedGlossary) => void,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void,
  ) {}

  /** The glossary for a list of extra files (absolute paths), loading it when first asked. */
  get(extraFiles: string[]): LoadedGlossary {
    const files = [this.builtinPath(), ...extraFiles.filter((f) => f !== this.builtinPath())];
    const key = JSON.stringify(files);
    let loaded = this.sets.get(key);
    if (!loaded) {
      loaded = this.load(files);
      this.sets.set(key, loaded);
      // Keep only a few sets: different folders rarely name different glossaries.
      if (this.sets.size > 8) this.sets.delete(this.sets.keys().next().value as string);
      this.onLoaded(loaded);
    }
    return loaded;
  }

  /** Whether a path is one of the files in use. */
  uses(file: string): boolean {
    for (const set of this.sets.values()) if (set.files.includes(file)) return true;
    return false;
  }

  /** Forgets every loaded set; the next `get` reads the files again. */
  invalidate(): void {
    this.sets.clear();
  }

  private builtinPath(): string {
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
    const wanted = files.filter((f) => f !== '');
    const read = readGlossaryFiles(wanted);
    let sources = read.sources;
    let result = loadGlossary(sources);
    const problems: GlossaryProblem[] = [...read.problems, ...result.problems];
    const notes: GlossaryProblem[] = [];

    // Per file: keep its new text if it yielded entries (or has no errors), else its last good text.
    const fallback: GlossarySource[] = [];
    let substituted = false;
    for (const file of wanted) {
      const source = sources.find((s) => s.file === file);
      const hasEntries = result.glossary.entries.some((e) => e.source?.file === file);
      const hasErrors = problems.some((p) => p.file === file && p.severity === 'error');
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
      result = loadGlossary(sources);
    }

    const all = [...problems, ...notes];
    const status: GlossaryStatus = {
      entries: result.glossary.entries.length,
      files: wanted,
      problems: all.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, message: p.message })),
    };
    for (const p of all) this.log('warn', `${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message}`);
    this.log('info', `Glossary loaded: ${status.entries} entries from ${wanted.length} file${wanted.length === 1 ? '' : 's'}${all.length ? `, ${all.length} problem${all.length === 1 ? '' : 's'}` : ''}.`);
    return { engine: new Engine(result.glossary), status, files: wanted };
  }
}
