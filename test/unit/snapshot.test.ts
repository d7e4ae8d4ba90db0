// The server's snapshot rule (server/src/lsp/context.ts, documents.ts): a snapshot's findings are those
// of its own version's analysis; once the document has changed (and Engine.update has consumed that
// analysis), asking for the old findings throws rather than answering with another version's.

import * as assert from 'assert';
import { DocumentStore } from '../../server/src/lsp/documents';
import { nodeServerHost } from '../../server/src/node/server-host';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';
import { builtinEngine } from './helpers/engine';

type Handler = (event: unknown) => void;

/** The part of a connection TextDocuments listens on: the test sends the notifications itself. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const on = (name: string) => (handler: Handler) => {
    handlers.set(name, handler);
    return { dispose: () => handlers.delete(name) };
  };
  const connection = {
    onDidOpenTextDocument: on('open'),
    onDidChangeTextDocument: on('change'),
    onDidCloseTextDocument: on('close'),
    onWillSaveTextDocument: on('willSave'),
    onWillSaveTextDocumentWaitUntil: on('willSaveWaitUntil'),
    onDidSaveTextDocument: on('save'),
  };
  const send = (name: string, event: unknown) => handlers.get(name)!(event);
  return { connection, send };
}

describe('server snapshots: findings of their own version', () => {
  const uri = 'file:///tmp/proposal.md';
  const engine = builtinEngine();

  function open(text: string) {
    const store = new DocumentStore(nodeServerHost());
    const { connection, send } = fakeConnection();
    store.documents.listen(connection as never);
    send('open', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    return { store, send };
  }

  it('answers the findings of the version it was taken at, the same array each time', () => {
    const { store } = open('Our BPO team does equity research. Our KPO desk does data entry.');
    const analysis = store.analysis(store.get(uri)!, engine);
    const findings = store.findings(uri, analysis, engine, DEFAULT_SETTINGS);
    assert.ok(findings.length > 0, 'the text has findings');
    assert.strictEqual(store.findings(uri, analysis, engine, DEFAULT_SETTINGS), findings);
  });

  it('refuses the findings of an earlier version once the document has changed', () => {
    const first = 'Our BPO team does equity research.';
    const { store, send } = open(first);
    const old = store.analysis(store.get(uri)!, engine);
    send('change', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 0, character: 4 }, end: { line: 0, character: 7 } }, text: 'KPO' }] });
    const current = store.analysis(store.get(uri)!, engine);
    assert.notStrictEqual(current, old);
    assert.throws(() => store.findings(uri, old, engine, DEFAULT_SETTINGS), /earlier version .*take a new snapshot/);
    // The new snapshot's findings are those of the new text, as a fresh analysis gives them.
    const text = store.get(uri)!.getText();
    assert.strictEqual(text, 'Our KPO team does equity research.');
    const expected = engine.lint(engine.analyze(text)).map((f) => `${f.ruleId}@${f.start}`);
    assert.deepStrictEqual(store.findings(uri, current, engine, DEFAULT_SETTINGS).map((f) => `${f.ruleId}@${f.start}`), expected);
  });
});
