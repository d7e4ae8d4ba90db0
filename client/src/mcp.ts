// The MCP server (dist/mcp.js, `kpo-glossary-mcp`) made known to VS Code's agent mode through the MCP
// server definition API (VS Code 1.101 and later): the tools appear without any mcp.json. On an older
// VS Code the API is absent and nothing is registered. Desktop only: VS Code for the Web starts no
// processes.

import * as path from 'path';
import * as vscode from 'vscode';

/** What the provider defines: the server started as Node (VS Code's own runtime) on dist/mcp.js. */
export interface McpDefinition {
  label: string;
  command: string;
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  version: string;
}

/** The part of VS Code's API (1.101+) used here; @types/vscode is pinned to 1.91, which lacks it. */
interface McpApi {
  lm?: {
    registerMcpServerDefinitionProvider?(id: string, provider: { onDidChangeMcpServerDefinitions?: vscode.Event<void>; provideMcpServerDefinitions(): unknown[] }): vscode.Disposable;
  };
  McpStdioServerDefinition?: new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string) => { cwd?: vscode.Uri };
}

export const MCP_PROVIDER_ID = 'kpoGlossary.mcpServer';

/** Registers the provider when the API exists; returns the definition it gives (undefined: not registered). */
export function registerMcpServer(context: vscode.ExtensionContext): (() => McpDefinition) | undefined {
  const api = vscode as unknown as McpApi;
  const Definition = api.McpStdioServerDefinition;
  if (!api.lm?.registerMcpServerDefinitionProvider || !Definition) return undefined;
  const definition = (): McpDefinition => {
    const folder = vscode.workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file');
    return {
      label: 'KPO Glossary',
      // The extension host's own executable runs scripts as Node with ELECTRON_RUN_AS_NODE.
      command: process.execPath,
      args: [context.asAbsolutePath(path.join('dist', 'mcp.js'))],
      env: { ELECTRON_RUN_AS_NODE: '1' },
      ...(folder ? { cwd: folder.uri.fsPath } : {}),
      version: String(context.extension.packageJSON.version ?? '0.0.0'),
    };
  };
  const changed = new vscode.EventEmitter<void>();
  context.subscriptions.push(
    changed,
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
    api.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () => {
        const d = definition();
        const server = new Definition(d.label, d.command, d.args, d.env, d.version);
        if (d.cwd) server.cwd = vscode.Uri.file(d.cwd);
        return [server];
      },
    }),
  );
  return definition;
}
