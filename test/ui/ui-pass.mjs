#!/usr/bin/env node
// The UI pass: the packaged .vsix installed into a clean VS Code (code-server 4.139.1 = VS Code 1.139.1)
// and used through the browser as a writer would, on a copy of samples/proposal.md:
//   1. a squiggle appears under a confusion (“customer support” sold as KPO work);
//   2. the hover widget shows a term's definition;
//   3. the quick-fix menu (Ctrl+.) offers “Change “KPO” to “BPO”” and applying it changes the text;
//   4. the suggest widget appears while TYPING a service name (no Ctrl+Space) and accepting it completes it;
//   5. the language status item shows the glossary.
// Each step takes a screenshot. Ends with one line `N passed, N failed`; exit 1 on any failure.
//
//   node test/ui/ui-pass.mjs [--vsix kpo-glossary.vsix] [--screenshots DIR] [--keep-run]
//
// Screenshots go to .cache/e2e/screenshots/ by default; `--screenshots docs/images` refreshes the
// README's (run-all.mjs does that with KPO_UPDATE_SCREENSHOTS=1).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { log, runCleanups } from '../../scripts/e2e/code-server.mjs';
import { SEL, openWorkbench } from '../../scripts/e2e/ui.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return fallback;
  return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
};
const vsix = path.resolve(arg('vsix', path.join(ROOT, 'kpo-glossary.vsix')));
const shots = path.resolve(arg('screenshots', path.join(ROOT, '.cache', 'e2e', 'screenshots')));
const keepRun = argv.includes('--keep-run');
const TIMEOUT_S = Number(process.env.KPO_UI_TIMEOUT || 240);

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** The editor renders spaces as no-break spaces. */
const plain = (s) => s.replace(/\u00a0/g, ' ').trim();

/** Lets the widget's fade-in finish before a screenshot (bounded; cosmetic only). */
async function settle(page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), null, { timeout: 2000 }).catch(() => {});
  await sleep(150);
}

/** 1-based line and column of the first `needle` in `text` (optionally the first after `after`). */
function where(text, needle, after = '') {
  const offset = text.indexOf(needle, after ? text.indexOf(after) : 0);
  if (offset < 0) throw new Error(`“${needle}” is not in the sample`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, col: before[before.length - 1].length + 1 };
}

const results = [];
let ui;

async function check(name, fn) {
  const t0 = Date.now();
  try {
    await fn();
    results.push({ name, ok: true });
    console.log(`  ✔ ${name} (${Date.now() - t0} ms)`);
  } catch (e) {
    results.push({ name, ok: false });
    console.log(`  ✖ ${name}: ${e?.message ?? e}`);
    if (ui) await ui.screenshot(`failure-${name.slice(0, 40)}`).catch(() => {});
  }
}

