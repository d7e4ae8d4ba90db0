// What the block scanner hands to the inline scanner: each block found, and where its inline content
// lies (with the container prefixes to blank out, or its table cells).

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'table-row';

export interface BlockOut {
  kind: BlockKind;
  start: number;
  end: number;
  segments: { start: number; end: number; continues: boolean }[];
  headingLevel?: number;
  listDepth?: number;
  tableHeader?: boolean;
  quoteDepth?: number;
}

/**
 * Where each block's inline content is, in parallel arrays (one entry per block, in document
 * order): the content range, the container prefixes inside it (absolute offset pairs, to blank
 * out) or null, the table cells (absolute offset pairs) or null for text blocks, and whether a
 * leading task checkbox is markup (first paragraph of a list item).
 */
export class ContentSpecs {
  readonly block: BlockOut[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  readonly holes: Array<number[] | null> = [];
  readonly cells: Array<number[] | null> = [];
  readonly task: boolean[] = [];
  add(block: BlockOut, from: number, to: number, holes: number[] | null, cells: number[] | null, task: boolean): void {
    this.block.push(block);
    this.from.push(from);
    this.to.push(to);
    this.holes.push(holes);
    this.cells.push(cells);
    this.task.push(task);
  }
}

/** text[from, to) with the hole ranges (absolute pairs) replaced by spaces: same length. */
export function maskHoles(text: string, from: number, to: number, holes: number[]): string {
  let out = '';
  let p = from;
  for (let k = 0; k < holes.length; k += 2) {
    const hs = holes[k] < p ? p : holes[k];
    const he = holes[k + 1] > to ? to : holes[k + 1];
    if (hs >= he) continue;
    out += text.slice(p, hs) + ' '.repeat(he - hs);
    p = he;
  }
  return out + text.slice(p, to);
}
