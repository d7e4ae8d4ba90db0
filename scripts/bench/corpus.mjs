// Deterministic benchmark corpus: realistic proposal Markdown of any size, a synthetic glossary of
// 10,000 multi-word terms, and the equivalent term lists for the peers (textlint-rule-terminology,
// cspell). The same seed always gives the same bytes, so runs on different days compare.
//
//   node scripts/bench/corpus.mjs [out-dir]   writes corpus/doc-10k.md … doc-10m.md and glossary/synthetic.glossary.yaml

import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import YAML from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BUILTIN = path.join(ROOT, 'glossary', 'kpo.glossary.yaml');

export const SIZES = [
  { name: '10 KB', key: '10k', bytes: 10 * 1024 },
  { name: '100 KB', key: '100k', bytes: 100 * 1024 },
  { name: '1 MB', key: '1m', bytes: 1024 * 1024 },
  { name: '10 MB', key: '10m', bytes: 10 * 1024 * 1024 },
];

/** mulberry32: a small, fast, seedable PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.chance = (p) => next() < p;
  return next;
}

/** The built-in glossary's names, by role. */
export function builtinNames() {
  const data = YAML.parse(fs.readFileSync(BUILTIN, 'utf8'));
  const byCat = (c) => data.terms.filter((t) => t.category === c);
  const names = (t) => [t.term, ...(t.aliases ?? [])];
  const traits = { kpo: [], bpo: [] };
  for (const aspect of data.comparison ?? []) for (const side of ['kpo', 'bpo']) traits[side].push(...(aspect[side].traits ?? []));
  return {
    entries: data.terms,
    services: byCat('kpo-service').flatMap(names),
    tasks: byCat('bpo-task').flatMap(names),
    neutral: data.terms.filter((t) => !['kpo-service', 'bpo-task'].includes(t.category) && !['kpo', 'bpo'].includes(t.id)).map((t) => t.term),
    avoid: data.terms.flatMap((t) => (t.avoid ?? []).map((a) => ({ avoid: a, term: t.term }))),
    acronyms: data.terms.filter((t) => t.acronym).map((t) => ({ acronym: t.acronym, term: t.term })),
    traits,
  };
}

// --------------------------------------------------------------------------------------------
// The synthetic glossary: 10,000 distinct multi-word terms from three word lists.

const QUALIFIERS = ['adaptive', 'annual', 'automated', 'bilateral', 'clinical', 'cognitive', 'consolidated', 'contextual', 'cross-border', 'deferred', 'digital', 'distributed', 'dynamic', 'embedded', 'enterprise', 'environmental', 'fiscal', 'forensic', 'granular', 'hybrid', 'industrial', 'integrated', 'interim', 'lateral', 'longitudinal', 'marginal', 'modular', 'municipal', 'nominal', 'operational', 'organic', 'parametric', 'peripheral', 'predictive', 'primary', 'probabilistic', 'regional', 'regulatory', 'residual', 'seasonal', 'secondary', 'sectoral', 'statutory', 'strategic', 'structural', 'supplementary', 'sustainable', 'synthetic', 'tactical', 'thermal', 'transitional', 'vertical'];
const DOMAINS = ['actuarial', 'asset', 'audit', 'benchmark', 'biometric', 'budget', 'capital', 'carbon', 'cargo', 'claims', 'compliance', 'credit', 'customs', 'demand', 'dividend', 'energy', 'equity', 'exposure', 'freight', 'grant', 'hedging', 'inventory', 'lease', 'liquidity', 'loan', 'margin', 'patent', 'pension', 'pricing', 'procurement', 'reinsurance', 'royalty', 'sourcing', 'supplier', 'tariff', 'tax', 'tenancy', 'treasury', 'valuation', 'warranty'];
const HEADS = ['allocation', 'appraisal', 'assessment', 'attribution', 'benchmarking', 'calibration', 'classification', 'diagnostics', 'estimation', 'forecasting', 'harmonization', 'indexing', 'mapping', 'modelling', 'monitoring', 'normalization', 'optimization', 'profiling', 'reconciliation', 'screening', 'segmentation', 'simulation', 'stress testing', 'tracking', 'validation', 'verification'];

