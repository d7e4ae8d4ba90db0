// The "last good glossary" policy. A file whose new text yields no entries and has errors (a
// half-typed edit, a file mid-save) is replaced by its last text that did yield entries, so the writer
// keeps the last good glossary while fixing the file; and an entry that an error breaks while the rest
// of its file loads keeps its last good version (and the problem says so), so its hover and its
// findings do not vanish while the writer fixes a quote. Pure (texts in, texts out): the language
// server's engine store applies it to what it read.

import { stringify } from 'yaml';
import type { createEngine } from './create-engine';
import type { GlossarySource } from './glossary/load';
import type { GlossaryEntry, GlossaryProblem } from './types';

type Created = ReturnType<typeof createEngine>;

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

export class LastGoodGlossary {
  /** Per file, the last text that yielded entries. */
  private readonly lastGood = new Map<string, string>();
  /** Per file, the last good version of each of its entries, by id (as plain fields). */
  private readonly lastGoodEntries = new Map<string, Map<string, GlossaryEntry>>();

  /**
   * The engine to use for a load: `created` (made of `sources`, the texts as they are now) when every
   * file loads, else one with last good texts and entries put in. `problems` are the read problems
   * (files that could not be read); `readable` the files that were read or tried. The problems stay
   * those of the current texts; `notes` say what was substituted.
   */
  apply(
    readable: string[],
    sources: GlossarySource[],
    problems: GlossaryProblem[],
    created: Created,
    make: (sources: GlossarySource[]) => Created,
  ): { created: Created; notes: GlossaryProblem[] } {
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
      created = { engine: make(sources).engine, problems: loadProblems };
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
    return { created, notes };
  }
}
