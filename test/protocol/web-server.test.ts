// The web worker's build of the language server (dist/web/server.js, what VS Code for the Web starts),
// over the protocol: it reads no files, so the workspace's glossary files are what the client hands over
// (at start in initializationOptions.glossaryFiles, later in kpo/glossaryFiles), and the folders below
// exist nowhere on disk. Discovery, merge order, live reload, positioned problems and the Restricted
// Mode rules are the desktop's. (The browser suite, test/web, runs the same bundle in VS Code for the
// Web, whose test harness always trusts its workspace: Restricted Mode is tested here.)

import * as assert from 'assert';
import * as path from 'path';
import type { GlossaryFileText, GlossaryStatus } from '../../server/src/shared/protocol';
import { TestClient } from './client';

const WS = '/virtual/ws';
const uri = (name: string) => `file://${WS}/${name}`;

const ROOT_GLOSSARY = `terms:
  - term: Widget audit
    category: kpo-service
    definition: Root definition of the widget audit.
`;
const DOCS_GLOSSARY = `terms:
  - id: widget-audit
    definition: Docs definition of the widget audit.
`;

async function start(files: GlossaryFileText[], options: { trusted?: boolean; settings?: Record<string, unknown> } = {}): Promise<TestClient> {
  return TestClient.start({
    transport: 'web-worker',
    workspaceFolder: WS,
    settings: options.settings,
    initializationOptions: { workspaceTrusted: options.trusted ?? true, glossaryCommands: true, glossaryFiles: files },
  });
}

function status(client: TestClient, doc: string): Promise<GlossaryStatus> {
  return client.connection.sendRequest<GlossaryStatus>('kpo/documentGlossaryStatus', { uri: doc });
}


