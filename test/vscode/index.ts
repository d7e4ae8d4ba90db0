// The tests module VS Code loads into its extension host (`--extensionTestsPath`), as
// @vscode/test-electron's runTests expects: `run()` runs the suites with mocha and resolves when they
// all passed. It prints one closing line `N passed, N failed`, which the test scripts read.
//
// Run it with `node scripts/e2e/run-all.mjs` (code-server, no download) or, on a desktop VS Code,
// `VSCODE_EXECUTABLE=/path/to/code node test/e2e/vscode/runTest.mjs --extension . --tests out/test/vscode/index.js --workspace DIR`.

import * as path from 'path';

/** The suites, in the order they run: the server restarts and crashes come last. */
const SUITES = ['activation', 'language', 'fixes', 'settings', 'commands', 'workspace-glossary', 'mcp', 'lifecycle'];

type MochaCtor = new (options: Record<string, unknown>) => {
  addFile(file: string): void;
  loadFilesAsync(): Promise<void>;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number; pending: number } };
};

async function loadMocha(): Promise<MochaCtor> {
  try {
    // mocha 12 is ESM only: Node >= 20.19 / 22.12 (code-server's Node 24) can require() it.
    const m = require('mocha');
    return m.default ?? m;
  } catch (error) {
    // An Electron whose Node cannot require ES modules.
    if ((error as NodeJS.ErrnoException).code !== 'ERR_REQUIRE_ESM') throw error;
    const m = await import('mocha');
    return ((m as { default?: unknown }).default ?? m) as MochaCtor;
  }
}

export async function run(): Promise<void> {
  const Mocha = await loadMocha();
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  for (const name of SUITES) mocha.addFile(path.join(__dirname, `${name}.test.js`));
  await mocha.loadFilesAsync();
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const stats = runner.stats ?? { passes: 0, failures, pending: 0 };
      console.log(`${stats.passes} passed, ${stats.failures} failed${stats.pending ? `, ${stats.pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} tests failed.`));
      else resolve();
    });
  });
}
