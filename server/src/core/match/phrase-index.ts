// A trie of multi-word phrases keyed by lowercase words. Finding the longest phrase that starts at
// a token costs one map lookup per word of that phrase, whatever the number of phrases, so a
// glossary of ten thousand terms matches as fast as one of ten.

import type { Words } from './tokens';

interface TrieNode<T> {
  next?: Map<string, TrieNode<T>>;
  values?: Array<Stored<T>>;
}

interface Stored<T> {
  value: T;
  /** Case-sensitive words the tokens must equal exactly (acronyms); absent for case-insensitive phrases. */
  exact?: string[];
}

export interface PhraseMatch<T> {
  value: T;
  /** Index of the first and last token of the match. */
  first: number;
  last: number;
}

export class PhraseIndex<T> {
  private readonly root = new Map<string, TrieNode<T>>();
  size = 0;

  /** Adds a phrase given as lowercase words; `exact` holds the words as they must be written, for case-sensitive phrases. */
  add(words: string[], value: T, exact?: string[]): void {
    if (words.length === 0) return;
    let level = this.root;
    let node: TrieNode<T> | undefined;
    for (let i = 0; i < words.length; i++) {
      node = level.get(words[i]);
      if (!node) {
        node = {};
        level.set(words[i], node);
      }
      if (i < words.length - 1) level = node.next ??= new Map();
    }
    (node!.values ??= []).push(exact ? { value, exact } : { value });
    this.size++;
  }

  /**
   * The longest phrase starting at word `first`, whose words are joined only by spaces or hyphens.
   * `accept` may refuse a candidate (for example a plural form when a singular exists); the next one is then tried.
   */
  longestAt(words: Words, first: number, accept?: (value: T) => boolean): PhraseMatch<T> | undefined {
    let level: Map<string, TrieNode<T>> | undefined = this.root;
    let best: PhraseMatch<T> | undefined;
    for (let i = first; i < words.length && level; i++) {
      if (i > first && !words.joins(i)) break;
      const node: TrieNode<T> | undefined = level.get(words.lower(i));
      if (!node) break;
      if (node.values) {
        for (const stored of node.values) {
          if (stored.exact && !exactMatch(words, first, stored.exact)) continue;
          if (accept && !accept(stored.value)) continue;
          best = { value: stored.value, first, last: i };
          break;
        }
      }
      level = node.next;
    }
    return best;
  }
}

function exactMatch(words: Words, first: number, exact: string[]): boolean {
  for (let k = 0; k < exact.length; k++) {
    if (words.text(first + k) !== exact[k]) return false;
  }
  return true;
}