/** The synthetic glossary's terms (deterministic), with aliases, avoid variants and acronyms. */
export function syntheticTerms(count = 10000, seed = 42) {
  const r = rng(seed);
  const seen = new Set();
  const terms = [];
  while (terms.length < count) {
    const words = r.chance(0.35) ? [r.pick(DOMAINS), r.pick(HEADS)] : r.chance(0.75) ? [r.pick(QUALIFIERS), r.pick(DOMAINS), r.pick(HEADS)] : [r.pick(QUALIFIERS), r.pick(QUALIFIERS), r.pick(DOMAINS), r.pick(HEADS)];
    const term = words.join(' ');
    if (seen.has(term)) continue;
    seen.add(term);
    const i = terms.length;
    const entry = { id: `syn-${i}`, term, category: i % 20 === 0 ? 'kpo-service' : i % 20 === 1 ? 'bpo-task' : 'concept', aliases: [], avoid: [] };
    if (r.chance(0.3)) {
      const alias = term.replace(/ (\S+)$/, (_, last) => ` ${last}s review`);
      if (!seen.has(alias)) {
        seen.add(alias);
        entry.aliases.push(alias);
      }
    }
    if (r.chance(0.1)) {
      const variant = term.replace(/ation\b/, 'ating');
      if (variant !== term && !seen.has(variant)) {
        seen.add(variant);
        entry.avoid.push(variant);
      }
    }
    terms.push(entry);
  }
  return terms;
}

/** The synthetic glossary as a YAML file the engine loads beside the built-in one. */
export function syntheticGlossaryYaml(terms) {
  const lines = ['# Synthetic benchmark glossary: generated by scripts/bench/corpus.mjs.', 'version: 1', 'terms:'];
  for (const t of terms) {
    lines.push(`  - id: ${t.id}`, `    term: ${t.term}`, `    category: ${t.category}`, `    definition: A synthetic benchmark term (${t.id}).`);
    if (t.aliases.length) lines.push(`    aliases: [${t.aliases.join(', ')}]`);
    if (t.avoid.length) lines.push(`    avoid: [${t.avoid.join(', ')}]`);
  }
  return lines.join('\n') + '\n';
}

// --------------------------------------------------------------------------------------------
// Documents.

const CLIENTS = ['Northwind Capital', 'Contoso Health', 'Fabrikam Legal', 'Tailspin Engineering', 'Litware Learning', 'Adventure Works', 'Woodgrove Bank', 'Proseware'];
const SUBJECTS = ['The team', 'Our analysts', 'The delivery center', 'The engagement', 'Each workstream', 'The steering group', 'The account lead', 'Our specialists', 'The client', 'The provider'];
const VERBS = ['will deliver', 'is responsible for', 'takes over', 'coordinates', 'reviews', 'plans', 'reports on', 'supports', 'documents', 'schedules'];
const OBJECTS = ['the quarterly reports', 'the weekly status call', 'the transition plan', 'the service levels', 'the onboarding checklist', 'the escalation path', 'the pricing schedule', 'the knowledge base', 'the audit trail', 'the staffing plan', 'the handover notes', 'the risk register'];
const TAILS = ['in the first month', 'with the client’s product managers', 'before the contract starts', 'for each region', 'under the agreed service levels', 'every Friday', 'as described in section 4', 'at no extra cost', 'from our Pune office', 'within two business days'];
const HEADINGS = ['Executive summary', 'Scope of services', 'Delivery model', 'Staffing and governance', 'Transition plan', 'Quality assurance', 'Pricing', 'Service levels', 'Security and compliance', 'Reporting', 'Risks and mitigations', 'Case studies', 'Team profiles', 'Assumptions'];

