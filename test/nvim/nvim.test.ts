// A second, independent LSP client: Debian's Neovim (0.7), headless, runs the Neovim setup documented
// in docs/editors.md (copied out of that file), which starts the bundled server as
// `kpo-language-server --stdio`; test/nvim/proposal.lua (run by scripts/e2e/nvim.mjs with
// test/e2e/nvim/lib.lua) then drives it and prints JSON lines, and this test asserts on them.
// Without Neovim the test fails and says how to install it.

import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { ROOT, ensureBuilt } from '../protocol/client';

interface NvimResult {
  ok: boolean;
  results: Array<Record<string, any>>;
  stderr: string;
  ms: number;
}

const NVIM = process.env.KPO_E2E_NVIM || 'nvim';

/** The lua code block that follows the HTML comment starting with `marker` in docs/editors.md. */
export function documentedBlock(marker: string): string {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'editors.md'), 'utf8');
  const at = doc.indexOf(`<!-- ${marker}`);
  assert.ok(at >= 0, `docs/editors.md has no "<!-- ${marker}" marker`);
  const block = /```lua\n([\s\S]*?)\n```/.exec(doc.slice(at));
  assert.ok(block, `no lua block after "<!-- ${marker}" in docs/editors.md`);
  return block[1];
}

describe('Neovim (headless) as an LSP client', function () {
  this.timeout(90000);
  let dir: string;
  let checks: Map<string, Record<string, any>>;

  before(async function () {
    const found = spawnSync(NVIM, ['--version'], { encoding: 'utf8' });
    if (found.error || found.status !== 0) {
      throw new Error(`Neovim was not found ("${NVIM} --version" failed). Install it with "apt-get install -y neovim" (npm test does this when it can), or set KPO_E2E_NVIM to its path.`);
    }
    ensureBuilt();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-nvim-ws-'));
    const doc = path.join(dir, 'proposal.md');
    fs.copyFileSync(path.join(ROOT, 'test', 'nvim', 'proposal.md'), doc);
    // The documented setups, as a user would paste them.
    const config = path.join(dir, 'init-0.7.lua');
    fs.writeFileSync(config, documentedBlock('tested: Neovim 0.7'));
    const configNew = path.join(dir, 'init-0.8.lua');
    fs.writeFileSync(configNew, documentedBlock('checked: Neovim 0.8+'));
    // `kpo-language-server` on the PATH, as `npm link` would put it.
    const bin = path.join(dir, 'bin');
    fs.mkdirSync(bin);
    fs.writeFileSync(path.join(bin, 'kpo-language-server'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(ROOT, 'bin', 'kpo-language-server.js')}" "$@"\n`, { mode: 0o755 });
    // scripts/e2e/nvim.mjs is an ES module: load it with a real dynamic import.
    const runner = path.join(ROOT, 'scripts', 'e2e', 'nvim.mjs');
    const { runNvim } = (await import(pathToFileURL(runner).href)) as { runNvim: (o: object) => Promise<NvimResult> };
    const result = await runNvim({
      script: path.join(ROOT, 'test', 'nvim', 'proposal.lua'),
      env: { KPO_DOC: doc, KPO_NVIM_CONFIG: config, KPO_NVIM_CONFIG_NEW: configNew, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` },
      timeoutS: 60,
      cwd: dir,
    });
    checks = new Map(result.results.filter((r) => r.check).map((r) => [String(r.check), r]));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  function check(name: string): Record<string, any> {
    const found = checks.get(name);
    assert.ok(found, `no "${name}" line from Neovim; got ${[...checks.keys()].join(', ')}`);
    return found;
  }

  it('starts the server with the documented setup when a Markdown proposal opens', () => {
    assert.strictEqual(check('filetype').filetype, 'markdown');
    assert.strictEqual(check('initialized').name, 'kpo-glossary');
    assert.strictEqual(check('initialized').server, true);
    assert.strictEqual(check('initialized').omnifunc, 'v:lua.vim.lsp.omnifunc');
    const newer = check('config 0.8 compiles');
    assert.strictEqual(newer.ok, true, String(newer.err));
  });

  it('shows the diagnostics, with source, code and positions', () => {
    const items = check('diagnostics').items as Array<Record<string, any>>;
    const task = items.find((d) => d.code === 'kpo-bpo/task-mismatch');
    assert.ok(task, JSON.stringify(items));
    assert.strictEqual(task.source, 'kpo-glossary');
    assert.strictEqual(task.line, 7);
    assert.strictEqual(task.col, 'Our KPO desk will take over '.length);
    assert.ok(items.some((d) => d.code === 'term/preferred' && d.line === 8));
  });

  it('shows hover definitions, the KPO vs BPO comparison, and nothing on plain words', () => {
    assert.match(String(check('hover').text), /financial modeling/i);
    assert.match(String(check('hover').text), /Building spreadsheet or software models/);
    assert.match(String(check('hover-kpo').text), /KPO vs BPO/);
    assert.ok(check('hover-plain').text === undefined || check('hover-plain').text === null);
  });

  it('completes a partly typed service name', () => {
    const completion = check('completion');
    assert.strictEqual(completion.labels[0], 'investment research');
    assert.strictEqual(completion.newText, 'investment research');
    assert.strictEqual(check('after completion').line, 'Our analysts also deliver investment research');
  });

  it('applies a quick fix and the diagnostics follow', () => {
    const titles = check('code actions').titles as string[];
    assert.ok(titles.includes('Disable kpo-bpo/task-mismatch for this line'), titles.join(' | '));
    assert.ok(titles.includes('Change “KPO” to “BPO”'), titles.join(' | '));
    assert.strictEqual(check('code actions').preferred, 0, 'a KPO/BPO switch is a suggestion, never preferred');
    assert.strictEqual(check('after fix').line, 'Our BPO desk will take over customer support tickets from the Northwind help desk.');
    const after = check('diagnostics after fix').items as Array<Record<string, any>>;
    assert.ok(!after.some((d) => d.code === 'kpo-bpo/task-mismatch'));
  });

  it('fixes the rest on save (source.fixAll.kpo-glossary), as documented', () => {
    const lines = check('after save').lines as string[];
    // The quick fix made it BPO, which the document never defines: fix-all expands it.
    assert.strictEqual(lines[7], 'Our Business Process Outsourcing (BPO) desk will take over customer support tickets from the Northwind help desk.');
    assert.strictEqual(lines[8], 'Our Knowledge Process Outsourcing unit reports weekly.');
    assert.strictEqual(lines[10], 'Our analysts also deliver investment research');
  });
});
