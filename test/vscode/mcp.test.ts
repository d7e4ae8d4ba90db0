// The MCP server in a real VS Code (code-server 4.139 = VS Code 1.139, which has the MCP server
// definition API): the extension registers its provider, and the definition it gives starts the
// server — the command, arguments, environment and folder VS Code would use — which answers an
// assistant's lookup over stdio. (VS Code for the Web has no such API and starts no processes: the web
// suite checks that nothing is registered there.)

import * as assert from 'assert';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as vscode from 'vscode';
import type { McpDefinition } from '../../client/src/mcp';
import { api, workspaceDir } from './helpers';

describe('MCP server definition', () => {
  it('is registered with VS Code, and the server it defines answers lookup_term', async () => {
    assert.strictEqual(typeof (vscode as unknown as { lm?: { registerMcpServerDefinitionProvider?: unknown } }).lm?.registerMcpServerDefinitionProvider, 'function', 'this VS Code has the API');
    const definition = (await api()).mcpServerDefinition() as McpDefinition | undefined;
    assert.ok(definition, 'the provider was registered');
    assert.strictEqual(definition.label, 'KPO Glossary');
    assert.strictEqual(definition.cwd, workspaceDir(), 'it starts in the workspace folder, its first root');
    assert.match(definition.args[0], /dist[\\/]mcp\.js$/);

    const client = new Client({ name: 'vscode-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: definition.command, args: definition.args, env: { ...(process.env as Record<string, string>), ...definition.env }, cwd: definition.cwd, stderr: 'pipe' }));
    try {
      const r = (await client.callTool({ name: 'lookup_term', arguments: { term: 'BPO' } })) as { structuredContent?: { entry?: { label?: string } } };
      assert.strictEqual(r.structuredContent?.entry?.label, 'Business Process Outsourcing (BPO)');
    } finally {
      await client.close();
    }
  });
});
