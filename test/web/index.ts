// Entry of the web suite's bundle (out/web-tests/tests.js, built by scripts/e2e/web.mjs with esbuild:
// platform browser, `vscode` external). VS Code for the Web loads it in the extension host's web worker
// and calls run(); mocha is its browser build (globalThis.mocha). The last line logged, `N passed, N
// failed`, is the result scripts/e2e/web.mjs reads.

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('mocha/mocha.js');

declare const mocha: { setup(o: object): void; run(done: () => void): { stats?: { passes?: number; failures?: number } } };

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    // The spec reporter writes to console.log, which the harness reads; the browser build's default
    // (HTML) reporter needs a DOM, which the worker has not.
    mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
    require('./extension.test');
    try {
      const runner = mocha.run(() => {
        const { passes = 0, failures = 0 } = runner.stats ?? {};
        console.log(`${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (error) {
      console.error(error);
      reject(error);
    }
  });
}
