// The browser host's names (server/src/lsp/mirror-host.ts): files are URIs, as VS Code for the Web's
// client writes them. Data-driven: what each name operation gives, and the folders and files discovery
// finds in a mirror of handed-over texts.

import * as assert from 'assert';
import { MirrorHost } from '../../server/src/lsp/mirror-host';

const host = () => new MirrorHost('1.2.3', { uri: 'kpo-builtin:/kpo.glossary.yaml', text: 'terms: []\n' });

describe('MirrorHost: a ServerHost over the glossary files the browser client hands over', () => {
  const names: Array<[string, string, string, string]> = [
    // uri, dirname, basename, resolve
    ['vscode-vfs://github/acme/bids/docs/brief.md', 'vscode-vfs://github/acme/bids/docs', 'brief.md', 'vscode-vfs://github/acme/bids/docs/brief.md'],
    ['vscode-test-web://mount/', 'vscode-test-web://mount', '', 'vscode-test-web://mount'],
    ['vscode-test-web://mount/a/./b/../team%20terms.glossary.yaml', 'vscode-test-web://mount/a', 'team terms.glossary.yaml', 'vscode-test-web://mount/a/team%20terms.glossary.yaml'],
    ['file:///home/ann/bids/', 'file:///home/ann', 'bids', 'file:///home/ann/bids'],
    ['file:///', 'file://', '', 'file://'],
  ];
  for (const [uri, dirname, basename, resolve] of names) {
    it(`names ${uri}`, () => {
      const h = host();
      assert.strictEqual(h.names.dirname(uri), dirname);
      assert.strictEqual(h.names.basename(uri), basename);
      assert.strictEqual(h.names.resolve(uri), resolve);
    });
  }

  const entries: Array<[string, string, string]> = [
    // settings entry, base folder, file
    ['team/terms.yaml', 'vscode-vfs://github/acme/bids', 'vscode-vfs://github/acme/bids/team/terms.yaml'],
    ['../shared/terms.yaml', 'vscode-vfs://github/acme/bids/docs', 'vscode-vfs://github/acme/bids/shared/terms.yaml'],
    ['/glossaries/terms.yaml', 'vscode-vfs://github/acme/bids/docs', 'vscode-vfs://github/glossaries/terms.yaml'],
    ['vscode-vfs://github/acme/glossary/terms.yaml', 'vscode-vfs://github/acme/bids', 'vscode-vfs://github/acme/glossary/terms.yaml'],
    ['team\\terms.yaml', 'file:///c%3A/bids', 'file:///c%3A/bids/team/terms.yaml'],
  ];
  for (const [entry, base, file] of entries) {
    it(`resolves the glossaryFiles entry ${entry} from ${base}`, () => assert.strictEqual(host().resolveGlossaryFile(entry, base), file));
  }

  it('walks up from a folder to the workspace folder (or the root), and lists its glossary files in load order', () => {
    const h = host();
    h.start({
      glossaryFiles: [
        { uri: 'vscode-vfs://github/acme/bids/docs/z.glossary.yaml', text: 'terms: []' },
        { uri: 'vscode-vfs://github/acme/bids/docs/.kpo-glossary.yaml', text: 'terms: []' },
        { uri: 'vscode-vfs://github/acme/bids/docs/a.glossary.json', text: '{"terms": []}' },
        { uri: 'vscode-vfs://github/acme/bids/docs/notes.yaml', text: 'terms: []' },
        { uri: 'vscode-vfs://github/acme/bids/docs/deep/b.glossary.yaml', text: 'terms: []' },
        { uri: 'vscode-vfs://github/acme/bids/docs/broken.glossary.yaml', error: 'cannot be read (FileNotFound)' },
      ],
    });
    assert.deepStrictEqual(h.discoveryFolders('vscode-vfs://github/acme/bids/docs/deep', 'vscode-vfs://github/acme/bids/'), [
      'vscode-vfs://github/acme/bids/docs/deep',
      'vscode-vfs://github/acme/bids/docs',
      'vscode-vfs://github/acme/bids',
    ]);
    assert.deepStrictEqual(h.discoveryFolders('vscode-vfs://github/acme', undefined), ['vscode-vfs://github/acme', 'vscode-vfs://github']);
    // Dot files first, then by name; other names and files the client could not read are not listed.
    assert.deepStrictEqual(h.glossaryFilesIn('vscode-vfs://github/acme/bids/docs'), [
      'vscode-vfs://github/acme/bids/docs/.kpo-glossary.yaml',
      'vscode-vfs://github/acme/bids/docs/a.glossary.json',
      'vscode-vfs://github/acme/bids/docs/z.glossary.yaml',
    ]);
    assert.deepStrictEqual(h.readGlossaryFile('vscode-vfs://github/acme/bids/docs/broken.glossary.yaml', 1000), {
      problem: { file: 'vscode-vfs://github/acme/bids/docs/broken.glossary.yaml', line: 1, column: 1, severity: 'error', message: 'The glossary cannot be read (FileNotFound).' },
    });
  });

  it('tells the server what changed, and nothing when a file comes back the same', () => {
    const h = host();
    const heard: Array<Array<{ file: string; type: number }>> = [];
    h.onFilesChanged((changes) => heard.push(changes));
    const file = 'vscode-test-web://mount/.kpo-glossary.yaml';
    h.apply([{ uri: file, text: 'terms: []' }]);
    h.apply([{ uri: file, text: 'terms: []' }]);
    h.apply([{ uri: file, text: '\ufeffterms: []\n' }]);
    h.apply([{ uri: file, deleted: true }]);
    h.apply([{ uri: 'untitled:Untitled-1', text: 'terms: []' }]);
    assert.deepStrictEqual(heard, [[{ file, type: 1 }], [{ file, type: 2 }], [{ file, type: 3 }]]);
    assert.deepStrictEqual(h.readGlossaryFile(file, 100), {
      problem: { file, line: 1, column: 1, severity: 'error', message: 'The glossary cannot be read (in VS Code for the Web, glossary files are read from the workspace folders only, and this one is not there).' },
    });
  });

  it('serves the built-in glossary from the bundle, with its digest only for that very text', () => {
    const h = new MirrorHost('1.2.3', { uri: 'kpo-builtin:/kpo.glossary.yaml', text: 'terms: []\n', digest: '{}' });
    assert.deepStrictEqual(h.readGlossaryFile(h.builtinGlossaryFile(), 100), { text: 'terms: []\n' });
    assert.strictEqual(h.glossarySource(h.builtinGlossaryFile(), 'terms: []\n').digest, '{}');
    assert.strictEqual(h.glossarySource(h.builtinGlossaryFile(), 'terms: [x]\n').digest, undefined);
    assert.strictEqual(h.uriToFile('untitled:Untitled-1'), undefined);
    assert.strictEqual(h.serves('vscode-vfs://github/acme/bids/brief.md'), true);
  });
});
