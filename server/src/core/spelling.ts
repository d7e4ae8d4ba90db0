// Words as a document writes them: its spelling (British or American), and the first sentence of a
// definition. Used where the extension writes glossary text into or beside a writer's document (the
// appendix, completion, the hover), so that it reads in the document's own spelling and whole sentences.

import type { DocumentAnalysis } from './analysis';

export type SpellingStyle = 'uk' | 'us';

/**
 * British and American spellings of the words of this field, as pairs [uk, us]. Only whole words
 * are converted, and only these: a general rule (-ise/-ize) would turn "size" into "sise".
 */
const PAIRS: Array<[string, string]> = [
  ['modelling', 'modeling'], ['modelled', 'modeled'], ['centre', 'center'], ['centres', 'centers'], ['labour', 'labor'],
  ['organisation', 'organization'], ['organisations', 'organizations'], ['organise', 'organize'], ['organised', 'organized'],
  ['organising', 'organizing'], ['standardised', 'standardized'], ['standardise', 'standardize'], ['analyse', 'analyze'],
  ['analysed', 'analyzed'], ['analysing', 'analyzing'], ['specialised', 'specialized'], ['specialise', 'specialize'],
  ['specialises', 'specializes'], ['specialising', 'specializing'], ['customised', 'customized'], ['customise', 'customize'],
  ['optimise', 'optimize'], ['optimised', 'optimized'], ['optimisation', 'optimization'], ['prioritise', 'prioritize'],
  ['recognise', 'recognize'], ['recognised', 'recognized'], ['summarise', 'summarize'], ['utilise', 'utilize'],
  ['utilisation', 'utilization'], ['digitisation', 'digitization'], ['digitise', 'digitize'], ['globalisation', 'globalization'],
  ['categorise', 'categorize'], ['minimise', 'minimize'], ['maximise', 'maximize'], ['authorise', 'authorize'],
  ['authorisation', 'authorization'], ['behaviour', 'behavior'], ['colour', 'color'], ['favour', 'favor'], ['honour', 'honor'],
  ['catalogue', 'catalog'], ['catalogues', 'catalogs'], ['programme', 'program'], ['programmes', 'programs'],
  ['licence', 'license'], ['defence', 'defense'], ['judgement', 'judgment'], ['enquiry', 'inquiry'], ['enquiries', 'inquiries'],
  ['cheque', 'check'], ['travelling', 'traveling'], ['cancelled', 'canceled'], ['fulfil', 'fulfill'], ['ageing', 'aging'],
];
const TO_US = new Map(PAIRS.map(([uk, us]) => [uk, us]));
const TO_UK = new Map(PAIRS.map(([uk, us]) => [us, uk]));
/** Words that mark a style in a document but have no entry above (and words shared by both, left out). */
const UK_MARKERS = new Set([...TO_US.keys(), 'realise', 'realised', 'emphasise', 'colleagues']);
const US_MARKERS = new Set([...TO_UK.keys(), 'realize', 'realized', 'emphasize']);
UK_MARKERS.delete('colleagues');
for (const shared of ['check', 'program', 'programs', 'license']) US_MARKERS.delete(shared);

const styles = new WeakMap<DocumentAnalysis, SpellingStyle | undefined>();

/** The spelling a document uses, from the words of its prose; undefined when it shows none or both equally. */
export function documentStyle(analysis: DocumentAnalysis): SpellingStyle | undefined {
  if (styles.has(analysis)) return styles.get(analysis);
  let uk = 0;
  let us = 0;
  for (const block of analysis.blocks) {
    for (const t of block.tokens) {
      if (UK_MARKERS.has(t.lower)) uk++;
      else if (US_MARKERS.has(t.lower)) us++;
    }
  }
  const style = uk > us ? 'uk' : us > uk ? 'us' : undefined;
  styles.set(analysis, style);
  return style;
}

/** Which style a name or text is written in, if it shows one. */
export function styleOf(text: string): SpellingStyle | undefined {
  let uk = 0;
  let us = 0;
  for (const w of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (UK_MARKERS.has(w)) uk++;
    else if (US_MARKERS.has(w)) us++;
  }
  return uk > us ? 'uk' : us > uk ? 'us' : undefined;
}

/** The text in the given spelling: the words of the pairs above are converted, in the case they had. */
export function respell(text: string, style: SpellingStyle | undefined): string {
  if (!style) return text;
  const map = style === 'uk' ? TO_UK : TO_US;
  return text.replace(/\p{L}+/gu, (word) => {
    const to = map.get(word.toLowerCase());
    if (!to) return word;
    if (word === word.toUpperCase() && word.length > 1) return to.toUpperCase();
    return /^\p{Lu}/u.test(word) ? to.charAt(0).toUpperCase() + to.slice(1) : to;
  });
}

/**
 * The first sentence of a text, whole: it ends at ".", "!" or "?" followed by a space and a capital
 * (or the end), never at a semicolon, and not after "e.g.", "i.e.", "etc." or an initial.
 */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const re = /[.!?](?=\s+["“(]?\p{Lu}|$)/gu;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const before = flat.slice(0, m.index + 1);
    if (/\b(e\.g|i\.e|etc|vs|approx|incl|cf|[A-Z])\.$/i.test(before)) continue;
    return before;
  }
  return flat;
}