export function generateDocument(targetBytes, seed = 7, synthetic = syntheticTerms()) {
  const r = rng(seed);
  const g = builtinNames();
  const syn = synthetic.map((t) => t.term);
  const side = () => (r.chance(0.5) ? 'KPO' : 'BPO');
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

  /** One sentence; about one in ten carries a confusion the rules flag. */
  function sentence() {
    const k = r.chance(0.1) ? 10 + r.int(5) : r.chance(0.3) ? 15 : r.int(10);
    switch (k) {
      case 0: return `Our KPO team will deliver ${r.pick(g.services)} for ${r.pick(CLIENTS)} ${r.pick(TAILS)}.`;
      case 1: return `The BPO desk handles ${r.pick(g.tasks)} and ${r.pick(g.tasks)} ${r.pick(TAILS)}.`;
      case 2: return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} the ${r.pick(syn)} work ${r.pick(TAILS)}.`;
      case 3: return `${cap(r.pick(g.neutral))} matters to ${r.pick(CLIENTS)}, so ${r.pick(SUBJECTS).toLowerCase()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
      case 4: return `Knowledge Process Outsourcing (KPO) gives the client ${r.pick(g.traits.kpo)} work on ${r.pick(g.services)}.`;
      case 5: return `Unlike Business Process Outsourcing (BPO), which covers ${r.pick(g.tasks)}, this work needs ${r.pick(g.traits.kpo)}.`;
      case 6: return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)} ${r.pick(TAILS)}.`;
      case 7: return `See [the ${r.pick(syn)} note](https://example.com/${r.int(1000)}/notes) and run \`make report-${r.int(100)}\` for details.`;
      case 8: return `**${cap(r.pick(syn))}** and *${r.pick(syn)}* are reviewed by ${r.pick(SUBJECTS).toLowerCase()} ${r.pick(TAILS)}.`;
      case 9: return `The ${r.pick(g.acronyms).acronym} work on ${r.pick(syn)} is summarised at https://example.com/${r.int(99)}/summary for ${r.pick(CLIENTS)}.`;
      // Confusions.
      case 10: return `Our KPO analysts also cover ${r.pick(g.tasks)} during the quarter-end peak.`;
      case 11: { const a = r.pick(g.avoid); return `Our ${a.avoid} unit reports weekly to ${r.pick(CLIENTS)}.`; }
      case 12: return `The KPO (Business Process Outsourcing) steering group meets monthly.`;
      case 13: return `The BPO team will prepare the ${r.pick(g.services)} for the ${r.pick(syn)} portfolio.`;
      case 14: return `Our ${side()} service is ${r.pick(r.chance(0.5) ? g.traits.kpo : g.traits.bpo)} and ${r.pick(SUBJECTS).toLowerCase()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
      default: return `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}, while ${r.pick(SUBJECTS).toLowerCase()} ${r.pick(VERBS)} ${r.pick(OBJECTS)}.`;
    }
  }

  /** A paragraph wrapped at about 100 columns, as editors save them. */
  function paragraph(n = 2 + r.int(5)) {
    const words = Array.from({ length: n }, sentence).join(' ').split(' ');
    const lines = [];
    let line = '';
    for (const w of words) {
      if (line && line.length + w.length + 1 > 100) {
        lines.push(line);
        line = w;
      } else line = line ? `${line} ${w}` : w;
    }
    if (line) lines.push(line);
    return lines.join('\n');
  }

  function list() {
    const intro = `${r.chance(0.5) ? 'Our KPO services' : 'The BPO scope'} for ${r.pick(CLIENTS)} include:`;
    const items = [];
    const ordered = r.chance(0.3);
    for (let i = 0; i < 3 + r.int(4); i++) {
      const item = r.chance(0.5) ? `${cap(r.pick(r.chance(0.7) ? g.services : g.tasks))} for the ${r.pick(syn)} programme` : sentence();
      items.push(`${ordered ? `${i + 1}.` : '-'} ${item}`);
      if (r.chance(0.2)) items.push(`${ordered ? '   ' : '  '}- ${cap(r.pick(g.tasks))} as a supporting task`);
    }
    return `${intro}\n\n${items.join('\n')}`;
  }

  function table() {
    const rows = ['| Aspect | KPO | BPO |', '|---|---|---|'];
    for (let i = 0; i < 2 + r.int(4); i++) {
      rows.push(`| ${cap(r.pick(g.neutral))} | ${cap(r.pick(r.chance(0.85) ? g.services : g.tasks))} | ${cap(r.pick(g.tasks))} |`);
    }
    return rows.join('\n');
  }

  function code() {
    const lines = [];
    for (let i = 0; i < 2 + r.int(5); i++) lines.push(`./load --source ${r.pick(syn).replace(/ /g, '-')} --mode ${r.pick(g.tasks).replace(/ /g, '-')} # KPO data entry job`);
    return '```bash\n' + lines.join('\n') + '\n```';
  }

  function section(n) {
    const parts = [`## ${r.pick(HEADINGS)}${r.chance(0.3) ? ` for our ${side()} practice` : ''} (${n})`, paragraph()];
    const k = r.int(10);
    if (k < 3) parts.push(list());
    else if (k < 5) parts.push(table());
    else if (k < 6) parts.push(code());
    else if (k < 7) parts.push(`> ${paragraph(2).replace(/\n/g, '\n> ')}`);
    else if (k < 8) parts.push(`<!-- kpo-disable-next-line kpo-bpo/task-mismatch -->\n${paragraph(1)}`);
    parts.push(paragraph());
    if (r.chance(0.4)) parts.push(paragraph());
    return parts.join('\n\n') + '\n';
  }

  let out = `---\ntitle: Proposal for ${r.pick(CLIENTS)}\nstatus: draft\nversion: ${seed}\n---\n\n# Proposal: knowledge work for ${r.pick(CLIENTS)}\n\n${paragraph()}\n\n`;
  const parts = [out];
  let length = out.length;
  for (let n = 1; length < targetBytes; n++) {
    const s = section(n) + '\n';
    parts.push(s);
    length += s.length;
  }
  out = parts.join('');
  // Cut at the last section boundary before the target, so that every size is a proper document.
  if (out.length > targetBytes) {
    const cut = out.lastIndexOf('\n## ', targetBytes);
    if (cut > targetBytes / 2) out = out.slice(0, cut + 1);
  }
  return out;
}

