// The settings of the extension, shared by the client (package.json contributes them) and the server
// (reads them per document through workspace/configuration). A unit test checks that package.json's
// contributes.configuration matches these names, types and defaults, so the two never drift.

import type { RuleSetting } from '../core';

// One type for a rule's level, the core's own.
export type { RuleSetting };

export interface Settings {
  /** Severity per rule id; "off" disables a rule. Rules not named keep their default. */
  rules: Record<string, RuleSetting>;
  /** `details`: everything about an entry in the hover, not only its short form. */
  hover: { enable: boolean; details: boolean };
  completion: { enable: boolean };
  /** Whether the built-in KPO glossary is loaded (workspace glossary files and glossaryFiles still are). */
  builtin: { enable: boolean };
  /** Extra glossary files (YAML or JSON), added after the built-in and the discovered ones. */
  glossaryFiles: string[];
  /** Language ids the server checks. */
  languages: string[];
  /** The writer's industries, ranked first in completion. */
  industries: string[];
  /** Documents larger than this many megabytes (of text) are not checked; a message says so. */
  maxDocumentSizeMB: number;
}

/** The section name in VS Code settings: "kpoGlossary.rules", "kpoGlossary.hover.enable", ... */
export const SECTION = 'kpoGlossary';

export const DEFAULT_SETTINGS: Settings = {
  rules: {},
  hover: { enable: true, details: false },
  completion: { enable: true },
  builtin: { enable: true },
  glossaryFiles: [],
  languages: ['markdown'],
  industries: [],
  maxDocumentSizeMB: 10,
};
