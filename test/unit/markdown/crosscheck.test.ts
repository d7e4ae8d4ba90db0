// Cross-check with a real CommonMark parser: on a generated corpus mixing every construct, the
// words (start offsets of runs of letters and digits) that lie in our segments must be exactly
// the words micromark (with GFM and front matter) reports as text content. Constructs on which we
// knowingly differ are not generated (see corpus.ts and the top of markdown/index.ts).

import * as assert from 'assert';
import { generateDocument } from './corpus';
import { compareWords, excerpt } from './oracle';

const DOCUMENTS = 400;

describe('markdown prose scanner: cross-check with micromark', () => {
  it(`agrees on the prose words of ${DOCUMENTS} generated documents`, function () {
    this.timeout(120_000);
    const failures: string[] = [];
    for (let seed = 1; seed <= DOCUMENTS; seed++) {
      const doc = generateDocument(seed);
      const { missing, extra } = compareWords(doc);
      if (missing.length > 0 || extra.length > 0) {
        failures.push(
          `seed ${seed}: ` +
            [...missing.slice(0, 3).map((w) => `missing ${excerpt(doc, w)}`), ...extra.slice(0, 3).map((w) => `extra ${excerpt(doc, w)}`)].join('; '),
        );
      }
    }
    assert.deepStrictEqual(failures, []);
  });

  it('generates documents that exercise the constructs', () => {
    const all = Array.from({ length: DOCUMENTS }, (_, i) => generateDocument(i + 1)).join('\n');
    for (const needle of ['```', '~~~', '\n    ', '<div', '<!--', '<script>', '|---', '> ', '- [x] ', '1. ', '[^', ']: ', '](', '![', '<https://', 'www.', 'https://', '@example.com', '\r\n', '\t', '---\ntitle']) {
      assert.ok(all.includes(needle), `corpus lacks ${JSON.stringify(needle)}`);
    }
  });
});
