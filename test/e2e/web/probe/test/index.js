// Entry of the probe's test bundle (built by scripts/e2e/web.mjs with esbuild into dist/tests.js:
// platform browser, format cjs, `vscode` external). VS Code for the Web loads it in the extension
// host's web worker and calls run(); mocha here is mocha's browser build, which sets globalThis.mocha.
// The last line it logs, `N passed, N failed`, is what scripts/e2e/web.mjs reads as the result.
require('mocha/mocha.js');

exports.run = function run() {
  return new Promise((resolve, reject) => {
    // The `spec` reporter writes to console.log, which test-web prints; the browser build's default
    // (HTML) reporter needs a DOM, which the worker has not.
    globalThis.mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 60_000, color: false });
    require('./hover.test.js'); // after setup: describe/it are globals now
    try {
      const runner = globalThis.mocha.run(() => {
        const { passes = 0, failures = 0 } = runner.stats ?? {};
        console.log(`${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
};
