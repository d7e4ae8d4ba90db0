// Coverage of the domain vocabulary: the share of domain-term occurrences in the evaluation documents
// that get a hover. The terms are listed in test/eval/domain-terms.txt, written by a helper that read
// the documents but not the glossary (one term per line, variants separated by " | "). An occurrence
// (case-insensitive for words, exact for acronyms, with a plural "s" allowed) counts when it lies in
// prose and a glossary mention covers it. KPO and BPO themselves are left out: every page is full of
// them and they always have an entry.

import * as fs from 'fs';
import * as path from 'path';
import type { Engine } from '../../server/src/core/engine';

const ROOT = path.join(__dirname, '..', '..', '..');
const LEFT_OUT = new Set(['KPO', 'BPO', 'knowledge process outsourcing', 'business process outsourcing']);

export interface Coverage {
  terms: number;
  occurrences: number;
  covered: number;
  /** Terms with uncovered occurrences, most frequent first: [term, uncovered]. */
  missing: Array<[string, number]>;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[\\s-]+');
}

export function coverage(engine: Engine, files = evalDocuments()): Coverage {
  const lines = fs.readFileSync(path.join(ROOT, 'test', 'eval', 'domain-terms.txt'), 'utf8').split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  const terms = lines.map((l) => l.split('|').map((v) => v.trim()).filter(Boolean)).filter((v) => !v.some((x) => LEFT_OUT.has(x)));
  const docs = files.map((f) => {
    const text = fs.readFileSync(f, 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
    const analysis = engine.analyze(text);
    const prose = (at: number) => analysis.markdown.blocks.some((b) => b.segments.some((s) => s.start <= at && at < s.end));
    return { text, analysis, prose };
  });
  let occurrences = 0;
  let covered = 0;
  const missing = new Map<string, number>();
  for (const variants of terms) {
    const acronym = variants.every((v) => /^[A-Z][A-Za-z0-9&]*[A-Z0-9]s?$/.test(v));
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${variants.map(escape).join('|')})(?:s|es)?(?![\\p{L}\\p{N}])`, acronym ? 'gu' : 'giu');
    for (const { text, analysis, prose } of docs) {
      for (const m of text.matchAll(pattern)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (!prose(start)) continue;
        occurrences++;
        if (analysis.mentions.some((x) => x.start < end && start < x.end)) covered++;
        else missing.set(variants[0], (missing.get(variants[0]) ?? 0) + 1);
      }
    }
  }
  return { terms: terms.length, occurrences, covered, missing: [...missing].sort((a, b) => b[1] - a[1]) };
}

export function evalDocuments(): string[] {
  const out: string[] = [];
  for (const split of ['dev', 'test']) {
    const dir = path.join(ROOT, 'test', 'eval', split);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) if (f.endsWith('.md') && !/README\.md$/.test(f)) out.push(path.join(dir, f));
  }
  return out;
}
