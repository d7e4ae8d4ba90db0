// The documents both start-up benchmarks open (scripts/bench/vscode-startup.mjs on the desktop,
// scripts/bench/web-startup.mjs in VS Code for the Web).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './lib.mjs';

/** A 20 KB proposal: the sample, its sections repeated under new headings. */
export function proposal(name) {
  const sample = fs.readFileSync(path.join(ROOT, 'samples', 'proposal.md'), 'utf8');
  let text = sample.replace('Northwind Capital', name);
  for (let i = 2; text.length < 20_000; i++) text += `\n\n## Annex ${i}\n\n` + sample.split('\n## ').slice(1).join('\n### ');
  return text.slice(0, 20_480).replace(/\n[^\n]*$/, '\n');
}

