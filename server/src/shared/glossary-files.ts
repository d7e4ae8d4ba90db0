// Which files are glossary files, for everyone who asks: discovery (node/discover.ts), the server
// (which serves them in the editor and reloads when they change) and the client (its document
// selector). Names only: no file system, so the client's browser build can use it too.

/** The glossary file at the root of a workspace folder, in the order an existing one is preferred. */
export const ROOT_GLOSSARY_NAMES = ['.kpo-glossary.yaml', '.kpo-glossary.yml', '.kpo-glossary.json'];

/** `.kpo-glossary.yaml` and `*.glossary.yaml`, also as .yml or .json (a file's base name). */
export function isGlossaryFileName(name: string): boolean {
  return /^\.kpo-glossary\.(ya?ml|json)$/i.test(name) || /^[^.].*\.glossary\.(ya?ml|json)$/i.test(name);
}

/** The order glossary files of one folder are read in: dot files first, then by name. */
export function compareGlossaryFileNames(a: string, b: string): number {
  return a.startsWith('.') === b.startsWith('.') ? a.localeCompare(b) : a.startsWith('.') ? -1 : 1;
}

/** The same names as a glob: the glossary files the editor checks (their problems, completion and hover in YAML). */
export const GLOSSARY_FILE_PATTERN = '**/{.kpo-glossary,*.glossary}.{yaml,yml,json}';

/**
 * What the server asks the client to watch. Glossary files of any name may be named in the settings;
 * dot files are spelled out for clients whose `*` skips them.
 */
export const GLOSSARY_WATCH_PATTERNS = ['**/*.{yaml,yml,json}', '**/.kpo-glossary.{yaml,yml,json}'];
