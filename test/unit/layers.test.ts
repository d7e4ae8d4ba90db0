// The layers, checked from the sources: which folder may import which, which packages each may use, and
// that the adapters reach the engine only through its front door (server/src/core/index.ts). The build
// enforces the same with TypeScript project references (each layer's tsconfig.json names the layers it
// may import and the types it may see); this test also checks that those references match the table,
// so the two cannot drift apart.

import * as assert from 'assert';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Layer {
  /** Folder, from the repository root. */
  dir: string;
  /** Layers whose modules this one may import. */
  imports: string[];
  /** Packages (not relative paths) it may import; Node's built-in modules only where `node` is true. */
  packages: RegExp;
  node: boolean;
  /**
   * Files of the layer that may also use Node (its built-in modules, the node layer and `process`)
   * where the rest of the layer may not: see NODE_ENTRIES.
   */
  nodeEntries?: string[];
}

/**
 * The language server runs on Node today and in a browser web worker later (VS Code for the Web): its
 * handlers use the platform only through ServerHost (server/src/lsp/host.ts). The one exception is its
 * Node entry, which reads the command line and makes the Node host (server/src/node/server-host.ts).
 * The lsp project still sees Node's types (its tsconfig.json says why); this list is what keeps Node
 * out of the rest of the layer.
 */
const NODE_ENTRIES: Record<string, string[]> = {
  lsp: ['server/src/lsp/main.ts'],
};

const LAYERS: Record<string, Layer> = {
  core: { dir: 'server/src/core', imports: [], packages: /^yaml$/, node: false },
  shared: { dir: 'server/src/shared', imports: ['core'], packages: /^$/, node: false },
  node: { dir: 'server/src/node', imports: ['core', 'shared'], packages: /^$/, node: true },
  // Node only in NODE_ENTRIES.lsp (main.ts); elsewhere in lsp neither Node's modules, nor the node layer, nor `process`.
  lsp: { dir: 'server/src/lsp', imports: ['core', 'shared', 'node'], packages: /^vscode-languageserver(-textdocument|\/node)?$/, node: true, nodeEntries: NODE_ENTRIES.lsp },
  cli: { dir: 'server/src/cli', imports: ['core', 'shared', 'node'], packages: /^tinyglobby$/, node: true },
  // The MCP server: the engine and the Node helpers behind the official MCP SDK.
  mcp: { dir: 'server/src/mcp', imports: ['core', 'shared', 'node'], packages: /^(@modelcontextprotocol\/sdk\/(server\/(mcp|stdio)|types)\.js|zod)$/, node: true },
  // The language server's web-worker entry (VS Code for the Web): the lsp layer with the browser host, no Node.
  web: { dir: 'server/src/web', imports: ['core', 'shared', 'lsp'], packages: /^(vscode-languageserver\/browser|kpo:builtin-glossary)$/, node: false },
  // The client itself, the same on the desktop and on the web: VS Code's API, never Node.
  clientCommon: { dir: 'client/src/common', imports: ['core', 'shared'], packages: /^(vscode|vscode-languageclient)$/, node: false },
  // The desktop entry: the server in a Node process.
  client: { dir: 'client/src', imports: ['core', 'shared', 'node', 'clientCommon'], packages: /^(vscode|vscode-languageclient\/node)$/, node: true },
  // The web entry: the server in a web worker.
  clientWeb: { dir: 'client/src/web', imports: ['core', 'shared', 'clientCommon'], packages: /^(vscode|vscode-languageclient(\/browser)?)$/, node: false },
};

/** The engine's front door: the one core module the other layers import. */
const FRONT_DOOR = 'server/src/core/index.ts';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

function layerOf(file: string): string | undefined {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  // The innermost layer holding the file (client/src/web is not client/src).
  const holding = Object.keys(LAYERS).filter((name) => rel.startsWith(LAYERS[name].dir + '/'));
  return holding.sort((a, b) => LAYERS[b].dir.length - LAYERS[a].dir.length)[0];
}

