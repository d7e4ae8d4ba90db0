// Table-driven tests of the prose scanner: every construct that is prose and every one that is
// not, nesting, line endings and offsets. Each case is also checked against micromark.

import * as assert from 'assert';
import { parseMarkdownStrict } from '../../../server/src/core/markdown';
import { CASES } from './cases';
import { checkInvariants, describeBlocks } from './describe';
import { compareWords } from './oracle';

describe('markdown prose scanner: cases', () => {
  for (const tc of CASES) {
    it(tc.name, () => {
      const parsed = parseMarkdownStrict(tc.md);
      assert.deepStrictEqual(describeBlocks(tc.md, parsed), tc.want, JSON.stringify(tc.md));
      assert.deepStrictEqual(checkInvariants(tc.md, parsed), []);
    });
  }
});

describe('markdown prose scanner: cases agree with micromark', () => {
  for (const tc of CASES.filter((x) => x.mm !== false)) {
    it(tc.name, () => {
      const diff = compareWords(tc.md);
      assert.deepStrictEqual(diff, { missing: [], extra: [] }, JSON.stringify(tc.md));
    });
  }
});
