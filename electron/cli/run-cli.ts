import path from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, isAppError } from '../../shared/core/errors';
import { renderDiffHtml } from '../../shared/configuration/diff-html';
import { diffSummaries } from '../../shared/configuration/diff';
import type { ConfigurationSummary } from '../../shared/configuration/summary';
import { renderSummaryHtml } from '../../shared/configuration/summary-html';
import { serializePolicyExport, writeText } from '../services/configuration/export-writer';
import { readLiveSummary, type LiveConfigurationSource } from '../services/configuration/live-source';
import { readSummaryFromPath } from '../services/configuration/read-source';

export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  now?: () => Date;
  /** The live source behind `--source lab` (closed after reading); absent when no lab is available. */
  labSource?: () => LiveConfigurationSource & { readonly scratchFolder: string; close?(): Promise<void> };
  /** Name and version written into exports. */
  generatedBy?: string;
};

export const exitCodes = { same: 0, different: 1, error: 2 } as const;

export const usage = `Usage:
  cli summary --source <folder|file.json|lab> [--format json|html] [--out <file>]
  cli diff <sourceA> <sourceB> [--format json|html] [--out <file>]
  cli --help

A source is a Get-ADSyncServerConfiguration export folder, a JSON file exported by this app,
or "lab" (the lab sync server). Without --out the result goes to standard output.
diff exits with 0 when both configurations are the same, 1 when they differ, 2 on error.
`;

type Format = 'json' | 'html';

function formatOf(value: string | undefined): Format {
  if (value === undefined || value === 'json') return 'json';
  if (value === 'html') return 'html';
  throw new AppError('VALIDATION_FAILED', `Unknown format "${value}": use json or html.`);
}

async function readSource(source: string, io: CliIo): Promise<ConfigurationSummary> {
  if (source === 'lab') {
    if (io.labSource === undefined) throw new AppError('MODULE_NOT_FOUND', 'The lab sync server is not available in this build.');
    const lab = io.labSource();
    try {
      return await readLiveSummary(lab, lab.scratchFolder);
    } finally {
      await lab.close?.();
    }
  }
  return readSummaryFromPath(path.resolve(io.cwd, source));
}

async function emit(content: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) io.stdout(content);
  else await writeText(path.resolve(io.cwd, out), content);
}

async function summaryCommand(values: Options, positionals: string[], io: CliIo): Promise<number> {
  const source = values.source ?? positionals[0];
  if (source === undefined) throw new AppError('VALIDATION_FAILED', 'summary needs --source <folder|file.json|lab>.');
  const format = formatOf(values.format);
  const summary = await readSource(source, io);
  const generatedAt = (io.now?.() ?? new Date()).toISOString();
  const generatedBy = io.generatedBy ?? 'Connect wizard';
  const content =
    format === 'json'
      ? serializePolicyExport(summary, { exportedAt: generatedAt, exportedBy: generatedBy })
      : renderSummaryHtml(summary, { generatedAt, generatedBy });
  await emit(content, values.out, io);
  return exitCodes.same;
}

async function diffCommand(values: Options, positionals: string[], io: CliIo): Promise<number> {
  const [sourceA, sourceB, ...extra] = positionals;
  if (sourceA === undefined || sourceB === undefined || extra.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'diff needs exactly two sources: diff <sourceA> <sourceB>.');
  }
  const format = formatOf(values.format);
  const [a, b] = await Promise.all([readSource(sourceA, io), readSource(sourceB, io)]);
  const diff = diffSummaries(a, b);
  const content =
    format === 'json'
      ? `${JSON.stringify(diff, null, 2)}\n`
      : renderDiffHtml(diff, {
          beforeLabel: sourceA,
          afterLabel: sourceB,
          generatedAt: (io.now?.() ?? new Date()).toISOString(),
          generatedBy: io.generatedBy ?? 'Connect wizard',
        });
  await emit(content, values.out, io);
  return diff.changes.length === 0 ? exitCodes.same : exitCodes.different;
}

const optionSpec = {
  source: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Options = { source?: string | undefined; format?: string | undefined; out?: string | undefined; help?: boolean | undefined };

/** The command line: `summary` and `diff`. Returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({ args: [...argv], options: optionSpec, allowPositionals: true, strict: true });
    const [command, ...rest] = positionals;
    if (values.help === true || command === 'help') {
      io.stdout(usage);
      return exitCodes.same;
    }
    if (command === 'summary') return await summaryCommand(values, rest, io);
    if (command === 'diff') return await diffCommand(values, rest, io);
    io.stderr(command === undefined ? usage : `Unknown command "${command}".\n${usage}`);
    return exitCodes.error;
  } catch (error) {
    io.stderr(`${describeError(error)}\n`);
    return exitCodes.error;
  }
}

function describeError(error: unknown): string {
  if (isAppError(error)) return `Error (${error.code}): ${error.message}${error.detail ? `\n${error.detail}` : ''}`;
  if (error instanceof Error) return `Error: ${error.message}`;
  return `Error: ${String(error)}`;
}