async function main() {
  if (!fs.existsSync(vsix)) throw new Error(`no ${vsix}: run \`npm run package\` first`);
  // A clean workspace holding a copy of the sample.
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-ui-'));
  const sample = fs.readFileSync(path.join(ROOT, 'samples', 'proposal.md'), 'utf8');
  fs.writeFileSync(path.join(workspace, 'proposal.md'), sample);
  try {
    console.log('UI pass (code-server, the installed .vsix)');
    ui = await openWorkbench({ vsix, workspace, screenshots: shots, keepRun, label: 'ui-pass', viewport: { width: 1280, height: 800 } });
    const page = ui.page;
    await ui.openFromExplorer('proposal.md');
    // More room for the editor in the screenshots: hide the side bar (View: Toggle Primary Side Bar Visibility).
    await ui.press('Control+B');
    await ui.focusEditor();

    const confusion = where(sample, 'customer support', 'Our KPO desk');
    await check('a squiggle appears under “customer support” (a BPO task sold as KPO work)', async () => {
      await ui.gotoLine(confusion.line, confusion.col + 2);
      await ui.waitForCount(SEL.squigglyWarning, 1);
      const cursor = await ui.cursorBox();
      // Rendering a squiggle and placing it can take a frame: look until one lies under the cursor.
      const end = Date.now() + 10_000;
      for (;;) {
        const boxes = await page.locator(SEL.squigglyWarning).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON()));
        const under = boxes.find((b) => b.left <= cursor.x && cursor.x <= b.right && Math.abs(b.top + b.height / 2 - (cursor.y + cursor.height / 2)) < cursor.height);
        if (under) {
          if (under.width < 60) throw new Error(`the squiggle is ${under.width}px wide: expected it to span “customer support”`);
          break;
        }
        if (Date.now() > end) throw new Error(`no squiggle under the cursor at ${cursor.x},${cursor.y}; squiggles: ${JSON.stringify(boxes.slice(0, 5))}`);
        await sleep(200);
      }
      const text = await ui.hover({ match: /routine BPO task/ });
      if (!/customer support/.test(text)) throw new Error(`the hover on the squiggle says: ${text}`);
      await settle(page);
      await ui.screenshot('diagnostic');
      await ui.press('Escape');
    });

    await check('the hover widget shows the definition of “financial modeling”', async () => {
      const at = where(sample, 'financial modeling');
      await ui.gotoLine(at.line, at.col + 3);
      const text = await ui.hover({ match: /financial modeling/i });
      if (!/spreadsheet or software models/.test(text)) throw new Error(`hover text: ${text}`);
      log(`hover via ${ui.lastHoverVia}`);
      await settle(page);
      await ui.screenshot('hover');
      await ui.press('Escape');
      await page.mouse.move(5, 5);
    });

    await check('the quick-fix menu offers “Change “KPO” to “BPO”” and applies it', async () => {
      await ui.gotoLine(confusion.line, confusion.col + 2);
      const labels = (await ui.quickFix()).map(plain);
      if (!labels.some((l) => l.includes('Change “KPO” to “BPO”'))) throw new Error(`menu: ${labels.join(' | ')}`);
      if (labels.some((l) => l.includes('Replace with'))) throw new Error(`a related entry offered as a replacement: ${labels.join(' | ')}`);
      await settle(page);
      await ui.screenshot('quick-fix');
      await page.locator(SEL.actionRow, { hasText: 'Change “KPO” to “BPO”' }).first().click();
      const line = page.locator('.view-line', { hasText: /desk.will.take.over.customer/ }).first();
      const end = Date.now() + 10_000;
      let text = '';
      while (Date.now() < end) {
        text = plain(await line.innerText());
        if (text.startsWith('Our BPO desk')) break;
        await sleep(100);
      }
      if (!text.startsWith('Our BPO desk will take over customer support tickets')) throw new Error(`the line reads: ${text}`);
    });

    await check('the suggest widget appears while typing “financial mo” (no Ctrl+Space) and completes it', async () => {
      await ui.focusEditor();
      await ui.press('Control+End', 'Enter', 'Enter');
      await ui.type('We offer financial mo', { delay: 80 });
      const row = page.locator(SEL.suggestRow, { hasText: 'financial modeling' }).first();
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      const labels = (await page.locator(`${SEL.suggestRow} .label-name`).allInnerTexts()).map(plain);
      if (labels[0] !== 'financial modeling') throw new Error(`first suggestion: ${labels.join(' | ')}`);
      await settle(page);
      await ui.screenshot('completion');
      await ui.press('Enter');
      const line = page.locator('.view-line', { hasText: /^We.offer.financial/ }).first();
      const end = Date.now() + 10_000;
      let text = '';
      while (Date.now() < end) {
        text = plain(await line.innerText());
        if (text === 'We offer financial modeling') break;
        await sleep(100);
      }
      if (text !== 'We offer financial modeling') throw new Error(`the line reads: ${text}`);
    });

    await check('the language status item shows the built-in glossary', async () => {
      // The {} item next to "Markdown" in the status bar opens the language status hover.
      const item = page.locator('.statusbar-item[id="status.languageStatus"] a, #status\\.languageStatus a').first();
      await item.waitFor({ state: 'visible', timeout: 10_000 });
      await item.click();
      const hover = await ui.waitFor('.monaco-hover:visible', { timeout: 10_000 });
      const text = plain(await hover.innerText());
      if (!/KPO Glossary: \d+ entries/.test(text)) throw new Error(`status hover: ${text}`);
      await settle(page);
      await ui.screenshot('status');
      await ui.press('Escape');
    });
  } finally {
    if (ui) await ui.close({ failed: results.some((r) => !r.ok) });
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

const t0 = Date.now();
const timer = setTimeout(() => {
  console.log(`UI pass: timed out after ${TIMEOUT_S} s`);
  runCleanups();
  console.log(`${results.filter((r) => r.ok).length} passed, ${results.filter((r) => !r.ok).length + 1} failed`);
  process.exit(124);
}, TIMEOUT_S * 1000);

let broken = false;
try {
  await main();
} catch (e) {
  console.log(`UI pass failed: ${e?.stack ?? e}`);
  broken = true;
}
clearTimeout(timer);
const passed = results.filter((r) => r.ok).length;
const failed = results.filter((r) => !r.ok).length + (broken ? 1 : 0);
log(`UI pass done in ${((Date.now() - t0) / 1000).toFixed(1)} s; screenshots in ${shots}`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
