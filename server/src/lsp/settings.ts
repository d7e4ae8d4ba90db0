// Settings per document. Where the client answers `workspace/configuration`, each document's settings
// are asked for once and cached by URI until `workspace/didChangeConfiguration` drops the cache. Clients
// without that capability get the defaults, overlaid with `initializationOptions` and with whatever
// they push in `didChangeConfiguration`. Anything a client sends is checked field by field: a wrong
// type falls back to the default instead of reaching the engine.

import type { Connection } from 'vscode-languageserver';
import { RULE_SETTINGS, RULES, type RuleSetting } from '../core';
import { DEFAULT_SETTINGS, SECTION, type Settings } from '../shared/settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<Settings>>();
  /** The settings used when the client cannot be asked: defaults, initializationOptions, pushed settings. */
  private base: Settings;

  constructor(
    private readonly connection: Connection,
    private readonly canAsk: boolean,
    initializationOptions: unknown,
    private readonly log: (message: string) => void,
  ) {
    this.base = overlay(DEFAULT_SETTINGS, unwrap(initializationOptions));
  }

  /** The settings of a document (or of the workspace when `uri` is undefined). Never rejects. */
  get(uri?: string): Promise<Settings> {
    if (!this.canAsk) return Promise.resolve(this.base);
    const key = uri ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.ask(uri);
      this.cache.set(key, pending);
    }
    return pending;
  }

  /** Drops the cache; settings pushed with the notification replace the base settings. */
  changed(pushed: unknown): void {
    this.cache.clear();
    const settings = unwrap(pushed);
    if (settings !== undefined) this.base = overlay(DEFAULT_SETTINGS, settings);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  private async ask(uri: string | undefined): Promise<Settings> {
    try {
      const value: unknown = await this.connection.workspace.getConfiguration(uri === undefined ? { section: SECTION } : { scopeUri: uri, section: SECTION });
      return overlay(this.base, value);
    } catch (error) {
      this.log(`Could not read the settings${uri ? ` of ${uri}` : ''}: ${(error as Error).message}. Using the defaults.`);
      return this.base;
    }
  }
}

/** Accepts both `{ kpoGlossary: {...} }` and the section's own object. */
function unwrap(value: unknown): unknown {
  if (!isObject(value)) return undefined;
  return isObject(value[SECTION]) ? value[SECTION] : value;
}

/** `base` with the valid fields of `value` laid over it. Unknown or ill-typed fields are ignored. */
export function overlay(base: Settings, value: unknown): Settings {
  const result: Settings = {
    // Null prototype: rule ids come from the user ("__proto__", "constructor" are just unknown rules).
    rules: Object.assign(Object.create(null) as Record<string, RuleSetting>, base.rules),
    hover: { ...base.hover },
    completion: { ...base.completion },
    builtin: { ...base.builtin },
    glossaryFiles: [...base.glossaryFiles],
    languages: [...base.languages],
    industries: [...base.industries],
    maxDocumentSizeMB: base.maxDocumentSizeMB,
  };
  if (!isObject(value)) return result;
  if (isObject(value.rules)) {
    for (const [id, level] of Object.entries(value.rules)) {
      if (typeof level === 'string' && (RULE_SETTINGS as readonly string[]).includes(level)) result.rules[id] = level as RuleSetting;
    }
  }
  for (const key of ['hover', 'completion', 'builtin'] as const) {
    const section = value[key];
    if (isObject(section) && typeof section.enable === 'boolean') result[key].enable = section.enable;
    // Flat keys as some clients send them: { "hover.enable": false }.
    const flat = value[`${key}.enable`];
    if (typeof flat === 'boolean') result[key].enable = flat;
  }
  const details = isObject(value.hover) ? value.hover.details : value['hover.details'];
  if (typeof details === 'boolean') result.hover.details = details;
  const limit = value.maxDocumentSizeMB;
  if (typeof limit === 'number' && Number.isFinite(limit) && limit > 0) result.maxDocumentSizeMB = limit;
  for (const key of ['glossaryFiles', 'languages', 'industries'] as const) {
    const list = value[key];
    if (Array.isArray(list)) result[key] = list.filter((item): item is string => typeof item === 'string' && item.trim() !== '');
  }
  return result;
}

/** The rule severities in the engine's terms, keeping only known rules. */
export function ruleOptions(settings: Settings): Record<string, RuleSetting> {
  const rules: Record<string, RuleSetting> = {};
  for (const rule of RULES) {
    const level = settings.rules[rule.id];
    if (level !== undefined) rules[rule.id] = level;
  }
  return rules;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
