// An engine made from glossary sources: the glossary loaded, the engine built, and the entries' example
// sentences checked with it (core/examples.ts). Beside the engine, not in it, so that the engine does
// not import the check that imports it.

import { Engine } from './engine';
import { checkExamples } from './examples';
import { loadGlossary, type GlossarySource } from './glossary/load';
import type { GlossaryProblem } from './types';

/**
 * Loads glossary sources into an engine and checks the entries' example sentences. The problems are
 * the loader's and the examples'; the engine holds every entry that loaded.
 */
export function createEngine(sources: GlossarySource[]): { engine: Engine; problems: GlossaryProblem[] } {
  const { glossary, problems } = loadGlossary(sources);
  const engine = new Engine(glossary);
  return { engine, problems: [...problems, ...checkExamples(engine)] };
}
