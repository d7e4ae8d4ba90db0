// The VS Code for the Web entry of the client (dist/web/client.js, the package's `browser`): the
// language server runs in a web worker (dist/web/server.js) and reads no files, so the client hands it
// the workspace's glossary files (mirror.ts); files are named by their URIs. Everything else is the
// same client as on the desktop (common/activate.ts).

import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { BUILTIN_GLOSSARY_URI } from '../../../server/src/shared/protocol';
import { activateClient, deactivateClient, type KpoGlossaryApi } from '../common/activate';
import type { FileNames } from '../common/files';
import { GlossaryMirror } from './mirror';

export function activate(context: vscode.ExtensionContext): Promise<KpoGlossaryApi> {
  let client: LanguageClient | undefined;
  let failed: ((error: Error) => void) | undefined;
  const mirror = new GlossaryMirror(() => client);
  const names: FileNames = {
    builtin: BUILTIN_GLOSSARY_URI,
    toUri: (file) => vscode.Uri.parse(file),
    fileOf: (uri) => (uri.scheme === 'untitled' ? undefined : uri.toString()),
    same: (a, b) => a === b,
    exists: (file) => file === BUILTIN_GLOSSARY_URI || mirror.has(file),
  };
  return activateClient(context, {
    names,
    builtinSource: vscode.Uri.joinPath(context.extensionUri, 'glossary', 'kpo.glossary.yaml'),
    // github.dev's repositories are vscode-vfs:, a folder opened on vscode.dev is file:, and the test
    // harness has its own: whatever the workspace folders are.
    schemes: () => [...new Set(['file', 'vscode-vfs', ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme)])],
    files: mirror,
    startFailure: () => new Promise<never>((_, reject) => (failed = reject)),
    createClient: (clientOptions) => {
      const server = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true);
      // A new worker on each start (the last one ended). The transports are made here: the extension
      // host's Worker is its own class, which the client's `instanceof Worker` test does not recognise.
      let worker: Worker | undefined;
      const start = async () => {
        worker?.terminate();
        worker = new Worker(server);
        worker.addEventListener('error', (event) => failed?.(new Error(event.message || 'the server’s web worker failed')));
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      };
      context.subscriptions.push({ dispose: () => worker?.terminate() });
      return (client = new LanguageClient('kpoGlossary', 'KPO Glossary', start, clientOptions));
    },
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
