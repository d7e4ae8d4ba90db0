#!/usr/bin/env node
// UI pass helpers: drive VS Code (code-server in headless Chromium) as a user would, with an installed
// .vsix, and take screenshots.
//
//   import { openWorkbench, SEL } from './ui.mjs';
//   const ui = await openWorkbench({ vsix: '/abs/x.vsix', workspace: '/abs/ws', screenshots: '/abs/shots' });
//   try {
//     await ui.openFile('proposal.md');          // Quick Open (Ctrl+P); or ui.openFromExplorer('proposal.md')
//     await ui.gotoLine(3, 5);                    // Ctrl+G "3:5"
//     const hover = await ui.hover();             // mouse on the cursor's word, small moves + retries; keyboard fallback
//     await ui.screenshot('hover');
//     await ui.type('KP'); await ui.triggerSuggest(); await ui.waitFor(SEL.suggestRow);
//   } finally { await ui.close(); }               // always: kills code-server's process group and Chromium
//
// Every wait is bounded. CLI (a quick manual check / the harness' own proof):
//   node scripts/e2e/ui.mjs --vsix X.vsix --workspace DIR --file NAME [--at LINE:COL] [--hover]
//        [--screenshots DIR] [--keep-run]

import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureToolchain } from './toolchain.mjs';
import { installExtension, launchBrowser, log, newRunDir, runCleanups, startCodeServer, workbenchUrl } from './code-server.mjs';

