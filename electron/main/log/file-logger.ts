import { appendFileSync, chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isAppError } from '../../../shared/core/errors';
import type { Logger } from '../logger';
import { redact } from './redact';

export interface FileLoggerOptions {
  readonly folder: string;
  readonly fileName?: string;
  /** Size at which the file is rotated. Default 1 MiB. */
  readonly maxBytes?: number;
  /** Rotated files kept beside the current one (`wizard.1.log` …). Default 4. */
  readonly keep?: number;
  /** Also writes to this logger (the console in development). */
  readonly mirror?: Logger;
  readonly now?: () => Date;
}

/** Longest entry written; a longer one is cut (PowerShell output can be long). */
const maxEntryLength = 8_000;

function describeDetail(detail: unknown): string {
  if (isAppError(detail)) return `${detail.code}: ${detail.message}${detail.detail ? ` (${detail.detail})` : ''}`;
  if (detail instanceof Error) return `${detail.name}: ${detail.message}${detail.stack ? ` ${detail.stack.split('\n').slice(1, 6).join(' ')}` : ''}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}

/**
 * The app's log: one file, one line per entry, every line passed through redact(), rotated by size with a
 * few old files kept. Synchronous appends: the volume is small and a crash loses nothing already logged.
 */
export class FileLogger implements Logger {
  readonly file: string;
  private readonly secrets: string[] = [];

  constructor(private readonly options: FileLoggerOptions) {
    mkdirSync(options.folder, { recursive: true, mode: 0o700 });
    this.file = path.join(options.folder, options.fileName ?? 'wizard.log');
  }

  /** A value never to be written (e.g. the lab password), whatever text carries it. */
  addSecret(secret: string): void {
    this.secrets.push(secret);
  }

  info(message: string, ...details: unknown[]): void {
    this.write('INFO', message, details);
    this.options.mirror?.info(this.clean(message), ...details.map((detail) => this.clean(describeDetail(detail))));
  }

  warn(message: string, ...details: unknown[]): void {
    this.write('WARN', message, details);
    this.options.mirror?.warn(this.clean(message), ...details.map((detail) => this.clean(describeDetail(detail))));
  }

  error(message: string, ...details: unknown[]): void {
    this.write('ERROR', message, details);
    this.options.mirror?.error(this.clean(message), ...details.map((detail) => this.clean(describeDetail(detail))));
  }

  private clean(text: string): string {
    return redact(text, this.secrets);
  }

  private write(level: string, message: string, details: unknown[]): void {
    const text = [message, ...details.map(describeDetail)].join(' | ').replace(/\r?\n/g, ' ⏎ ');
    const entry = `${(this.options.now?.() ?? new Date()).toISOString()} ${level} ${this.clean(text).slice(0, maxEntryLength)}\n`;
    try {
      this.rotateIfNeeded(Buffer.byteLength(entry));
      appendFileSync(this.file, entry, { mode: 0o600 });
    } catch {
      // A log that cannot be written must never stop the wizard.
    }
  }

  private rotateIfNeeded(incoming: number): void {
    const maxBytes = this.options.maxBytes ?? 1024 * 1024;
    if (!existsSync(this.file) || statSync(this.file).size + incoming <= maxBytes) return;
    const keep = this.options.keep ?? 4;
    const rotated = (index: number): string => this.file.replace(/(\.log)?$/, `.${index}.log`);
    rmSync(rotated(keep), { force: true });
    for (let index = keep - 1; index >= 1; index -= 1) if (existsSync(rotated(index))) renameSync(rotated(index), rotated(index + 1));
    renameSync(this.file, rotated(1));
    if (process.platform !== 'win32') chmodSync(rotated(1), 0o600);
  }
}
