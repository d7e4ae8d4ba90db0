// Links shown to writers: the documentation page of each rule, used by the CLI (SARIF helpUri) and
// the language server (the diagnostic's codeDescription).

import { rulePage } from '../core';

export const REPOSITORY_URL = 'https://github.com/kpo-glossary/kpo-glossary';

export function ruleHelpUri(id: string): string {
  return `${REPOSITORY_URL}/blob/main/${rulePage(id)}`;
}