describe('protocol: the web worker build (VS Code for the Web)', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('answers with the built-in glossary inside the bundle, and says so', async () => {
    client = await start([]);
    assert.strictEqual(client.initializeResult.serverInfo?.name, 'kpo-language-server');
    const doc = uri('brief.md');
    await client.open(doc, 'Our Knowledge Process Outsourcing (KPO) desk will take over customer support tickets.\n');
    assert.match(await client.hoverText(doc, 0, 36), /specialist knowledge and expert judgment/);
    const published = await client.diagnosticsFor(doc, 1);
    assert.deepStrictEqual(published.diagnostics.map((d) => d.code), ['kpo-bpo/task-mismatch']);
    const s = await status(client, doc);
    assert.deepStrictEqual(s.files, ['kpo-builtin:/kpo.glossary.yaml'], 'the bundle’s glossary, at the URI the client serves read-only');
    assert.ok(s.entries > 150, `${s.entries} entries`);
  });

  it('finds the handed-over glossary files from the document’s folder up to the workspace folder, inner ones last', async () => {
    client = await start([
      { uri: uri('.kpo-glossary.yaml'), text: ROOT_GLOSSARY },
      { uri: uri('docs/legal.glossary.yaml'), text: DOCS_GLOSSARY },
      { uri: uri('docs/notes.yaml'), text: 'terms: [' }, // not a glossary file's name: never read
    ]);
    const top = uri('proposal.md');
    const inner = uri('docs/brief.md');
    await client.open(top, 'We sell a widget audit.\n');
    await client.open(inner, 'We sell a widget audit.\n');
    assert.match(await client.hoverText(top, 0, 12), /Root definition/);
    assert.match(await client.hoverText(inner, 0, 12), /Docs definition/);
    const s = await status(client, inner);
    assert.deepStrictEqual(s.files, ['kpo-builtin:/kpo.glossary.yaml', uri('.kpo-glossary.yaml'), uri('docs/legal.glossary.yaml')]);
    assert.deepStrictEqual(s.problems, []);
  });

  it('reloads when the client reports a glossary file created, changed, broken, unreadable or deleted', async () => {
    client = await start([]);
    const doc = uri('proposal.md');
    await client.open(doc, 'We sell a widget audit.\n');
    assert.strictEqual(await client.hoverText(doc, 0, 12), '');
    const send = (files: GlossaryFileText[]) => client.connection.sendNotification('kpo/glossaryFiles', { files });

    await send([{ uri: uri('.kpo-glossary.yaml'), text: ROOT_GLOSSARY }]);
    await client.eventually(async () => /Root definition/.test(await client.hoverText(doc, 0, 12)), 'the created file used');

    await send([{ uri: uri('.kpo-glossary.yaml'), text: ROOT_GLOSSARY.replace('Root definition', 'Edited definition') }]);
    await client.eventually(async () => /Edited definition/.test(await client.hoverText(doc, 0, 12)), 'the changed file used');

    // Broken: a positioned problem, and the last good entry stays in use.
    await send([{ uri: uri('.kpo-glossary.yaml'), text: ROOT_GLOSSARY.replace('Root definition', 'Edited definition').replace('    definition:', '    definitoin:') }]);
    await client.eventually(async () => (await status(client, doc)).problems.some((p) => /Unknown field "definitoin"/.test(p.message) && p.line === 4 && p.file === uri('.kpo-glossary.yaml')), 'the problem where it is');
    assert.match(await client.hoverText(doc, 0, 12), /Edited definition/);

    // Unreadable (the client says why): a problem at 1:1 of the file, in the client's words.
    await send([{ uri: uri('.kpo-glossary.yaml'), error: 'cannot be read (it is not UTF-8 text: save it as UTF-8)' }]);
    await client.eventually(async () => (await status(client, doc)).problems.some((p) => p.message === 'The glossary cannot be read (it is not UTF-8 text: save it as UTF-8).' && p.line === 1 && p.column === 1), 'the read problem');

    await send([{ uri: uri('.kpo-glossary.yaml'), deleted: true }]);
    await client.eventually(async () => (await status(client, doc)).files.length === 1, 'the built-in glossary alone');
    assert.strictEqual(await client.hoverText(doc, 0, 12), '');
  });

  it('reads a file the settings name, relative to the workspace folder; one it was not given is a clear problem', async () => {
    client = await start([{ uri: uri('team/terms.yaml'), text: ROOT_GLOSSARY }], { settings: { glossaryFiles: ['team/terms.yaml', 'team/missing.yaml'] } });
    const doc = uri('proposal.md');
    await client.open(doc, 'We sell a widget audit.\n');
    await client.eventually(async () => /Root definition/.test(await client.hoverText(doc, 0, 12)), 'the named file used');
    const s = await status(client, doc);
    assert.deepStrictEqual(s.files.slice(1), [uri('team/terms.yaml'), uri('team/missing.yaml')]);
    const missing = s.problems.find((p) => p.file === uri('team/missing.yaml'));
    assert.ok(missing, JSON.stringify(s.problems));
    assert.match(missing.message, /cannot be read \(in VS Code for the Web, glossary files are read from the workspace folders only/);
  });

  it('Restricted Mode: a file outside the workspace folders is not read until the workspace is trusted', async () => {
    const outside = 'file:///virtual/elsewhere/team.yaml';
    client = await start(
      [
        { uri: uri('.kpo-glossary.yaml'), text: ROOT_GLOSSARY },
        { uri: outside, text: DOCS_GLOSSARY },
      ],
      { trusted: false, settings: { glossaryFiles: [outside] } },
    );
    const doc = uri('proposal.md');
    await client.open(doc, 'We sell a widget audit.\n');
    await client.eventually(async () => /Root definition/.test(await client.hoverText(doc, 0, 12)), 'the workspace’s own glossary used');
    const refused = (await status(client, doc)).problems.find((p) => p.file === outside);
    assert.ok(refused, 'the outside file is named');
    assert.match(refused.message, /^Not read: file:\/\/\/virtual\/elsewhere\/team\.yaml is outside the workspace folders, and this workspace is not trusted \(Restricted Mode\)/);

    await client.connection.sendNotification('kpo/didChangeWorkspaceTrust', { trusted: true });
    await client.eventually(async () => /Docs definition/.test(await client.hoverText(doc, 0, 12)), 'the outside file read once trusted');
    assert.deepStrictEqual((await status(client, doc)).problems, []);
  });

  it('Restricted Mode: a workspace glossary over the untrusted budget is not read', async () => {
    const big = ROOT_GLOSSARY + `# ${'x'.repeat(600 * 1024)}\n`;
    client = await start([{ uri: uri('.kpo-glossary.yaml'), text: big }], { trusted: false });
    const doc = uri('proposal.md');
    await client.open(doc, 'We sell a widget audit.\n');
    const s = await status(client, doc);
    assert.match(s.problems.map((p) => p.message).join('\n'), /is 60\d KB, and this workspace is not trusted \(Restricted Mode\), where glossary files of up to 512 KB are read/);
    assert.strictEqual(await client.hoverText(doc, 0, 12), '');
    assert.strictEqual(path.posix.basename(s.files[0]), 'kpo.glossary.yaml');
  });
});