function sourcesOf(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourcesOf(full));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(full);
  }
  return out;
}

/** Whether the code (not its comments or strings) names Node's global `process`. */
function usesProcess(text: string): boolean {
  const source = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest, true);
  const visit = (node: ts.Node): boolean => {
    if (ts.isIdentifier(node) && node.text === 'process') {
      const parent = node.parent;
      const isMember = (ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node);
      if (!isMember) return true;
    }
    return ts.forEachChild(node, visit) ?? false;
  };
  return visit(source);
}

/** What is wrong with the imports of one source file (its path decides its layer). */
export function violations(file: string, text: string): string[] {
  const layer = layerOf(file);
  if (!layer) return [];
  const rules = LAYERS[layer];
  const problems: string[] = [];
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  // A layer that may use Node only in some files (NODE_ENTRIES): the others may use none of it.
  const nodeHere = rules.node && (rules.nodeEntries === undefined || rules.nodeEntries.includes(rel));
  if (!nodeHere && rules.node && usesProcess(text)) problems.push(`${rel}: only ${rules.nodeEntries!.join(', ')} of ${layer} may use Node's 'process'`);
  for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
    const spec = imported.fileName;
    const where = `${rel}:${1 + text.slice(0, imported.pos).split('\n').length - 1}`;
    if (spec.startsWith('.')) {
      const target = path.resolve(path.dirname(file), spec);
      // The glossary's data (its JSON Schema) may be read by any layer.
      if (/^glossary\/[^/]+\.json$/.test(path.relative(ROOT, target).split(path.sep).join('/'))) continue;
      const targetLayer = layerOf(target + '.ts') ?? layerOf(path.join(target, 'index.ts'));
      if (targetLayer === undefined) problems.push(`${where}: imports '${spec}', outside every layer`);
      else if (targetLayer !== layer) {
        if (!rules.imports.includes(targetLayer)) problems.push(`${where}: ${layer} may not import ${targetLayer} ('${spec}')`);
        else if (targetLayer === 'node' && !nodeHere) problems.push(`${where}: only ${rules.nodeEntries!.join(', ')} of ${layer} may import node ('${spec}')`);
        else if (targetLayer === 'core') {
          const targetRel = path.relative(ROOT, target).split(path.sep).join('/');
          if (targetRel + '.ts' !== FRONT_DOOR && targetRel + '/index.ts' !== FRONT_DOOR) {
            problems.push(`${where}: imports the engine through '${spec}'; use its front door, ${FRONT_DOOR}`);
          }
        }
      }
    } else if (NODE_BUILTINS.has(spec)) {
      if (!rules.node) problems.push(`${where}: ${layer} may not use Node's '${spec}'`);
      else if (!nodeHere) problems.push(`${where}: only ${rules.nodeEntries!.join(', ')} of ${layer} may use Node's '${spec}'`);
    } else if (!rules.packages.test(spec)) {
      problems.push(`${where}: ${layer} may not import the package '${spec}'`);
    }
  }
  return problems;
}

