// Workspace glossaries over the protocol: discovery of .kpo-glossary.yaml and *.glossary.yaml per
// document, the merge order (built-in → discovered, outer to inner → settings files), changes to
// built-in entries, the built-in glossary switched off, live reloads from watched-file events, from
// the editor's unsaved text and (for clients without watched files) from the server's own fs.watch,
// glossary-file diagnostics, YAML completion and hover, go to definition, the glossary appendix, the
// actions that grow the glossary, and the trust rules.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { CompletionList, Diagnostic, MarkupContent, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import type { GlossaryStatus } from '../../server/src/shared/protocol';
import { TestClient, applyTextEdits, editsOf } from './client';

const ROOT_GLOSSARY = `# The firm's glossary
terms:
  - term: Widget audit
    category: kpo-service
    definition: Root definition of the widget audit.
  - term: Claims adjudication
    category: bpo-task
    definition: Deciding insurance claims by fixed rules.
  - id: data-entry
    aliases: [keying]
  - id: customer-service
    disabled: true
`;

const DOCS_GLOSSARY = `terms:
  - id: widget-audit
    definition: Docs definition of the widget audit.
`;

const uriOf = (file: string) => pathToFileURL(file).href;


describe('protocol: workspace glossaries', () => {
  let client: TestClient;
  let ws: string;
  let outside: string;

  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-ws-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-outside-')));
    fs.mkdirSync(path.join(ws, 'docs'));
    fs.writeFileSync(path.join(ws, '.kpo-glossary.yaml'), ROOT_GLOSSARY);
    fs.writeFileSync(path.join(ws, 'docs', 'legal.glossary.yaml'), DOCS_GLOSSARY);
  });
  afterEach(async () => {
    await client?.stop();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('merges built-in, discovered (outer, then inner) and settings files, in that order', async () => {
    fs.writeFileSync(path.join(outside, 'team.yaml'), 'terms:\n  - id: widget-audit\n    definition: Team definition of the widget audit.\n');
    client = await TestClient.start({ workspaceFolder: ws });
    const top = uriOf(path.join(ws, 'proposal.md'));
    const inner = uriOf(path.join(ws, 'docs', 'brief.md'));
    await client.open(top, 'We sell a widget audit.\n');
    await client.open(inner, 'We sell a widget audit.\n');
    assert.match(await client.hoverText(top, 0, 12), /Root definition/);
    assert.match(await client.hoverText(inner, 0, 12), /Docs definition/);

    const status = await client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri: inner });
    assert.deepStrictEqual(status.files.map((f) => path.basename(f)), ['kpo.glossary.yaml', '.kpo-glossary.yaml', 'legal.glossary.yaml']);
    assert.deepStrictEqual(status.problems, []);

    // A settings file comes last, so it changes the entry for both documents.
    await client.configure({ glossaryFiles: [path.join(outside, 'team.yaml')] });
    await client.eventually(async () => /Team definition/.test(await client.hoverText(inner, 0, 12)), 'the settings file to win');
    assert.match(await client.hoverText(top, 0, 12), /Team definition/);
    const after = await client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri: inner });
    assert.deepStrictEqual(after.files.map((f) => path.basename(f)), ['kpo.glossary.yaml', '.kpo-glossary.yaml', 'legal.glossary.yaml', 'team.yaml']);
  });

  it('adds aliases to a built-in entry, switches one off, and adds firm-specific services the rules check', async () => {
    client = await TestClient.start({ workspaceFolder: ws });
    const uri = uriOf(path.join(ws, 'proposal.md'));
    const mark = client.mark();
    await client.open(uri, 'Our KPO desk handles claims adjudication.\nWe automate keying.\nWe offer customer service.\n');
    const published = await client.diagnosticsFor(uri, 1, mark);
    const tasks = published.diagnostics.filter((d) => d.code === 'kpo-bpo/task-mismatch');
    assert.strictEqual(tasks.length, 1, 'a BPO task of the firm’s glossary sold as KPO work');
    assert.match(tasks[0].message as string, /claims adjudication/i);
    assert.match(await client.hoverText(uri, 1, 14), /data entry/i, 'the alias added to the built-in entry');
    assert.strictEqual(await client.hoverText(uri, 2, 12), '', 'the built-in entry switched off');
    const list = (await client.completion(uri, 0, 29)) as CompletionList;
    assert.ok(list === null || Array.isArray(list.items));
    await client.change(uri, 2, [{ range: { start: { line: 2, character: 26 }, end: { line: 2, character: 26 } }, text: ' And widget au' }]);
    const items = ((await client.completion(uri, 2, 40)) as CompletionList).items.map((i) => i.label);
    assert.ok(items.some((l) => l.toLowerCase() === 'widget audit'), items.join(', '));
  });

  it('switches the built-in glossary off with builtin.enable', async () => {
    client = await TestClient.start({ workspaceFolder: ws, settings: { builtin: { enable: false } } });
    const status = await client.waitFor<GlossaryStatus>('kpo/glossaryStatus');
    assert.deepStrictEqual(status.files.map((f) => path.basename(f)), ['.kpo-glossary.yaml']);
    // The changes to built-in entries now name nothing: each is reported.
    assert.ok(status.problems.some((p) => /data-entry/.test(p.message)), JSON.stringify(status.problems));
    const uri = uriOf(path.join(ws, 'proposal.md'));
    await client.open(uri, 'KPO and a widget audit.\n');
    assert.strictEqual(await client.hoverText(uri, 0, 1), '');
    assert.match(await client.hoverText(uri, 0, 14), /Root definition/);
  });

  it('reloads when glossary files are created, changed and deleted (workspace/didChangeWatchedFiles)', async () => {
    client = await TestClient.start({ workspaceFolder: ws });
    const uri = uriOf(path.join(ws, 'docs', 'brief.md'));
    await client.open(uri, 'Our Knowledge Process Outsourcing desk does gadget polishing.\n');
    await client.diagnosticsFor(uri, 1);
    assert.strictEqual(await client.hoverText(uri, 0, 47), '');

    const created = path.join(ws, 'docs', 'ops.glossary.yaml');
    fs.writeFileSync(created, 'terms:\n  - term: gadget polishing\n    category: bpo-task\n    definition: Making gadgets shine.\n');
    let mark = client.mark();
    await client.filesChanged([{ file: created, type: 1 }]);
    const flagged = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 1, mark);
    assert.strictEqual(flagged.diagnostics[0].code, 'kpo-bpo/task-mismatch');
    assert.match(await client.hoverText(uri, 0, 47), /Making gadgets shine/);

    fs.writeFileSync(created, 'terms:\n  - term: gadget polishing\n    category: kpo-service\n    definition: Expert gadget care.\n');
    mark = client.mark();
    await client.filesChanged([{ file: created, type: 2 }]);
    await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === uri && p.diagnostics.length === 0, mark);
    assert.match(await client.hoverText(uri, 0, 47), /Expert gadget care/);

    fs.rmSync(created);
    mark = client.mark();
    await client.filesChanged([{ file: created, type: 3 }]);
    await client.waitFor<GlossaryStatus>('kpo/glossaryStatus', () => true, mark);
    await client.eventually(async () => (await client.hoverText(uri, 0, 47)) === '', 'the deleted glossary to be gone');
  });

  it('watches the glossary folders itself for a client without watched files (Neovim 0.7)', async () => {
    client = await TestClient.start({ workspaceFolder: ws, watchedFiles: false });
    const uri = uriOf(path.join(ws, 'docs', 'brief.md'));
    await client.open(uri, 'We do gadget polishing.\n');
    await client.diagnosticsFor(uri, 1);
    assert.strictEqual(await client.hoverText(uri, 0, 12), '');
    // The watch starts once the folders are known (no event says so): write again if no reload shows.
    for (let attempt = 1; ; attempt++) {
      fs.writeFileSync(path.join(ws, 'docs', 'ops.glossary.yaml'), `terms:\n  - term: gadget polishing\n    category: kpo-service\n    definition: Expert gadget care.\n# ${attempt}\n`);
      try {
        await client.eventually(async () => /Expert gadget care/.test(await client.hoverText(uri, 0, 12)), 'the fs.watch reload', 2000);
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    fs.writeFileSync(path.join(ws, '.kpo-glossary.yaml'), ROOT_GLOSSARY.replace('Deciding insurance claims by fixed rules.', 'Edited in the root file.'));
    await client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Claims adjudication. ' }]);
    await client.eventually(async () => /Edited in the root file/.test(await client.hoverText(uri, 0, 3)), 'the edited root file');
  });

  it('uses the editor’s unsaved text of an open glossary file, and shows its problems there', async () => {
    client = await TestClient.start({ workspaceFolder: ws });
    const md = uriOf(path.join(ws, 'proposal.md'));
    const glossaryFile = path.join(ws, '.kpo-glossary.yaml');
    const yaml = uriOf(glossaryFile);
    await client.open(md, 'We sell a widget audit.\n');
    assert.match(await client.hoverText(md, 0, 12), /Root definition/);

    let mark = client.mark();
    await client.open(yaml, ROOT_GLOSSARY, 'yaml');
    const clean = await client.diagnosticsFor(yaml, 1, mark);
    assert.deepStrictEqual(clean.diagnostics, []);

    // Typed, not saved: the Markdown document's hover follows.
    const edited = ROOT_GLOSSARY.replace('Root definition', 'Typed definition');
    mark = client.mark();
    await client.change(yaml, 2, [{ text: edited }]);
    await client.waitFor<GlossaryStatus>('kpo/glossaryStatus', () => true, mark);
    await client.eventually(async () => /Typed definition/.test(await client.hoverText(md, 0, 12)), 'the typed definition');

    // A problem while typing: shown at its place in the glossary file; the entry keeps working.
    const broken = edited.replace('    category: kpo-service\n', '    category: kpo-service\n    definitoin: oops\n');
    mark = client.mark();
    await client.change(yaml, 3, [{ text: broken }]);
    const problems = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === yaml && p.version === 3 && p.diagnostics.length > 0, mark);
    const unknown = problems.diagnostics.find((d) => /Unknown field "definitoin"/.test(d.message as string))!;
    assert.ok(unknown, JSON.stringify(problems.diagnostics));
    assert.strictEqual(unknown.source, 'kpo-glossary');
    assert.strictEqual(unknown.severity, 1);
    assert.deepStrictEqual(unknown.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 14 } });
    const status = await client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri: md });
    assert.ok(status.problems.some((p) => p.file === glossaryFile && p.line === 5), 'the status counts the problem');

    // A syntax error: the last good version stays in use, and the file says so.
    mark = client.mark();
    await client.change(yaml, 4, [{ text: 'terms:\n  - term: "unclosed\n' }]);
    const syntax = await client.waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === yaml && p.version === 4 && p.diagnostics.length > 0, mark);
    assert.ok(syntax.diagnostics.some((d) => /last version of this glossary/.test(d.message as string)));
    assert.ok(syntax.diagnostics.some((d) => d.severity === 1 && d.range.start.line >= 1));
    assert.match(await client.hoverText(md, 0, 12), /Typed definition/, 'the last good text is used');

    // Closed without saving: the file on disk counts again.
    mark = client.mark();
    await client.close(yaml);
    await client.eventually(async () => /Root definition/.test(await client.hoverText(md, 0, 12)), 'the saved text again');
  });

  it('pulls glossary-file diagnostics from a client with pull diagnostics', async () => {
    client = await TestClient.start({ workspaceFolder: ws, pull: true });
    const file = path.join(ws, 'docs', 'legal.glossary.yaml');
    const uri = uriOf(file);
    await client.open(uri, 'terms:\n  - term: Alpha\n    category: concept\n', 'yaml');
    const report = (await client.pullDiagnostics(uri)) as { kind: string; items: Diagnostic[] };
    assert.strictEqual(report.kind, 'full');
    assert.match(report.items.map((d) => d.message).join('\n'), /no "definition"/);
    assert.strictEqual(report.items[0].range.start.line, 1);
  });

  it('completes and explains fields, categories and ids in a YAML glossary', async () => {
    client = await TestClient.start({ workspaceFolder: ws });
    const uri = uriOf(path.join(ws, 'docs', 'legal.glossary.yaml'));
    const text = 'terms:\n  - term: Patent landscaping\n    category: kpo-\n    de\n    related: [market-re]\n';
    await client.open(uri, text, 'yaml');

    const fields = ((await client.completion(uri, 3, 6)) as CompletionList).items;
    const labels = fields.map((i) => i.label);
    assert.ok(labels.includes('definition') && labels.includes('aliases') && labels.includes('disabled'), labels.join(', '));
    assert.ok(!labels.includes('term') && !labels.includes('category'), 'fields already written are not offered');
    const definition = fields.find((i) => i.label === 'definition')!;
    assert.deepStrictEqual(definition.textEdit, { range: { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } }, newText: 'definition: ' });
    assert.match((definition.documentation as MarkupContent).value, /What the term means/);

    const categories = ((await client.completion(uri, 2, 18)) as CompletionList).items;
    assert.ok(categories.some((i) => i.label === 'kpo-service' && (i.textEdit as { newText: string }).newText === 'kpo-service'));
    assert.ok(categories.some((i) => i.label === 'bpo-task'));
    assert.ok(categories.some((i) => i.label === 'industry'));

    const ids = ((await client.completion(uri, 4, 22)) as CompletionList).items;
    const research = ids.find((i) => i.label === 'market-research');
    assert.ok(research, 'the built-in entry ids');
    assert.strictEqual(research.detail, 'market research');
    assert.ok(ids.some((i) => i.label === 'widget-audit'), 'ids of the workspace’s own entries too');

    const onField = await client.hoverText(uri, 2, 6);
    assert.match(onField, /kpo-service and bpo-task drive the KPO vs BPO rules/);
    assert.match(onField, /Examples:.*concept/);
    await client.change(uri, 2, [{ range: { start: { line: 4, character: 14 }, end: { line: 4, character: 23 } }, text: 'market-research' }]);
    assert.match(await client.hoverText(uri, 4, 18), /market research/);
    const [target] = (await client.definition(uri, 4, 18))!;
    assert.match(target.uri, /glossary\/kpo\.glossary\.yaml$/);
    assert.strictEqual(target.range.start.line, 294, 'the built-in entry’s term');
  });

  it('goes to the definition of a term: a workspace entry, a built-in one, and both places for a changed one', async () => {
    client = await TestClient.start({ workspaceFolder: ws });
    const uri = uriOf(path.join(ws, 'docs', 'brief.md'));
    await client.open(uri, 'A widget audit, market research and keying.\n');
    const own = (await client.definition(uri, 0, 5))!;
    // widget-audit: defined in the root file, changed in docs/legal.glossary.yaml (nearest first).
    assert.deepStrictEqual(own.map((l) => [path.basename(new URL(l.uri).pathname), l.range.start.line]), [['legal.glossary.yaml', 1], ['.kpo-glossary.yaml', 2]]);
    const builtin = (await client.definition(uri, 0, 20))!;
    assert.strictEqual(builtin.length, 1);
    assert.match(builtin[0].uri, /glossary\/kpo\.glossary\.yaml$/);
    const changed = (await client.definition(uri, 0, 40))!;
    assert.deepStrictEqual(changed.map((l) => path.basename(new URL(l.uri).pathname)), ['.kpo-glossary.yaml', 'kpo.glossary.yaml']);
    assert.strictEqual(await client.definition(uri, 0, 1), null, 'not on a term');
  });

  it('inserts and refreshes the glossary appendix (source action and request)', async () => {
    client = await TestClient.start({ workspaceFolder: ws });
    const uri = uriOf(path.join(ws, 'proposal.md'));
    const text = '# Proposal\n\nWe do market research and a widget audit.\n';
    await client.open(uri, text);
    const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.ok(!(await client.codeActions(uri, zero, []))!.some((a) => a.kind === 'source.kpo-glossary.appendix'), 'only when asked for');
    const [action] = (await client.codeActions(uri, zero, [], ['source']))!.filter((a) => a.kind === 'source.kpo-glossary.appendix');
    assert.ok(action);
    const withTable = applyTextEdits(text, editsOf(action, uri));
    assert.match(withTable, /<!-- kpo-glossary-appendix:start -->/);
    assert.match(withTable, /\| market research \| {2}\| /);
    assert.match(withTable, /\| Widget audit \| {2}\| Root definition of the widget audit\. \|/);

    await client.change(uri, 2, [{ text: withTable.replace('and a widget audit', 'and data entry') }]);
    const edit = await client.connection.sendRequest<{ version: number; range: any; newText: string } | null>('kpo/glossaryAppendix', { uri });
    assert.strictEqual(edit!.version, 2);
    const refreshed = applyTextEdits(withTable.replace('and a widget audit', 'and data entry'), [edit!]);
    assert.match(refreshed, /\| data entry \|/);
    assert.ok(!/Widget audit/.test(refreshed), refreshed);
    assert.strictEqual(refreshed.split('kpo-glossary-appendix:start').length, 2, 'updated in place');
  });

  it('offers to add a selection to the glossary, or as an alias of an entry in the same sentence', async () => {
    client = await TestClient.start({ workspaceFolder: ws, initializationOptions: { glossaryCommands: true } });
    const uri = uriOf(path.join(ws, 'proposal.md'));
    await client.open(uri, 'We pair market research with gadget scouting. Data entry is elsewhere.\n');
    const range = { start: { line: 0, character: 29 }, end: { line: 0, character: 45 } };
    const actions = (await client.codeActions(uri, range, []))!;
    assert.deepStrictEqual(actions.map((a) => a.title), [
      'Add “gadget scouting” to the workspace glossary',
      'Add “gadget scouting” as an alias of “market research”',
      'Add “gadget scouting” as an alias of…',
    ]);
    assert.deepStrictEqual(actions[0].command, { title: actions[0].title, command: 'kpoGlossary.addToGlossary', arguments: [{ uri, term: 'gadget scouting' }] });
    const alias = actions[1].command!.arguments![0];
    assert.strictEqual(alias.entry.id, 'market-research');
    assert.match(alias.entry.source.file, /kpo\.glossary\.yaml$/);
    // Nothing for a name the glossary has, for an empty selection, or in code.
    assert.deepStrictEqual(await client.codeActions(uri, { start: { line: 0, character: 8 }, end: { line: 0, character: 23 } }, []), []);
    assert.deepStrictEqual(await client.codeActions(uri, { start: { line: 0, character: 30 }, end: { line: 0, character: 30 } }, []), []);

    // Not offered to clients that do not run the commands.
    const other = await TestClient.start({ workspaceFolder: ws });
    try {
      await other.open(uri, 'We pair market research with gadget scouting.\n');
      assert.deepStrictEqual(await other.codeActions(uri, range, []), []);
    } finally {
      await other.stop();
    }
  });

  it('in an untrusted workspace, reads no glossary file outside the workspace folders, links included', async () => {
    fs.writeFileSync(path.join(outside, 'team.yaml'), 'terms:\n  - term: Gizmo review\n    category: kpo-service\n    definition: Outside definition.\n');
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'terms:\n  - term: Secret thing\n    category: concept\n    definition: Should not be read.\n');
    fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(ws, 'docs', 'linked.glossary.yaml'));
    client = await TestClient.start({ workspaceFolder: ws, initializationOptions: { workspaceTrusted: false }, settings: { glossaryFiles: [path.join(outside, 'team.yaml'), '.kpo-glossary.yaml'] } });
    const uri = uriOf(path.join(ws, 'docs', 'brief.md'));
    await client.open(uri, 'A gizmo review, a secret thing and a widget audit.\n');
    const status = await client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri });
    const refused = status.problems.filter((p) => /^Not read: .* is outside the workspace folders/.test(p.message));
    assert.deepStrictEqual(refused.map((p) => path.basename(p.file)).sort(), ['linked.glossary.yaml', 'team.yaml']);
    assert.match(refused.find((p) => p.file.endsWith('linked.glossary.yaml'))!.message, /it links to .*secret\.yaml.*Trust the workspace/);
    assert.strictEqual(await client.hoverText(uri, 0, 4), '');
    assert.strictEqual(await client.hoverText(uri, 0, 20), '');
    assert.match(await client.hoverText(uri, 0, 40), /Docs definition/, 'files inside the workspace are read');
    await client.waitFor('window/logMessage', (p: { message: string }) => /Not read: .*team\.yaml/.test(p.message));

    // Trusted now: both are read.
    await client.connection.sendNotification('kpo/didChangeWorkspaceTrust', { trusted: true });
    await client.eventually(async () => /Outside definition/.test(await client.hoverText(uri, 0, 4)), 'the outside file after trust');
    assert.match(await client.hoverText(uri, 0, 20), /Should not be read/);
  });

  it('in an untrusted workspace, reads a workspace glossary only within a size budget; the rest once trusted', async () => {
    // 100,000 broken entries: in Restricted Mode it is not read, so the server answers at once.
    fs.writeFileSync(path.join(ws, 'docs', 'huge.glossary.yaml'), 'terms:\n' + '  - term: widget thing\n'.repeat(100000));
    client = await TestClient.start({ workspaceFolder: ws, initializationOptions: { workspaceTrusted: false } });
    const uri = uriOf(path.join(ws, 'docs', 'brief.md'));
    await client.open(uri, 'A widget audit.\n');
    const status = await client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri });
    const refused = status.problems.filter((p) => p.file.endsWith('huge.glossary.yaml'));
    assert.strictEqual(refused.length, 1, JSON.stringify(refused.slice(0, 3)));
    assert.match(refused[0].message, /^Not read: .*huge\.glossary\.yaml is \d+ KB, and this workspace is not trusted \(Restricted Mode\)/);
    assert.match(await client.hoverText(uri, 0, 4), /Docs definition/, 'small glossaries are read');
    // Trusted: read, and its problems are capped (the first 500, then a count).
    await client.connection.sendNotification('kpo/didChangeWorkspaceTrust', { trusted: true });
    let loaded: GlossaryStatus['problems'] = [];
    await client.eventually(async () => {
      const s = await client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri });
      loaded = s.problems.filter((p) => p.file.endsWith('huge.glossary.yaml'));
      return loaded.length > 1;
    }, 'the huge glossary read after trust', 60_000);
    assert.ok(loaded.length <= 501, `${loaded.length} problems sent`);
    assert.match(loaded[loaded.length - 1].message, /and \d+ more problems in this file, not listed/);
  });
});
