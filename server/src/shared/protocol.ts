// Custom messages between the client and the server, beyond LSP. One namespace per message, with
// its method name and payload type.

import type { GlossaryProblem } from '../core';

export interface GlossaryStatus {
  /** Number of entries in use. */
  entries: number;
  /** The glossary files in use, in load order (the built-in one first unless it is switched off). */
  files: string[];
  /**
   * Problems found when loading the glossary, as the core reports them (1-based line and column, like
   * editors show them); the server keeps the last good glossary meanwhile.
   */
  problems: GlossaryProblem[];
  /**
   * Counts the server's reloads: statuses of an older generation describe glossaries no longer in use.
   * Documents in different folders can use different glossaries (their own discovered files), so
   * several statuses of one generation may arrive.
   */
  generation?: number;
}

/** The `source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'kpo-glossary';

/** Server → client: a glossary was (re)loaded. Sent after initialization and on every reload. */
export namespace GlossaryStatusNotification {
  export const method = 'kpo/glossaryStatus';
  export type Params = GlossaryStatus;
}

/** Client → server: the status of the glossary a document uses (the workspace's when no uri is given). */
export namespace DocumentGlossaryStatusRequest {
  export const method = 'kpo/documentGlossaryStatus';
  export type Params = { uri?: string };
  export type Result = GlossaryStatus;
}

/** Client → server: the edit that inserts or refreshes the glossary appendix of a Markdown document. */
export namespace GlossaryAppendixRequest {
  export const method = 'kpo/glossaryAppendix';
  export type Params = { uri: string };
  /** The document's version the edit is for, and the edit (LSP range and text); null when not served. */
  export type Result = { version: number; range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string } | null;
}

/** Client → server: the workspace was trusted (Restricted Mode ended). */
export namespace WorkspaceTrustNotification {
  export const method = 'kpo/didChangeWorkspaceTrust';
  export type Params = { trusted: boolean };
}

/** What the VS Code client passes in `initializationOptions` (other editors may leave it out). */
export interface InitializationOptions {
  /** false in an untrusted workspace (VS Code's Restricted Mode); absent means trusted. */
  workspaceTrusted?: boolean;
  /** The client implements the commands below, so the server may offer code actions that run them. */
  glossaryCommands?: boolean;
  /**
   * VS Code for the Web only (the server in a web worker reads no files): the workspace's glossary
   * files as the client found and read them at start; later changes come as GlossaryFilesNotification.
   */
  glossaryFiles?: GlossaryFileText[];
}

/**
 * A glossary file's content as the browser client read it (VS Code for the Web): `uri` as the client's
 * protocol converter writes it; `text` (strict UTF-8, BOM stripped), or `error` (why it could not be
 * read: "does not exist", "is 20 MB, over the 16 MB limit"...), or `deleted`.
 */
export interface GlossaryFileText {
  uri: string;
  text?: string;
  error?: string;
  deleted?: boolean;
}

/**
 * Where the built-in glossary is in VS Code for the Web: the read-only file system the client serves it
 * from (client/src/builtin.ts), so its locations (go to definition, problems) open there.
 */
export const BUILTIN_GLOSSARY_URI = 'kpo-builtin:/kpo.glossary.yaml';

/** Client → server (VS Code for the Web): glossary files were created, changed or deleted. */
export namespace GlossaryFilesNotification {
  export const method = 'kpo/glossaryFiles';
  export type Params = { files: GlossaryFileText[] };
}

/** The client commands the server's code actions run (only when `glossaryCommands` is set). */
export const ADD_TO_GLOSSARY_COMMAND = 'kpoGlossary.addToGlossary';
export const ADD_ALIAS_COMMAND = 'kpoGlossary.addAlias';
export const INSERT_APPENDIX_COMMAND = 'kpoGlossary.insertAppendix';
/** Opens the glossary file at an entry (the built-in glossary read-only): the hover's "whole entry" link. */
export const SHOW_ENTRY_COMMAND = 'kpoGlossary.showEntry';

/** Arguments of SHOW_ENTRY_COMMAND: the entry, and where it is written (absent for one without a file). */
export interface ShowEntryArgs {
  id: string;
  source?: { file: string; line: number; column: number };
}

/** Arguments of ADD_TO_GLOSSARY_COMMAND: the document and the selected text. */
export interface AddToGlossaryArgs {
  uri: string;
  term: string;
}

/** Arguments of ADD_ALIAS_COMMAND: the document, the selected text, and the entry (asked for when absent). */
export interface AddAliasArgs {
  uri: string;
  alias: string;
  entry?: { id: string; term: string; source?: { file: string; line: number; column: number } };
}

/** A glossary entry as the client's quick picks show it. */
export interface EntrySummary {
  id: string;
  term: string;
  acronym?: string;
  category: string;
  definition: string;
  industries: string[];
  /** Where the entry is defined, for "show the entry". */
  source?: { file: string; line: number; column: number };
}

/** Client → server: the entries of the glossary in use. */
export namespace GlossaryEntriesRequest {
  export const method = 'kpo/glossaryEntries';
  /** The document whose settings name the glossary; the workspace's glossary when left out. */
  export type Params = { uri?: string };
  export type Result = EntrySummary[];
}

export interface FaqSummary {
  id: string;
  question: string;
  answer: string;
  /** Preferred terms of the entries the question is about. */
  terms: string[];
}

/** Client → server: the FAQ of the glossary in use. */
export namespace FaqRequest {
  export const method = 'kpo/faq';
  /** The document whose settings name the glossary; the workspace's glossary when left out. */
  export type Params = { uri?: string };
  export type Result = FaqSummary[];
}
