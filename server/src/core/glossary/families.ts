// The glossary described by family (outsourcing models, delivery models, proposal and contract
// vocabulary, KPO services by industry, BPO tasks, ...), for docs/glossary.md, which is generated from
// the YAML by scripts/glossary-doc.mjs and checked against it by a test, never written by hand.

import type { Glossary, GlossaryEntry } from '../types';
import { entryLabel } from './label';

interface Family {
  title: string;
  /** What the family is for, in one sentence. */
  about: string;
  entries: GlossaryEntry[];
}

const CATEGORY_FAMILIES: Array<[string, string, string]> = [
  ['concept', 'Concepts', 'The notions the rest builds on (KPO, BPO, outsourcing, functions such as HR and IT).'],
  ['outsourcing-model', 'Outsourcing models', 'Kinds of outsourcing and how each relates to KPO and BPO.'],
  ['delivery-model', 'Delivery models', 'Where and how the work is delivered: onshore to offshore, captive centres, BOT.'],
  ['contract', 'Proposal and contract vocabulary', 'RFPs, contracts, service levels, pricing models.'],
  ['kpo-service', 'KPO services', 'Knowledge work, done with expert judgment: kpo-bpo/task-mismatch counts it as KPO work.'],
  ['bpo-task', 'BPO tasks', 'Routine, rule-based work: kpo-bpo/task-mismatch flags it when it is sold as KPO work.'],
  ['industry', 'Industries', 'The industries the services are grouped by.'],
  ['characteristic', 'Characteristics of KPO', 'What sets KPO work apart.'],
  ['advantage', 'Advantages', 'What clients gain.'],
  ['challenge', 'Challenges', 'Risks and difficulties.'],
  ['destination', 'Destinations', 'Where work is outsourced to.'],
];

export function glossaryFamilies(glossary: Glossary): Family[] {
  const families: Family[] = [];
  const known = new Set(CATEGORY_FAMILIES.map(([c]) => c));
  for (const [category, title, about] of CATEGORY_FAMILIES) {
    const entries = glossary.entries.filter((e) => e.category === category);
    if (entries.length > 0) families.push({ title, about, entries });
  }
  const other = glossary.entries.filter((e) => !known.has(e.category));
  if (other.length > 0) families.push({ title: 'Other categories', about: 'Entries of categories of their own.', entries: other });
  return families;
}

/** The Markdown of docs/glossary.md. */
export function glossaryDoc(glossary: Glossary): string {
  const families = glossaryFamilies(glossary);
  const flags = (e: GlossaryEntry) =>
    [e.contested ? 'sold both ways' : '', e.wellKnown ? 'well known' : '', e.side ? `a branch of ${e.side.toUpperCase()}` : ''].filter(Boolean).join(', ');
  const lines: string[] = [
    '# The built-in glossary',
    '',
    '*Generated from `glossary/kpo.glossary.yaml` by `node scripts/glossary-doc.mjs`; a test checks that it is up to date. Do not edit by hand.*',
    '',
    `${glossary.entries.length} entries, ${glossary.faq.length} FAQ items and a KPO vs BPO comparison of ${glossary.comparison.length} aspects, in this project's own words.`,
    '',
    '| family | entries |',
    '|---|---:|',
    ...families.map((f) => `| [${f.title}](#${anchor(f.title)}) | ${f.entries.length} |`),
    `| **all** | **${glossary.entries.length}** |`,
    '',
    `Acronyms: ${glossary.entries.filter((e) => e.acronym).length}, of which ${glossary.entries.filter((e) => e.acronym && e.wellKnown).length} are marked well known (acronym/undefined never asks for them). Acronyms with more than one expansion: ${sharedAcronyms(glossary) || 'none'}. Contested services (sold both as KPO and as BPO, never flagged by kpo-bpo/task-mismatch): ${glossary.entries.filter((e) => e.contested).length}.`,
    '',
  ];
  for (const f of families) {
    lines.push(`## ${f.title}`, '', `${f.about} ${f.entries.length} entries.`, '');
    const byIndustry = f.entries.some((e) => e.industries.length > 0) && (f.title === 'KPO services' || f.title === 'BPO tasks');
    if (byIndustry) {
      const groups = new Map<string, GlossaryEntry[]>();
      for (const e of f.entries) {
        const key = e.industries[0] ?? 'across industries';
        const group = groups.get(key);
        if (group) group.push(e);
        else groups.set(key, [e]);
      }
      for (const [industry, entries] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
        lines.push(`- **${industry}** (${entries.length}): ${entries.map((e) => entryLabel(e) + (flags(e) ? ` *(${flags(e)})*` : '')).join(', ')}`);
      }
    } else {
      for (const e of f.entries) lines.push(`- ${entryLabel(e)}${flags(e) ? ` *(${flags(e)})*` : ''}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

function sharedAcronyms(glossary: Glossary): string {
  const count = new Map<string, number>();
  for (const e of glossary.entries) if (e.acronym) count.set(e.acronym, (count.get(e.acronym) ?? 0) + 1);
  return [...count].filter(([, n]) => n > 1).map(([a]) => a).join(', ');
}

function anchor(title: string): string {
  return title.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
}
