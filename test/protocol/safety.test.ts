// Safety of content: completion items built from a hostile workspace glossary carry no raw HTML,
// scripts, command links or remote images, and the hostile entry cannot execute anything (the
// glossary is data). Hover is covered in hover.test.ts.

import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, docUri } from './client';

const HOSTILE = [
  'terms:',
  '  - term: evil service',
  '    category: kpo-service',
  '    definition: "<script>alert(1)</script> <img src=http://example.com/x.png> [run](command:workbench.action.terminal.new) ![i](https://example.com/i.png) <https://example.com> &lt;b&gt;"',
  '    industry: "<b>finance</b>"',
  '  - term: "evil <img src=x onerror=alert(1)>"',
  '    category: "kpo-service [x](command:foo)"',
  '    definition: "!!js/function \\"function(){ require(\'child_process\').execSync(\'touch /tmp/kpo-pwned\') }\\""',
].join('\n');

function inert(text: string): void {
  assert.doesNotMatch(text, /(^|[^\\])<[a-z/!]/i, `raw HTML in ${text}`);
  assert.doesNotMatch(text, /(^|[^\\])\]\(/, `link syntax in ${text}`);
  assert.doesNotMatch(text, /(^|[^\\])!\[/, `image syntax in ${text}`);
  assert.doesNotMatch(text, /(^|[^\\])&[a-z]+;/, `entity in ${text}`);
}

describe('protocol: safety of glossary content', () => {
  let client: TestClient;
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kpo-safety-'));
    fs.writeFileSync(path.join(dir, 'hostile.glossary.yaml'), HOSTILE);
    fs.rmSync('/tmp/kpo-pwned', { force: true });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('completion documentation and details from a hostile glossary are escaped and inert; nothing runs', async () => {
    client = await TestClient.start({ settings: { glossaryFiles: [path.join(dir, 'hostile.glossary.yaml')] } });
    const uri = docUri('safety.md');
    await client.open(uri, 'We offer evil');
    const list = await client.completion(uri, 0, 13);
    const items = list!.items.filter((i) => i.label.startsWith('evil'));
    assert.ok(items.length >= 2, 'both hostile entries are offered');
    for (const item of items) {
      const doc = item.documentation as MarkupContent | string | undefined;
      const text = typeof doc === 'string' ? doc : doc?.value ?? '';
      if (typeof doc !== 'string' && doc?.kind === 'markdown') inert(text);
      // Label details and detail are plain text in LSP: shown as written, never rendered as links.
      assert.strictEqual(item.command, undefined, 'no command attached to a completion');
    }
    assert.ok(!fs.existsSync('/tmp/kpo-pwned'), 'a YAML tag in a glossary never executes');
  });
});
