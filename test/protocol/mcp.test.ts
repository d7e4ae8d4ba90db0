// The MCP server (bin/kpo-glossary-mcp.js → dist/mcp.js) driven by the MCP SDK's own client over
// stdio, as an assistant runs it: the tools, the resources, the instructions, errors for bad input,
// confinement to the roots (the working folder, then the client's MCP roots) and a workspace glossary
// picked up from the root. docs/mcp.md quotes these inputs and outputs.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { ListRootsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { ROOT, ensureBuilt } from './client';

const MCP = path.join(ROOT, 'bin', 'kpo-glossary-mcp.js');

const TEAM_GLOSSARY = `terms:
  - term: Widget claims keying
    category: bpo-task
    definition: Deciding insurance claims by fixed rules.
`;

interface Call {
  isError?: boolean;
  content: Array<{ type: string; text?: string }>;
  structuredContent?: any;
}

async function connect(cwd: string, roots?: () => string[]): Promise<Client> {
  ensureBuilt();
  const client = new Client({ name: 'kpo-test', version: '1.0.0' }, roots ? { capabilities: { roots: { listChanged: true } } } : {});
  if (roots) client.setRequestHandler(ListRootsRequestSchema, async () => ({ roots: roots().map((f) => ({ uri: pathToFileURL(f).href, name: path.basename(f) })) }));
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [MCP], cwd, stderr: 'pipe' }));
  return client;
}

async function call(client: Client, name: string, args: Record<string, unknown>): Promise<Call> {
  const r = (await client.callTool({ name, arguments: args })) as Call;
  // Nothing a tool returns carries active content: text only.
  for (const c of r.content) assert.strictEqual(c.type, 'text', `${name} returned ${c.type} content`);
  return r;
}

const textOf = (r: Call) => r.content.map((c) => c.text ?? '').join('\n');