describe('layers: imports follow the architecture', () => {
  for (const [name, layer] of Object.entries(LAYERS)) {
    it(`${name} (${layer.dir}) imports only ${layer.imports.length ? layer.imports.join(', ') : 'itself'}${layer.node ? '' : ', nothing of Node'}${layer.nodeEntries ? ` (Node only in ${layer.nodeEntries.join(', ')})` : ''}`, () => {
      const files = sourcesOf(path.join(ROOT, layer.dir));
      assert.ok(files.length > 0, `no sources in ${layer.dir}`);
      const problems = files.flatMap((file) => violations(file, fs.readFileSync(file, 'utf8')));
      assert.deepStrictEqual(problems, []);
    });

    it(`${name}: its tsconfig.json references exactly those layers and sees ${layer.node ? 'Node' : 'no Node'} types`, () => {
      const configFile = path.join(ROOT, layer.dir, 'tsconfig.json');
      const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
      assert.ok(!error, `cannot read ${configFile}`);
      const referenced = ((config.references ?? []) as Array<{ path: string }>)
        .map((r) => layerOf(path.join(path.resolve(path.dirname(configFile), r.path), 'x.ts')))
        .sort();
      assert.deepStrictEqual(referenced, [...layer.imports].sort());
      const types: string[] = config.compilerOptions?.types ?? [];
      assert.strictEqual(types.includes('node'), layer.node, `types: ${JSON.stringify(types)}`);
      assert.ok(!types.includes('vscode') || name.startsWith('client'), 'only the client sees VS Code');
    });
  }

  describe('the check itself catches a forbidden import', () => {
    const cases: Array<[string, string, RegExp]> = [
      ['server/src/core/rules/x.ts', "import * as fs from 'fs';", /core may not use Node's 'fs'/],
      ['server/src/core/x.ts', "import { read } from '../node/read';", /core may not import node/],
      ['server/src/core/x.ts', "import type { Connection } from 'vscode-languageserver';", /may not import the package 'vscode-languageserver'/],
      ['server/src/shared/x.ts', "const p = require('path');", /shared may not use Node's 'path'/],
      ['server/src/lsp/x.ts', "import { run } from '../cli/kpo-lint';", /lsp may not import cli/],
      ['server/src/lsp/x.ts', "import { createEngine } from '../core/engine';", /front door/],
      ['client/src/x.ts', "export { startServer } from '../../server/src/lsp/server';", /client may not import lsp/],
      ['server/src/cli/x.ts', "const m = await import('vscode');", /may not import the package 'vscode'/],
      // The language server's handlers reach the platform only through ServerHost; main.ts alone is Node's.
      ['server/src/lsp/x.ts', "import * as path from 'path';", /only server\/src\/lsp\/main\.ts of lsp may use Node's 'path'/],
      ['server/src/lsp/x.ts', "import { readTextFile } from '../node/files';", /only server\/src\/lsp\/main\.ts of lsp may import node/],
      ['server/src/lsp/x.ts', 'const base = process.cwd();', /only server\/src\/lsp\/main\.ts of lsp may use Node's 'process'/],
      // VS Code for the Web: neither the web worker's server nor the client's common part may use Node.
      ['server/src/web/x.ts', "import { nodeServerHost } from '../node/server-host';", /web may not import node/],
      ['client/src/common/x.ts', "import * as path from 'path';", /clientCommon may not use Node's 'path'/],
      ['client/src/common/x.ts', "import { LanguageClient } from 'vscode-languageclient/node';", /may not import the package 'vscode-languageclient\/node'/],
      ['client/src/web/x.ts', "import { GlossaryFileWatcher } from '../watch';", /clientWeb may not import client/],
    ];
    for (const [file, text, expected] of cases) {
      it(`${file}: ${text}`, () => {
        const problems = violations(path.join(ROOT, file), text);
        assert.strictEqual(problems.length, 1, problems.join('\n'));
        assert.match(problems[0], expected);
      });
    }
    it('allowed imports pass', () => {
      assert.deepStrictEqual(violations(path.join(ROOT, 'server/src/lsp/x.ts'), "import { createEngine } from '../core';\nimport type { ServerHost } from './host';"), []);
      assert.deepStrictEqual(violations(path.join(ROOT, 'server/src/lsp/main.ts'), "import { nodeServerHost } from '../node/server-host';\nconst args = process.argv;"), []);
      assert.deepStrictEqual(violations(path.join(ROOT, 'server/src/cli/x.ts'), "import * as path from 'path';\nprocess.exit(0);"), []);
      assert.deepStrictEqual(violations(path.join(ROOT, 'server/src/core/rules/x.ts'), "import { countBefore } from '../search';"), []);
    });
  });
});
