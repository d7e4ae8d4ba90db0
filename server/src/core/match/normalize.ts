// Word-level normalisation shared by the glossary index and the document tokenizer, so that a
// glossary name and the words of a document meet in one form: lowercase words, with hyphens and
// spaces equivalent ("data-entry" = "data entry").

const APOSTROPHES = new Set(["'", '\u2019']);

/** True for a UTF-16 code unit that belongs to a word: ASCII letters/digits, or any non-ASCII letter, digit or mark. */
export function isWordCode(code: number): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  }
  if (code >= 0xd800 && code <= 0xdfff) return false; // surrogates (emoji and rare scripts) separate words
  let known = WORD_CODES[code];
  if (known === 0) {
    known = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    WORD_CODES[code] = known;
  }
  return known === 1;
}
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
/** What WORD_CHAR said of each non-ASCII code unit so far: 0 not asked yet, 1 a word character, 2 not. */
const WORD_CODES = new Uint8Array(0x10000);

/** Splits a glossary name into lowercase words: letters and digits, with apostrophes kept inside a word. */
/** A word as names and documents are matched by: lowercased, a curly apostrophe made straight. */
export function lowerWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

export function nameWords(name: string): string[] {
  const words: string[] = [];
  let i = 0;
  while (i < name.length) {
    while (i < name.length && !isWordCode(name.charCodeAt(i))) i++;
    const start = i;
    while (i < name.length) {
      if (isWordCode(name.charCodeAt(i))) i++;
      else if (APOSTROPHES.has(name[i]) && i + 1 < name.length && isWordCode(name.charCodeAt(i + 1))) i += 2;
      else break;
    }
    if (i > start) {
      // A possessive "'s" is left out, as the tokenizer leaves it out of document words ("master's degree").
      let word = lowerWord(name.slice(start, i));
      if (word.length > 3 && word.endsWith("'s")) word = word.slice(0, -2);
      words.push(word);
    }
  }
  return words;
}

/** The key two names share when they are the same name to a reader: lowercase words joined by spaces. */
export function normalizeKey(name: string): string {
  return nameWords(name).join(' ');
}

/** Plural forms of an English word, for matching plurals without listing them ("analysis" → "analyses"). */
export function pluralForms(word: string): string[] {
  const forms = [word + 's'];
  if (/(s|x|z|ch|sh)$/.test(word)) forms.push(word + 'es');
  if (/[^aeiou]y$/.test(word)) forms.push(word.slice(0, -1) + 'ies');
  if (/is$/.test(word)) forms.push(word.slice(0, -2) + 'es');
  return forms;
}

/** The plural a writer would use for a whole term ("payroll processing" stays, "study" → "studies"). */
export function pluralize(term: string): string {
  if (/[^aeiou]y$/i.test(term)) return term.slice(0, -1) + (isUpper(term) ? 'IES' : 'ies');
  if (/is$/i.test(term)) return term.slice(0, -2) + (isUpper(term) ? 'ES' : 'es');
  if (/(s|x|z|ch|sh)$/i.test(term)) return term + (isUpper(term) ? 'ES' : 'es');
  return term + (isUpper(term) && term.length > 1 && !/^[A-Z0-9&]+$/.test(term) ? 'S' : 's');
}

function isUpper(text: string): boolean {
  return text === text.toUpperCase() && text !== text.toLowerCase();
}

/**
 * Writes `term` in the capitalisation style of `written`: all caps, all lowercase, Title Case or
 * Sentence case. Acronyms inside the term (words in capitals) keep their capitals.
 */
export function matchCase(term: string, written: string): string {
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return term.toUpperCase();
  const words = term.split(/(\s+|-)/);
  const keep = (w: string) => w.length > 1 && w === w.toUpperCase() && w !== w.toLowerCase();
  if (letters === letters.toLowerCase()) return words.map((w) => (keep(w) ? w : w.toLowerCase())).join('');
  const writtenWords = written.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
  const titled = writtenWords.length > 1 && writtenWords.every((w) => /^\P{L}*\p{Lu}/u.test(w));
  if (titled) return words.map((w) => (keep(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
  if (/^\P{L}*\p{Lu}/u.test(written)) {
    const lower = words.map((w) => (keep(w) ? w : w.toLowerCase())).join('');
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  }
  return term;
}