describe('MCP server (kpo-glossary-mcp) over stdio, with the SDK client', () => {
  let ws: string;
  let outside: string;
  let client: Client;

  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-mcp-ws-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-mcp-out-')));
    fs.writeFileSync(path.join(ws, '.kpo-glossary.yaml'), TEAM_GLOSSARY);
    fs.mkdirSync(path.join(ws, 'bids'));
    fs.writeFileSync(path.join(ws, 'bids', 'draft.md'), '# Draft\n\nOur KPO (Knowledge Process Outsourcing) desk handles widget claims keying.\n');
    fs.writeFileSync(path.join(outside, 'secret.md'), 'Outside the root.\n');
  });
  afterEach(async () => {
    await client?.close();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('introduces itself: six tools, read-only, and instructions that say when to call lookup_term and check_text', async () => {
    client = await connect(ws);
    assert.strictEqual(client.getServerVersion()?.name, 'kpo-glossary');
    const instructions = client.getInstructions() ?? '';
    assert.match(instructions, /Before you define a term.*call lookup_term/s);
    assert.match(instructions, /Before you return a draft.*call check_text/s);
    const { tools } = await client.listTools();
    assert.deepStrictEqual(tools.map((t) => t.name).sort(), ['check_file', 'check_text', 'explain_rule', 'fix_text', 'list_terms', 'lookup_term']);
    for (const t of tools) {
      assert.ok((t.description ?? '').length > 40, `${t.name} is described`);
      assert.strictEqual(t.annotations?.readOnlyHint, true, `${t.name} is read-only`);
    }
    assert.deepStrictEqual((tools.find((t) => t.name === 'check_text')!.inputSchema as { required?: string[] }).required, ['text']);
  });

  it('check_text: findings with rule, place, the words quoted and the fixes', async () => {
    client = await connect(ws);
    const r = await call(client, 'check_text', { text: 'Knowledge Process Outsourcing (KPO) matters.\n\nOur KPO desk will take over customer support tickets.\n' });
    assert.ok(!r.isError, textOf(r));
    const [finding] = r.structuredContent.findings;
    assert.deepStrictEqual(
      { rule: finding.rule, severity: finding.severity, line: finding.line, column: finding.column, endColumn: finding.endColumn, evidence: finding.evidence },
      { rule: 'kpo-bpo/task-mismatch', severity: 'warning', line: 3, column: 29, endColumn: 45, evidence: 'customer support' },
    );
    assert.match(finding.message, /customer support.*Our KPO desk/);
    assert.ok(finding.fixes.length > 0 && finding.fixes.every((f: { safe: boolean }) => f.safe === false), 'the KPO↔BPO switch is only a suggestion');
    assert.deepStrictEqual(JSON.parse(textOf(r)), r.structuredContent, 'the text content is the same data');
  });

  it('check_text with a path, and check_file: the workspace glossary of the root applies', async () => {
    client = await connect(ws);
    const text = 'Our KPO (Knowledge Process Outsourcing) desk handles widget claims keying.\n';
    const withPath = await call(client, 'check_text', { text, path: 'bids/draft.md' });
    assert.deepStrictEqual(withPath.structuredContent.findings.map((f: { rule: string; evidence: string }) => `${f.rule}: ${f.evidence}`), ['kpo-bpo/task-mismatch: widget claims keying']);
    assert.deepStrictEqual(withPath.structuredContent.glossary.files.map((f: string) => path.basename(f)), ['kpo.glossary.yaml', '.kpo-glossary.yaml']);
    const file = await call(client, 'check_file', { path: 'bids/draft.md' });
    assert.strictEqual(file.structuredContent.file, path.join(ws, 'bids', 'draft.md'));
    assert.deepStrictEqual(file.structuredContent.findings.map((f: { line: number; rule: string }) => `${f.line} ${f.rule}`), ['3 kpo-bpo/task-mismatch']);
  });

  it('fix_text applies only safe fixes and says what changed', async () => {
    client = await connect(ws);
    const r = await call(client, 'fix_text', { text: 'Our Knowledge Processing Outsourcing unit reports weekly.\n\nOur KPO desk will take over customer support tickets.\n' });
    // The standard term, and the acronym expanded at its first use (the text defines it nowhere); the
    // KPO↔BPO switch "customer support" calls for is a suggestion, left to the writer.
    assert.strictEqual(r.structuredContent.text, 'Our Knowledge Process Outsourcing unit reports weekly.\n\nOur Knowledge Process Outsourcing (KPO) desk will take over customer support tickets.\n');
    assert.deepStrictEqual(r.structuredContent.changes, [
      { rule: 'term/preferred', title: 'Replace with “Knowledge Process Outsourcing”', line: 1, column: 5, endLine: 1, endColumn: 37, before: 'Knowledge Processing Outsourcing', after: 'Knowledge Process Outsourcing' },
      { rule: 'acronym/undefined', title: 'Expand to “Knowledge Process Outsourcing (KPO)”', line: 3, column: 5, endLine: 3, endColumn: 8, before: 'KPO', after: 'Knowledge Process Outsourcing (KPO)' },
    ]);
    assert.strictEqual(r.structuredContent.remaining, 1, 'the task mismatch is left');
  });

  it('lookup_term: by acronym, name or plural; the entry, its side, FAQ and the comparison; a typo gets a suggestion', async () => {
    client = await connect(ws);
    const kpo = await call(client, 'lookup_term', { term: 'kpo' });
    assert.strictEqual(kpo.structuredContent.entry.label, 'Knowledge Process Outsourcing (KPO)');
    assert.strictEqual(kpo.structuredContent.matched, 'acronym');
    assert.ok(kpo.structuredContent.entry.faq.length >= 3, 'its FAQ items');
    assert.ok(kpo.structuredContent.entry.comparison.some((row: { aspect: string }) => row.aspect === 'Cost'), 'the comparison');
    const task = await call(client, 'lookup_term', { term: 'data entries' });
    assert.strictEqual(task.structuredContent.entry.term, 'data entry', 'the plural of a term');
    assert.strictEqual(task.structuredContent.entry.side, 'BPO');
    const own = await call(client, 'lookup_term', { term: 'widget claims keying' });
    assert.strictEqual(own.structuredContent.entry.definition, 'Deciding insurance claims by fixed rules.', 'the workspace glossary at the root');
    const typo = await call(client, 'lookup_term', { term: 'Knowlege Process Outsorcing' });
    assert.strictEqual(typo.isError, true);
    assert.strictEqual(textOf(typo), 'No glossary entry is named “Knowlege Process Outsorcing”. Did you mean “Knowledge Process Outsourcing”?');
  });

  it('list_terms by category and industry; explain_rule with its documentation', async () => {
    client = await connect(ws);
    const finance = await call(client, 'list_terms', { category: 'kpo-service', industry: 'finance', limit: 3 });
    assert.strictEqual(finance.structuredContent.terms.length, 3);
    assert.ok(finance.structuredContent.total >= 3);
    assert.ok(finance.structuredContent.terms.every((t: { category: string }) => t.category === 'kpo-service'));
    const bad = await call(client, 'list_terms', { category: 'kpo-services' });
    assert.strictEqual(bad.isError, true);
    assert.match(textOf(bad), /^No category “kpo-services”: the categories are .*kpo-service/);
    const rule = await call(client, 'explain_rule', { rule: 'kpo-bpo/task-mismatch' });
    assert.strictEqual(rule.structuredContent.rule.severity, 'warning');
    assert.match(rule.structuredContent.rule.documentation, /^# kpo-bpo\/task-mismatch/m);
    const unknown = await call(client, 'explain_rule', { rule: 'kpo/everything' });
    assert.strictEqual(unknown.isError, true);
    assert.match(textOf(unknown), /the rules are kpo-bpo\/task-mismatch, kpo-bpo\/attribute-mismatch/);
  });

  it('refuses bad input with a clear error: a missing argument, an oversize text, a file that cannot be read', async () => {
    client = await connect(ws);
    const missing = await client.callTool({ name: 'check_text', arguments: {} }).then(
      (r) => textOf(r as Call),
      (e: Error) => e.message,
    );
    assert.match(missing, /text/i);
    assert.match(missing, /invalid|required|expected/i);
    const huge = await call(client, 'check_text', { text: 'x'.repeat(1_000_001) });
    assert.strictEqual(huge.isError, true);
    assert.strictEqual(textOf(huge), 'The text is 1,000,001 characters, over the 1,000,000 limit: check it a part at a time.');
    const gone = await call(client, 'check_file', { path: 'bids/missing.md' });
    assert.strictEqual(gone.isError, true);
    assert.strictEqual(textOf(gone), `${path.join(ws, 'bids', 'missing.md')}: no such file: check the path.`);
    const empty = await call(client, 'lookup_term', { term: '  ' });
    assert.strictEqual(textOf(empty), 'Give a term to look up.');
  });

  it('reads only under the roots: the working folder by default, a link out of it refused', async () => {
    client = await connect(ws);
    const out = await call(client, 'check_file', { path: path.join(outside, 'secret.md') });
    assert.strictEqual(out.isError, true);
    assert.strictEqual(textOf(out), `${path.join(outside, 'secret.md')} is outside the allowed roots (${ws}): only files under them are read.`);
    fs.symlinkSync(path.join(outside, 'secret.md'), path.join(ws, 'link.md'));
    const link = await call(client, 'check_file', { path: 'link.md' });
    assert.strictEqual(link.isError, true);
    assert.match(textOf(link), /link\.md \(it links to .*secret\.md\) is outside the allowed roots/);
    const up = await call(client, 'check_text', { text: 'KPO.', path: '../elsewhere/a.md' });
    assert.strictEqual(up.isError, true);
  });

  it('uses the client’s MCP roots, and follows roots/list_changed', async () => {
    let roots = [outside];
    client = await connect(ws, () => roots);
    const inOutside = await call(client, 'check_file', { path: path.join(outside, 'secret.md') });
    assert.ok(!inOutside.isError, textOf(inOutside));
    const inWs = await call(client, 'check_file', { path: path.join(ws, 'bids', 'draft.md') });
    assert.strictEqual(inWs.isError, true, 'the working folder is no root once the client names its own');
    roots = [ws];
    await client.sendRootsListChanged();
    const end = Date.now() + 10_000;
    let now = await call(client, 'check_file', { path: path.join(ws, 'bids', 'draft.md') });
    while (now.isError && Date.now() < end) now = await call(client, 'check_file', { path: path.join(ws, 'bids', 'draft.md') });
    assert.ok(!now.isError, textOf(now));
  });

  it('resources: the merged glossary as JSON, and each FAQ item as plain text', async () => {
    client = await connect(ws);
    const { resources } = await client.listResources();
    assert.ok(resources.some((r) => r.uri === 'glossary://terms' && r.mimeType === 'application/json'));
    const faq = resources.filter((r) => r.uri.startsWith('glossary://faq/'));
    assert.ok(faq.length >= 6, `${faq.length} FAQ items`);
    const terms = await client.readResource({ uri: 'glossary://terms' });
    const data = JSON.parse(String((terms.contents[0] as { text: string }).text));
    assert.ok(data.entries.some((e: { term: string }) => e.term === 'Widget claims keying'), 'the workspace glossary merged in');
    assert.ok(data.entries.some((e: { label: string }) => e.label === 'Knowledge Process Outsourcing (KPO)'));
    const item = await client.readResource({ uri: faq[0].uri });
    assert.strictEqual(item.contents[0].mimeType, 'text/plain');
    assert.match(String((item.contents[0] as { text: string }).text), /\?\n\n\S/);
  });
});
