// Custom messages between the client and the server, beyond LSP. One namespace per message, with
// its method name and payload type.

export interface GlossaryStatus {
  /** Number of entries in use. */
  entries: number;
  /** The glossary files in use. */
  files: string[];
  /** Problems found when loading the glossary; the server keeps the last good glossary meanwhile. */
  problems: Array<{ file: string; line: number; column: number; severity: 'error' | 'warning'; message: string }>;
}

/** Server → client: the glossary was (re)loaded. Sent after initialization and on every reload. */
export namespace GlossaryStatusNotification {
  export const method = 'kpo/glossaryStatus';
  export type Params = GlossaryStatus;
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
