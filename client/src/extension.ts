// The desktop entry of the VS Code client (dist/client.js): the language server runs as a Node process
// (dist/server.js, over IPC) and reads glossary files from the disk itself; files are named by their
// paths. Everything else is the same client as in VS Code for the Web (common/activate.ts).

import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateClient, deactivateClient, type KpoGlossaryApi } from './common/activate';
import type { FileNames } from './common/files';
import { registerMcpServer } from './mcp';
import { GlossaryFileWatcher } from './watch';

export type { KpoGlossaryApi } from './common/activate';

export function activate(context: vscode.ExtensionContext): Promise<KpoGlossaryApi> {
  const builtin = context.asAbsolutePath(path.join('glossary', 'kpo.glossary.yaml'));
  const names: FileNames = {
    builtin,
    toUri: (file) => vscode.Uri.file(file),
    fileOf: (uri) => (uri.scheme === 'file' ? path.resolve(uri.fsPath) : undefined),
    same: (a, b) => path.resolve(a) === path.resolve(b),
    exists: (file) => fs.existsSync(file),
  };
  let client: LanguageClient | undefined;
  return activateClient(context, {
    names,
    builtinSource: vscode.Uri.file(builtin),
    schemes: () => ['file'],
    files: new GlossaryFileWatcher(() => client),
    registerMcp: registerMcpServer,
    createClient: (clientOptions) => {
      const module = context.asAbsolutePath(path.join('dist', 'server.js'));
      // Node (22 and later) keeps the server's compiled code in the extension's own storage, so later
      // starts skip compiling it; older Node versions ignore the variable.
      const env = { ...process.env, NODE_COMPILE_CACHE: path.join(context.globalStorageUri.fsPath, 'compile-cache') };
      const serverOptions: ServerOptions = {
        run: { module, transport: TransportKind.ipc, options: { env } },
        debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6012'] } },
      };
      return (client = new LanguageClient('kpoGlossary', 'KPO Glossary', serverOptions, clientOptions));
    },
  });
}

export function deactivate(): Promise<void> {
  return deactivateClient();
}