/** Selectors of VS Code 1.139's workbench (checked on code-server 4.139.1). */
export const SEL = Object.freeze({
  workbench: '.monaco-workbench',
  explorerRow: '.explorer-folders-view .monaco-list-row',
  editor: '.editor-instance .monaco-editor',
  activeTab: '.tabs-container .tab.active',
  cursor: '.monaco-editor.focused .cursors-layer .cursor',
  quickInput: '.quick-input-widget',
  quickInputRow: '.quick-input-widget .monaco-list-row',
  hover: '.monaco-hover:visible',
  hoverContents: '.monaco-hover:visible .hover-contents',
  suggestRow: '.suggest-widget.visible .monaco-list-row',
  squigglyWarning: '.squiggly-warning',
  squigglyError: '.squiggly-error',
  squigglyInfo: '.squiggly-info',
  actionRow: '.action-widget .monaco-list-row',
  notificationToast: '.notifications-toasts .notification-toast',
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * Installs the vsix (when given) into a fresh extensions dir, starts code-server with it, opens the
 * workbench on `workspace` and waits until it is ready.
 * @param {{ vsix?: string, extensionsDir?: string, workspace: string, settings?: object, env?: object,
 *           screenshots?: string, label?: string, keepRun?: boolean, viewport?: {width:number,height:number},
 *           readyTimeoutMs?: number }} o
 */
export async function openWorkbench(o) {
  const t0 = Date.now();
  await ensureToolchain({ only: 'vscode' });
  const run = newRunDir(o.label ?? 'ui');
  const extensionsDir = o.extensionsDir ?? path.join(run.dir, 'ext');
  let server, browser;
  const shots = o.screenshots ? path.resolve(o.screenshots) : path.join(run.dir, 'screenshots');
  fs.mkdirSync(shots, { recursive: true });
  try {
    if (o.vsix) await installExtension({ vsix: o.vsix, extensionsDir, run });
    server = await startCodeServer({ run, extensionsDir, settings: o.settings, env: o.env });
    browser = await launchBrowser({ run, viewport: o.viewport });
    const { page } = browser;
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (e) => fs.appendFileSync(path.join(run.dir, 'page-errors.log'), `${e?.stack ?? e}\n`));
    await page.goto(workbenchUrl(server, { workspace: o.workspace }), { timeout: o.readyTimeoutMs ?? 60_000 });
    await page.locator(SEL.workbench).waitFor({ state: 'visible', timeout: o.readyTimeoutMs ?? 60_000 });
    // The explorer lists the folder once the remote connection is up.
    await page.locator(SEL.explorerRow).first().waitFor({ state: 'visible', timeout: o.readyTimeoutMs ?? 60_000 });
    log(`workbench ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (e) {
    if (browser) await browser.page.screenshot({ path: path.join(shots, 'open-failure.png') }).catch(() => {});
    if (browser) await browser.close();
    if (server) await server.stop();
    log(`run folder kept: ${run.dir}`);
    throw e;
  }
  return new UiSession({ run, server, browser, shots, keepRun: o.keepRun });
}

export class UiSession {
  constructor({ run, server, browser, shots, keepRun }) {
    this.run = run;
    this.server = server;
    this.browser = browser;
    this.page = browser.page;
    this.shots = shots;
    this.keepRun = keepRun;
  }

  /** Waits for a selector to be visible (bounded); returns the first match as a locator. */
  async waitFor(selector, { timeout = 15_000, state = 'visible' } = {}) {
    const loc = this.page.locator(selector).first();
    await loc.waitFor({ state, timeout });
    return loc;
  }

  /** Like waitFor but resolves to null instead of throwing. */
  async maybe(selector, opts) {
    try {
      return await this.waitFor(selector, opts);
    } catch {
      return null;
    }
  }

  async count(selector) {
    return this.page.locator(selector).count();
  }

  async press(...keys) {
    for (const k of keys) await this.page.keyboard.press(k);
  }

  /** Types text into the focused element (the editor, usually). */
  async type(text, { delay = 20 } = {}) {
    await this.page.keyboard.type(text, { delay });
  }

  /** Runs a command by its label through the command palette (F1). */
  async runCommand(label, { timeout = 15_000 } = {}) {
    await this.press('Escape');
    await this.press('F1');
    await this.waitFor(SEL.quickInput, { timeout });
    await this.page.keyboard.type(label, { delay: 10 });
    await this.waitFor(SEL.quickInputRow, { timeout });
    await sleep(150);
    await this.press('Enter');
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P) and waits for its editor tab. */
  async openFile(name, { timeout = 20_000 } = {}) {
    const end = Date.now() + timeout;
    for (let attempt = 1; ; attempt++) {
      try {
        await this.press('Escape');
        await this.press('Control+P');
        await this.waitFor(SEL.quickInput, { timeout: 5000 });
        await this.page.keyboard.type(name, { delay: 10 });
        // Wait for a result row whose label is the file name (the file index can lag just after start).
        await this.page.locator(`${SEL.quickInputRow} .label-name`, { hasText: path.basename(name) }).first().waitFor({ timeout: 5000 });
        await this.press('Enter');
        await this.waitForEditor(name, { timeout: 5000 });
        return;
      } catch (e) {
        if (Date.now() > end) throw new Error(`could not open ${name} with Quick Open: ${e.message}`);
        await sleep(500);
      }
    }
  }

  /** Opens a file by clicking its row in the explorer (top level or already expanded folders). */
  async openFromExplorer(name, { timeout = 15_000 } = {}) {
    const row = this.page.locator(SEL.explorerRow, { hasText: path.basename(name) }).first();
    await row.waitFor({ timeout });
    await row.click();
    await this.waitForEditor(name, { timeout });
  }

  /** Waits for the active editor tab of `name`, and focuses the editor. */
  async waitForEditor(name, { timeout = 15_000 } = {}) {
    await this.page.locator(SEL.activeTab, { hasText: path.basename(name) }).first().waitFor({ timeout });
    await this.page.locator(SEL.editor).first().waitFor({ timeout });
    await this.focusEditor();
  }

  /** Gives the active editor the keyboard focus without moving its cursor (no click). */
  async focusEditor() {
    if (await this.page.locator('.editor-instance .monaco-editor.focused').count()) return;
    await this.runCommand('View: Focus Active Editor Group');
    await this.waitFor('.editor-instance .monaco-editor.focused', { timeout: 5000 });
  }

  /** Places the cursor with the keyboard: Ctrl+G "line:col" (1-based). */
  async gotoLine(line, col = 1) {
    await this.focusEditor();
    await this.press('Control+G');
    await this.waitFor(SEL.quickInput, { timeout: 5000 });
    await this.page.keyboard.type(`${line}:${col}`, { delay: 10 });
    await this.press('Enter');
    await this.waitFor(SEL.cursor, { timeout: 5000 });
  }

  /** Finds text in the active editor (Ctrl+F, Enter, Escape): the cursor ends at the match. */
  async find(text) {
    await this.focusEditor();
    await this.press('Control+F');
    await this.page.keyboard.type(text, { delay: 10 });
    await this.press('Enter', 'Escape');
  }

  /** The cursor's box on the page (or null). */
  async cursorBox() {
    return this.page.locator(SEL.cursor).first().boundingBox();
  }

  /**
   * Shows the hover for the word at the cursor: moves the mouse onto it in small steps (several tries,
   * with small wiggles), then falls back to the keyboard (Ctrl+K Ctrl+I = editor.action.showHover).
   * Returns the hover's text, or throws after `timeout`.
   * `this.lastHoverVia` tells which way worked. mouse: false goes straight to the keyboard.
   * @param {{ timeout?: number, keyboardFallback?: boolean, mouse?: boolean, match?: RegExp }} [o]
   */
  async hover({ timeout = 20_000, keyboardFallback = true, mouse = true, match } = {}) {
    const end = Date.now() + timeout;
    const ok = async (ms) => {
      const h = await this.maybe(SEL.hover, { timeout: ms });
      if (!h) return null;
      const text = (await h.innerText().catch(() => '')).trim();
      return !match || match.test(text) ? text : null;
    };
    const box = mouse ? await this.cursorBox() : null;
    if (box) {
      const x = box.x + 3;
      const y = box.y + box.height / 2;
      for (let attempt = 0; Date.now() < end && attempt < 6; attempt++) {
        await this.page.mouse.move(x - 40, y + 30, { steps: 2 });
        await this.page.mouse.move(x + (attempt % 3) * 2, y, { steps: 8 });
        await this.page.mouse.move(x + (attempt % 3) * 2 + 1, y, { steps: 1 });
        const t = await ok(1500);
        if (t) {
          this.lastHoverVia = `mouse (try ${attempt + 1})`;
          return t;
        }
      }
    }
    if (keyboardFallback) {
      while (Date.now() < end) {
        await this.page.mouse.move(5, 5);
        await this.focusEditor().catch(() => {});
        await this.press('Control+K', 'Control+I');
        const t = await ok(2000);
        if (t) {
          this.lastHoverVia = 'keyboard (Ctrl+K Ctrl+I)';
          return t;
        }
      }
    }
    throw new Error(`no hover${match ? ` matching ${match}` : ''} within ${timeout / 1000} s`);
  }

  /** Opens the suggest widget (Ctrl+Space) and returns the labels of its rows. */
  async triggerSuggest({ timeout = 10_000 } = {}) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      await this.press('Control+Space');
      if (await this.maybe(SEL.suggestRow, { timeout: 2000 })) break;
    }
    await this.waitFor(SEL.suggestRow, { timeout: 1000 });
    return this.page.locator(`${SEL.suggestRow} .label-name`).allInnerTexts();
  }

  /** Opens the quick-fix menu (Ctrl+.) at the cursor and returns the labels of its rows. */
  async quickFix({ timeout = 10_000 } = {}) {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      await this.press('Control+.');
      if (await this.maybe(SEL.actionRow, { timeout: 2000 })) break;
      await this.press('Escape');
    }
    await this.waitFor(SEL.actionRow, { timeout: 1000 });
    return this.page.locator(SEL.actionRow).allInnerTexts();
  }

  /** Waits until at least `min` elements match (e.g. squiggles after diagnostics arrive). */
  async waitForCount(selector, min = 1, { timeout = 20_000 } = {}) {
    const end = Date.now() + timeout;
    for (;;) {
      const n = await this.count(selector);
      if (n >= min) return n;
      if (Date.now() > end) throw new Error(`expected >= ${min} of ${selector}, saw ${n} after ${timeout / 1000} s`);
      await sleep(200);
    }
  }

  async clearNotifications() {
    await this.runCommand('Notifications: Clear All Notifications').catch(() => {});
  }

  /** Saves a PNG of the page as <screenshots>/<name>.png and returns its path. */
  async screenshot(name, opts = {}) {
    const file = path.join(this.shots, `${name.replace(/[^\w.-]+/g, '_')}.png`);
    await this.page.screenshot({ path: file, ...opts });
    log(`screenshot ${file}`);
    return file;
  }

  /** Closes Chromium and kills code-server's process group; removes the run folder unless kept. */
  async close({ failed = false } = {}) {
    await this.browser.close();
    await this.server.stop();
    if (this.keepRun || failed || process.env.KPO_E2E_KEEP === '1') log(`run folder kept: ${this.run.dir}`);
    else if (!this.shots.startsWith(this.run.dir)) this.run.remove();
  }
}

// CLI
if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const argv = process.argv.slice(2);
  const get = (n) => {
    const i = argv.findIndex((a) => a === `--${n}` || a.startsWith(`--${n}=`));
    if (i < 0) return undefined;
    return argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
  };
  const has = (n) => argv.includes(`--${n}`);
  const workspace = get('workspace');
  if (!workspace) {
    process.stderr.write('usage: node scripts/e2e/ui.mjs --workspace DIR [--vsix X.vsix] [--file NAME] [--at LINE:COL] [--hover] [--screenshots DIR] [--keep-run]\n');
    process.exit(2);
  }
  const t0 = Date.now();
  let ui;
  let code = 0;
  const timer = setTimeout(() => {
    log('TIMEOUT (180 s)');
    runCleanups();
    process.exit(124);
  }, 180_000);
  try {
    ui = await openWorkbench({ vsix: get('vsix') && path.resolve(get('vsix')), workspace: path.resolve(workspace), screenshots: get('screenshots'), keepRun: has('keep-run') });
    if (get('file')) {
      await ui.openFile(get('file'));
      if (get('at')) {
        const [l, c] = get('at').split(':').map(Number);
        await ui.gotoLine(l, c || 1);
      }
      if (has('hover')) {
        const text = await ui.hover();
        console.log(`hover via ${ui.lastHoverVia}: ${JSON.stringify(text)}`);
        await ui.screenshot('hover');
      } else await ui.screenshot('editor');
    } else await ui.screenshot('workbench');
  } catch (e) {
    log(`ERROR: ${e.message}`);
    if (ui) await ui.screenshot('failure').catch(() => {});
    code = 1;
  } finally {
    if (ui) await ui.close({ failed: code !== 0 });
    clearTimeout(timer);
    log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  process.exitCode = code;
}
