// The engine's front door: everything the adapters (the language server, kpo-lint, the VS Code client,
// the Node helpers and the shared protocol types) use of the core is exported here, and they import
// nothing else of it (test/unit/layers.test.ts). Inside the core, modules import each other directly.

// Types of the engine's results and of a glossary.
export type { Finding, Fix, GlossaryProblem, Glossary, GlossaryEntry, Severity, RuleSetting, TextEdit } from './types';
export { SEVERITIES, RULE_SETTINGS } from './types';

// Making an engine from glossary texts, and using it.
export { createEngine } from './create-engine';
export type { Engine, CompletionCandidate } from './engine';
export type { DocumentAnalysis } from './analysis';
export { RULES, rulePage } from './rules';
export { documentDefinitions } from './rules/definitions';

// Glossaries: sources, limits, labels, the side of a category, editing a glossary file's text, and where
// an offset is in a half-typed YAML glossary.
export type { GlossarySource } from './glossary/load';
export { GLOSSARY_FIELDS, MAX_GLOSSARY_BYTES } from './glossary/load';
export { entryLabel } from './glossary/label';
export { lookupEntry, type LookupResult } from './glossary/lookup';
export { LastGoodGlossary } from './last-good';
export { sideOfCategory } from './glossary/index';
export { addAlias, addEntry, formatOf, type EditResult } from './glossary/edit';
export { yamlSpot, type MappingKind, type YamlSpot } from './glossary/yaml-spot';

// Fixes: which edits are safe, fix-all, the disable comment, the appendix.
export { applicableEdits, chooseSafeEdits, fixAll, hasSafeFix, minimalEdit, type FixPass } from './apply-fixes';
export { disableEdit } from './disable-comment';
export { appendixEdit } from './appendix';

// Selections and words: the term under a selection, entries near it, a definition's first sentence.
export { entriesNearby, selectedTerm } from './selection';
export { firstSentence } from './spelling';

// Offsets ↔ lines and columns, and the one binary search.
export { fromOneBased, lineOf, lineStartsOf, offsetAt, oneBasedRange, positionAt, type Position } from './positions';
export { countBefore } from './search';
