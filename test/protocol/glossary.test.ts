// Glossary files from the settings over the protocol: their entries served, their problems reported
// with positions in a status notification, the last good version kept, reloads on file changes.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { GlossaryStatus } from '../../server/src/shared/protocol';
import { TestClient, docUri } from './client';

const GOOD = ['version: 1', 'terms:', '  - term: widget audit', '    category: kpo-service', '    definition: Checking every widget the client owns.'].join('\n');
const BROKEN = ['version: 1', 'terms:', '  - term: widget audit', '    category: [unclosed', '    definition: "never closed'].join('\n');

describe('protocol: glossary files', () => {
  let client: TestClient;
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-glossary-'));
    file = path.join(dir, 'firm.glossary.yaml');
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adds the entries of a glossary file named in the settings (relative to the workspace folder)', async () => {
    fs.writeFileSync(file, GOOD);
    client = await TestClient.start({ workspaceFolder: dir, settings: { glossaryFiles: ['firm.glossary.yaml'] } });
    const status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    assert.deepStrictEqual(status.problems, []);
    assert.strictEqual(status.files[1], file);
    const uri = docUri('glossary-good.md');
    await client.open(uri, 'We run a widget audit.');
    const hover = await client.hover(uri, 0, 12);
    assert.match((hover!.contents as MarkupContent).value, /Checking every widget/);
  });

  it('reports a broken file with positioned problems and keeps serving the built-in entries', async () => {
    fs.writeFileSync(file, BROKEN);
    client = await TestClient.start({ settings: { glossaryFiles: [file] } });
    const status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    assert.ok(status.problems.length > 0);
    for (const p of status.problems) {
      assert.strictEqual(p.file, file);
      assert.ok(p.line >= 1 && p.column >= 1, JSON.stringify(p));
      assert.ok(p.message.length > 10);
    }
    assert.ok(status.problems.some((p) => p.line > 1), 'at least one problem points into the file');
    assert.ok(status.entries >= 50, 'the built-in entries are in use');
    await client.waitFor('window/logMessage', (p: { message: string }) => p.message.includes(file));
    const uri = docUri('glossary-broken.md');
    await client.open(uri, 'We deliver market research.');
    assert.ok(await client.hover(uri, 0, 14));
  });

  it('treats names like __proto__, constructor, toString and hasOwnProperty as any other, in every field', async () => {
    const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];
    const entries = NAMES.map((name, i) => [
      `  - id: ${name.toLowerCase().replace(/[^a-z]+/g, '') || 'proto'}-entry`,
      `    term: widget ${name}`,
      `    category: ${name}`,
      `    definition: The ${name} widget, number ${i}.`,
      `    aliases: ["${name} gadget"]`,
      `    industry: [${name}]`,
      `    examples: ["${name}"]`,
      `    notes: ["${name}"]`,
    ].join('\n'));
    fs.writeFileSync(file, [
      'version: 1',
      'terms:',
      ...entries,
      'comparison:',
      ...NAMES.map((name) => `  - aspect: ${name}\n    kpo: { summary: "KPO ${name}", traits: ["${name} kpo trait"] }\n    bpo: { summary: "BPO ${name}", traits: ["${name} bpo trait"] }`),
      'faq:',
      ...NAMES.map((name) => `  - id: ${name.toLowerCase().replace(/[^a-z]+/g, '') || 'proto'}-question\n    question: What is ${name}?\n    answer: A name.\n    terms: [constructor-entry]`),
    ].join('\n') + '\n');
    const rules = Object.fromEntries(NAMES.map((n) => [n, 'off']));
    client = await TestClient.start({ settings: { glossaryFiles: [file], rules, industries: NAMES } });
    const status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    assert.deepStrictEqual(status.problems.filter((p) => p.severity === 'error'), [], JSON.stringify(status.problems));
    const uri = docUri('glossary-proto.md');
    const line = 'We sell widget __proto__, widget constructor, widget toString and widget hasOwnProperty, and data entry.';
    await client.open(uri, line);
    for (const name of NAMES) {
      const hover = await client.hover(uri, 0, line.indexOf(`widget ${name}`) + 3);
      assert.match((hover!.contents as MarkupContent).value, new RegExp(`number ${NAMES.indexOf(name)}`), name);
    }
    const items = (await client.completion(uri, 0, line.indexOf('widget t') + 'widget t'.length))!.items.map((i) => i.label);
    assert.ok(items.includes('widget toString'), items.join(', '));
    // The glossary file itself: hover on a category and completion of categories.
    const yamlUri = pathToFileURL(file).href;
    const text = fs.readFileSync(file, 'utf8');
    await client.open(yamlUri, text, 'yaml');
    const lines = text.split('\n');
    const categoryLine = lines.findIndex((l) => l === '    category: constructor');
    await client.hover(yamlUri, categoryLine, 16);
    const categories = (await client.completion(yamlUri, categoryLine, '    category: '.length))!.items.map((i) => i.label);
    for (const name of NAMES) assert.ok(categories.includes(name), categories.join(', '));
  });

  it('reports a missing file and keeps serving', async () => {
    client = await TestClient.start({ settings: { glossaryFiles: [path.join(dir, 'missing.yaml')] } });
    const status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    assert.deepStrictEqual(status.problems.map((p) => [p.line, p.column, p.severity]), [[1, 1, 'error']]);
    assert.match(status.problems[0].message, /no such file/);
  });

  it('keeps the last good version of a file while it is broken, and reloads when it changes', async () => {
    fs.writeFileSync(file, GOOD);
    client = await TestClient.start({ settings: { glossaryFiles: [file] } });
    await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    const uri = docUri('glossary-reload.md');
    await client.open(uri, 'We run a widget audit.');
    assert.ok(await client.hover(uri, 0, 12));

    // Broken: the status shows the problems, the entry stays.
    fs.writeFileSync(file, BROKEN);
    let mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    let status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus', () => true, mark);
    assert.ok(status.problems.some((p) => p.severity === 'error'));
    assert.ok(status.problems.some((p) => /last version of this glossary/.test(p.message)));
    assert.ok(await client.hover(uri, 0, 12), 'the last good entry is still served');

    // Fixed with a new definition: it is served, and diagnostics are recomputed.
    fs.writeFileSync(file, GOOD.replace('Checking every widget the client owns.', 'A fresh definition.'));
    mark = client.mark();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(file).href, type: 2 }] });
    status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus', () => true, mark);
    assert.deepStrictEqual(status.problems, []);
    await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri, mark);
    assert.match(((await client.hover(uri, 0, 12))!.contents as MarkupContent).value, /A fresh definition/);
  });

  it('ignores changes to files that are not glossaries in use', async () => {
    client = await TestClient.start();
    await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(path.join(dir, 'other.yaml')).href, type: 2 }] });
    // A request after the notification is answered after it; no new status arrived by then.
    await client.hover(docUri('nothing.md'), 0, 0);
    assert.strictEqual(client.received.filter((r) => r.method === 'kpo/glossaryStatus').length, 1);
  });
});
