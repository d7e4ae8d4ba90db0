// Every request handler of the language server catches its own failure: it is logged and answered with
// an empty result, never an error response or a crashed server (server/src/lsp/context.ts `guarded`).

import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { guarded } from '../../server/src/lsp/context';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('language server handlers catch their own failures', () => {
  it('a failing handler is logged and answered with its empty result', async () => {
    const errors: string[] = [];
    const log = { info: () => undefined, warn: () => undefined, error: (m: string) => errors.push(m) };
    const hover = guarded(log, 'Hover', null, (_params: unknown) => {
      throw new Error('index out of range');
    });
    assert.strictEqual(await hover({}), null);
    assert.strictEqual(errors.length, 1);
    assert.match(errors[0], /^Hover failed: Error: index out of range/);
    const actions = guarded(log, 'Code actions', [] as string[], async () => Promise.reject(new Error('stale')));
    assert.deepStrictEqual(await actions({}), []);
    assert.strictEqual(errors.length, 2);
  });

  it('a handler that works is answered as it is', async () => {
    const log = { info: () => undefined, warn: () => undefined, error: () => assert.fail('nothing to log') };
    assert.deepStrictEqual(await guarded(log, 'Completion', null, async (p: { n: number }) => ({ items: [p.n] }))({ n: 3 }), { items: [3] });
  });

  it('every request handler the server registers is wrapped', () => {
    const dir = path.join(ROOT, 'server', 'src', 'lsp');
    const registrations: string[] = [];
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      // Requests (they have an answer): hover, definition, completion, code actions and their resolve,
      // pulled diagnostics and the custom requests. Notifications have no answer to fall back to.
      const pattern = /connection\.(onHover|onDefinition|onCompletion|onCodeAction|onCodeActionResolve|onRequest|languages\.diagnostics\.on)\((?=([\s\S]{0,200}))/g;
      for (const m of text.matchAll(pattern)) {
        registrations.push(`${name}: ${m[1]}`);
        assert.match(m[2], /guarded\(/, `${name}: connection.${m[1]} is registered without guarded()`);
      }
    }
    assert.ok(registrations.length >= 8, registrations.join('\n'));
  });
});
