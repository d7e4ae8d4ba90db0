// The "KPO Glossary Trace" output channel. vscode-languageclient traces only when its trace channel's
// log level is Trace, and a log channel's level can be changed only by hand ("Set Log Level..."), so the
// `kpoGlossary.trace.server` setting alone would do nothing. This channel reports the level the setting
// asks for (Trace unless "off") and writes to a plain output channel, created when first written to.

import * as vscode from 'vscode';
import { SECTION } from '../../../server/src/shared/settings';

export const TRACE_CHANNEL_NAME = 'KPO Glossary Trace';

export class TraceChannel implements vscode.LogOutputChannel {
  readonly name = TRACE_CHANNEL_NAME;
  /** Lines written so far (the tests read it). */
  lines = 0;
  private channel: vscode.OutputChannel | undefined;
  private readonly levelChanged = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.levelChanged.event;
  private level = TraceChannel.configuredLevel();

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  /** Call when the configuration changed: tells the language client the new level. */
  configurationChanged(): void {
    const level = TraceChannel.configuredLevel();
    if (level === this.level) return;
    this.level = level;
    this.levelChanged.fire(level);
  }

  private static configuredLevel(): vscode.LogLevel {
    const value = vscode.workspace.getConfiguration(SECTION).get<string>('trace.server', 'off');
    return value === 'off' ? vscode.LogLevel.Off : vscode.LogLevel.Trace;
  }

  private out(): vscode.OutputChannel {
    this.channel ??= vscode.window.createOutputChannel(TRACE_CHANNEL_NAME);
    return this.channel;
  }

  private write(message: string): void {
    this.lines++;
    this.out().appendLine(`[${new Date().toISOString().slice(11, 23)}] ${message}`);
  }

  trace(message: string): void {
    this.write(message);
  }
  debug(message: string): void {
    this.write(message);
  }
  info(message: string): void {
    this.write(message);
  }
  warn(message: string): void {
    this.write(message);
  }
  error(error: string | Error): void {
    this.write(typeof error === 'string' ? error : (error.stack ?? error.message));
  }
  append(value: string): void {
    this.out().append(value);
  }
  appendLine(value: string): void {
    this.write(value);
  }
  replace(value: string): void {
    this.out().replace(value);
  }
  clear(): void {
    this.channel?.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean') this.out().show(columnOrPreserveFocus);
    else this.out().show(preserveFocus);
  }
  hide(): void {
    this.channel?.hide();
  }
  dispose(): void {
    this.levelChanged.dispose();
    this.channel?.dispose();
  }
}