/** textlint-rule-terminology's `terms` for a glossary: every name as written, avoid variants → the term. */
export function terminologyTerms(includeSynthetic, synthetic = syntheticTerms()) {
  const g = builtinNames();
  const terms = [];
  for (const e of g.entries) {
    terms.push(e.term, ...(e.aliases ?? []));
    if (e.acronym) terms.push(e.acronym);
    for (const a of e.avoid ?? []) terms.push([a, e.term]);
  }
  if (includeSynthetic) {
    for (const t of synthetic) {
      terms.push(t.term, ...t.aliases);
      for (const a of t.avoid) terms.push([a, t.term]);
    }
  }
  return terms;
}

/** The words of every glossary name, for cspell's `words`. */
export function glossaryWords(includeSynthetic, synthetic = syntheticTerms()) {
  const words = new Set();
  for (const t of terminologyTerms(includeSynthetic, synthetic)) for (const w of (Array.isArray(t) ? t[1] : t).split(/[\s-]+/)) if (w) words.add(w);
  return [...words];
}

/**
 * Writes the documents to `dir`/corpus and the synthetic glossary to `dir`/glossary: a folder of its
 * own, or kpo-lint and the server would discover it beside the documents (`*.glossary.yaml`).
 */
export function writeCorpus(dir, sizes = SIZES) {
  const docs = path.join(dir, 'corpus');
  fs.mkdirSync(docs, { recursive: true });
  fs.mkdirSync(path.join(dir, 'glossary'), { recursive: true });
  const synthetic = syntheticTerms();
  const files = {};
  const glossary = path.join(dir, 'glossary', 'synthetic.glossary.yaml');
  fs.writeFileSync(glossary, syntheticGlossaryYaml(synthetic));
  for (const s of sizes) {
    const file = path.join(docs, `doc-${s.key}.md`);
    fs.writeFileSync(file, generateDocument(s.bytes, 7, synthetic));
    files[s.key] = file;
  }
  return { files, glossary, synthetic };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const dir = path.resolve(process.argv[2] ?? path.join(ROOT, 'out', 'bench'));
  const { files, glossary } = writeCorpus(dir);
  for (const f of [...Object.values(files), glossary]) console.log(`${f}  ${fs.statSync(f).size} bytes`);
}
