#!/usr/bin/env node
// The UI pass: the packaged .vsix installed into a clean VS Code (code-server 4.139.1 = VS Code 1.139.1)
// and used through the browser as a writer would, on a copy of samples/proposal.md:
//   1. a squiggle appears under a confusion (“customer support” sold as KPO work);
//   2. the hover widget shows a term's definition;
//   3. the quick-fix menu (Ctrl+.) offers “Change “KPO” to “BPO”” and applying it changes the text;
//   4. the KPO hover fits the default hover without scrolling, and a flagged word's hover does not
//      repeat the finding;
//   5. typing ordinary sentences with Enter at the line ends leaves exactly the text typed, with VS Code's
//      pop-up suggestions off (Markdown's default, which the extension leaves alone) and on; Ctrl+Space
//      offers the service being typed and Enter completes it;
//   6. the language status item shows the glossary, and its link stays visible with a broken workspace
//      glossary; the Settings editor reads "KPO Glossary", not "Kpo Glossary ›"; "Restart Server" says
//      it is done.
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
import { createRequire } from 'node:module';
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

/** The names of the files in a .vsix (a zip). */
function vsixFiles(file) {
  const yauzl = createRequire(import.meta.url)('yauzl');
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names = [];
      zip.on('entry', (entry) => {
        names.push(entry.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    }),
  );
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
    await check('the .vsix carries the desktop and the web entry points and stays under 1 MB', async () => {
      const files = await vsixFiles(vsix);
      const entries = ['extension/dist/client.js', 'extension/dist/server.js', 'extension/dist/web/client.js', 'extension/dist/web/server.js', 'extension/glossary/kpo.glossary.yaml'];
      const missing = entries.filter((f) => !files.includes(f));
      if (missing.length) throw new Error(`missing from the .vsix: ${missing.join(', ')} (it has ${files.join(', ')})`);
      const size = fs.statSync(vsix).size;
      if (size >= 1024 * 1024) throw new Error(`the .vsix is ${(size / 1024).toFixed(0)} KB`);
      log(`${files.length} files, ${(size / 1024).toFixed(0)} KB`);
    });
    // Saving by hand (code-server saves after a delay by default), so the test reads what was typed.
    ui = await openWorkbench({ vsix, workspace, screenshots: shots, keepRun, label: 'ui-pass', viewport: { width: 1280, height: 800 }, settings: { 'files.autoSave': 'off' } });
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
      const times = text.split('is a routine BPO task').length - 1;
      if (times !== 1) throw new Error(`the finding is said ${times} times in the hover: ${text}`);
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

    await check('the KPO hover is short: it fits the default hover without scrolling', async () => {
      const at = where(sample, '(KPO) is valued');
      await ui.gotoLine(at.line, at.col + 2);
      const text = await ui.hover({ match: /Knowledge Process Outsourcing/ });
      if (/Notes|Aspect|Related|\?/.test(text)) throw new Error(`the short hover shows the details: ${text}`);
      if (!/The whole entry/.test(text)) throw new Error(`no link to the whole entry: ${text}`);
      await settle(page);
      const scroll = await page.locator(SEL.hover).first().evaluate((hover) => {
        const boxes = [hover, ...hover.querySelectorAll('*')].filter((e) => /auto|scroll|hidden/.test(getComputedStyle(e).overflowY) && e.clientHeight > 0);
        return boxes.map((e) => ({ cls: e.className, scrollHeight: e.scrollHeight, clientHeight: e.clientHeight })).filter((b) => b.scrollHeight > b.clientHeight + 2);
      });
      if (scroll.length > 0) throw new Error(`the hover scrolls: ${JSON.stringify(scroll)}`);
      await ui.screenshot('hover-kpo');
      await ui.press('Escape');
      await page.mouse.move(5, 5);
    });

    // Typing ordinary prose: each line ends with a word that is no glossary name, a common word, a whole
    // name, or one a fuzzy match would have taken ("peers" → "patent research").
    const LINES = ['Benchmarks against the main peers', 'Weekly call with the', 'Our KPO team delivers market research', 'Research on pensions and payments'];
    const typeLines = async () => {
      for (const line of LINES) {
        await ui.type(line, { delay: 35 });
        await sleep(400); // time for a pop-up to appear, as a writer pausing at the end of a line
        await ui.press('Enter');
      }
    };
    const saved = async () => {
      await ui.press('Control+S');
      await page.waitForFunction(() => !document.querySelector('.tabs-container .tab.active.dirty'), null, { timeout: 10_000 });
      await sleep(300);
      return fs.readFileSync(path.join(workspace, 'proposal.md'), 'utf8');
    };

    await check('typing ordinary sentences with Enter at line ends keeps exactly what was typed (pop-up suggestions off, the default)', async () => {
      await ui.focusEditor();
      await ui.press('Control+End', 'Enter', 'Enter');
      const before = await saved();
      await typeLines();
      const after = await saved();
      const typed = after.slice(before.length);
      if (typed !== LINES.join('\n') + '\n') throw new Error(`typed ${JSON.stringify(LINES)}, the file gained ${JSON.stringify(typed)}`);
      await ui.type('We offer financial mo', { delay: 35 });
      await sleep(1500);
      if (await page.locator(SEL.suggestRow).count()) throw new Error('a suggestion popped up while typing, with pop-ups off');
    });

    await check('Ctrl+Space offers the service being typed, first, and Enter completes it', async () => {
      const labels = (await ui.triggerSuggest()).map(plain);
      if (labels[0] !== 'financial modeling') throw new Error(`suggestions: ${labels.join(' | ')}`);
      await settle(page);
      await ui.screenshot('completion');
      await ui.press('Enter');
      const text = await saved();
      if (!text.endsWith('\nWe offer financial modeling')) throw new Error(`the file ends: ${JSON.stringify(text.slice(-60))}`);
    });

    await check('with glossary pop-ups turned on for Markdown (the README recipe), typing still keeps exactly what was typed', async () => {
      fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
      // The README's recipe for glossary pop-ups: quick suggestions on for Markdown, VS Code's own
      // word-based suggestions off (they offer any word of the document: "the" → "The" on Enter), and
      // Enter accepting only a suggestion that changes the text (a name typed in full, its pop-up not
      // yet refreshed on a loaded machine, once ate the Enter after it).
      const recipe = { 'editor.quickSuggestions': { other: 'on', comments: 'on', strings: 'on' }, 'editor.wordBasedSuggestions': 'off', 'editor.acceptSuggestionOnEnter': 'smart' };
      fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), JSON.stringify({ '[markdown]': recipe }, null, 2));
      await ui.focusEditor();
      await ui.press('Control+End', 'Enter');
      // Pop-ups are on: typing a service's start shows it without Ctrl+Space (VS Code reads the file live).
      const end = Date.now() + 20_000;
      let shown = false;
      while (!shown && Date.now() < end) {
        await ui.type('Our financial mo', { delay: 35 });
        shown = await page.locator(SEL.suggestRow, { hasText: 'financial modeling' }).first().waitFor({ timeout: 3000 }).then(() => true, () => false);
        await ui.press('Escape');
        for (let i = 0; i < 'Our financial mo'.length; i++) await ui.press('Backspace');
      }
      if (!shown) throw new Error('no pop-up while typing “financial mo” with editor.quickSuggestions on');
      const before = await saved();
      await typeLines();
      const after = await saved();
      const typed = after.slice(before.length);
      if (typed !== LINES.join('\n') + '\n') throw new Error(`typed ${JSON.stringify(LINES)}, the file gained ${JSON.stringify(typed)}`);
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

    await check('with a broken workspace glossary, the status popup keeps its “Show problems” link in view', async () => {
      fs.writeFileSync(path.join(workspace, '.kpo-glossary.yaml'), 'terms:\n  - term: gadget scouting\n    category: kpo-service\n    definition: Finding gadgets: the ones a client should buy.\n');
      const item = page.locator('.statusbar-item[id="status.languageStatus"] a, #status\\.languageStatus a').first();
      const end = Date.now() + 20_000;
      let text = '';
      while (Date.now() < end) {
        await ui.press('Escape');
        await item.click();
        const hover = await ui.maybe('.monaco-hover:visible', { timeout: 3000 });
        text = hover ? plain(await hover.innerText()) : '';
        if (/KPO Glossary: \d+ problem/.test(text)) break;
        await sleep(500);
      }
      if (!/KPO Glossary: 1 problem/.test(text)) throw new Error(`status hover: ${text}`);
      const hover = page.locator('.monaco-hover:visible').first();
      const link = hover.locator('a', { hasText: 'Show problems' }).first();
      await link.waitFor({ state: 'visible', timeout: 5000 });
      const [h, l, view] = [await hover.boundingBox(), await link.boundingBox(), page.viewportSize()];
      if (!h || !l || l.x < h.x || l.x + l.width > h.x + h.width + 1 || l.x + l.width > view.width) throw new Error(`the link is cut off: hover ${JSON.stringify(h)}, link ${JSON.stringify(l)}`);
      await settle(page);
      await ui.screenshot('status-problems');
      await ui.press('Escape');
      fs.rmSync(path.join(workspace, '.kpo-glossary.yaml'));
    });

    await check('the Settings editor lists the settings under “KPO Glossary”, without “Kpo Glossary ›”', async () => {
      await ui.runCommand('Preferences: Open Settings (UI)');
      // The table of contents groups the extension's sections under its name; showing them lists its settings.
      const extensions = page.locator('.settings-toc-container .monaco-list-row', { hasText: /^Extensions/ }).first();
      await extensions.waitFor({ state: 'visible', timeout: 15_000 });
      await extensions.click();
      const titles = [];
      for (const section of ['KPO Glossary', 'Glossaries', 'Hover and Co', 'Troubleshooting']) {
        const toc = page.locator('.settings-toc-container .monaco-list-row', { hasText: section }).first();
        await toc.waitFor({ state: 'visible', timeout: 15_000 });
        await toc.click();
        await sleep(800);
        titles.push(...(await page.locator('.settings-editor .setting-item-title').allInnerTexts()).map((r) => plain(r).replace(/\s+/g, ' ')));
        if (section === 'Hover and Co') {
          await settle(page);
          await ui.screenshot('settings');
        }
      }
      if (!titles.includes('Hover: Enable') || !titles.includes('Rules') || !titles.includes('Glossary Files')) throw new Error(`settings shown: ${titles.join(' | ')}`);
      const bad = titles.filter((t) => /Kpo/.test(t));
      if (bad.length) throw new Error(`labels still read “Kpo”: ${bad.join(' | ')}`);
      await ui.press('Control+W');
    });

    await check('“KPO Glossary: Restart Server” says it is done', async () => {
      await ui.runCommand('KPO Glossary: Restart Server');
      const message = page.locator('.statusbar-item', { hasText: 'the server restarted' }).first();
      await message.waitFor({ state: 'visible', timeout: 20_000 });
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
