import { z } from 'zod';
import { powerShellErrorInfoSchema } from '../../../shared/sync-server';

/*
 * The text that crosses stdin and stdout. Values never become script text: a call is a fixed line that
 * names an operation and carries one base64 literal (base64 has no quote, so it cannot end the literal).
 * The answer is one base64 envelope between markers, so warnings, host output, ANSI sequences or the
 * console's code page cannot break it.
 */

export const ENVELOPE_START = '@@CW-ENVELOPE:';
export const ENVELOPE_END = ':CW-ENVELOPE@@';

const operationNamePattern = /^[A-Za-z][A-Za-z0-9]*$/;

export function encodeParameters(parameters: unknown): string {
  return Buffer.from(JSON.stringify(parameters ?? {}), 'utf8').toString('base64');
}

export function operationCommand(operation: string, parameters: unknown): string {
  if (!operationNamePattern.test(operation)) {
    throw new Error(`Invalid operation name: ${JSON.stringify(operation)}`);
  }
  return `Invoke-CwOperation '${operation}' '${encodeParameters(parameters)}'`;
}

export interface SessionBootstrap {
  readonly operationsModule: string;
  readonly adSyncModule: string;
  readonly activeDirectoryModule: string;
  readonly extraModules?: readonly string[];
  /** Module folders auto-loading may search after `$PSHOME\Modules`, joined with the platform's path delimiter. */
  readonly modulePath?: string;
}

const base64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const decoded = (text: string): string => `([Text.Encoding]::UTF8.GetString([Convert]::FromBase64String('${base64(text)}')))`;

/**
 * First replaces PSModulePath (PowerShell put the user's own module folder first on it at start, and the
 * operations module's first command would auto-load from there), then imports the operations module by its
 * path and lets it import the target's modules. Only .NET calls run before PSModulePath is replaced, and
 * every path is decoded from base64, never pasted in.
 */
export function bootstrapCommand(bootstrap: SessionBootstrap): string {
  const settings = encodeParameters({
    adSyncModule: bootstrap.adSyncModule,
    activeDirectoryModule: bootstrap.activeDirectoryModule,
    extraModules: bootstrap.extraModules ?? [],
  });
  return (
    `$env:PSModulePath = (@([IO.Path]::Combine($PSHOME, 'Modules')) + @(${decoded(bootstrap.modulePath ?? '')}` +
    `.Split([char[]]@([IO.Path]::PathSeparator), [StringSplitOptions]::RemoveEmptyEntries))) -join [IO.Path]::PathSeparator; ` +
    `Import-Module -Name ${decoded(bootstrap.operationsModule)} -DisableNameChecking -ErrorAction Stop; Initialize-CwSession '${settings}'`
  );
}

export const envelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: powerShellErrorInfoSchema }),
]);
export type Envelope = z.infer<typeof envelopeSchema>;

export type EnvelopeReading =
  | { readonly kind: 'envelope'; readonly envelope: Envelope }
  | { readonly kind: 'missing' }
  | { readonly kind: 'malformed'; readonly reason: string };

/** Finds the last framed envelope in a call's stdout and decodes it. */
export function readEnvelope(stdout: string): EnvelopeReading {
  const end = stdout.lastIndexOf(ENVELOPE_END);
  const start = end < 0 ? -1 : stdout.lastIndexOf(ENVELOPE_START, end);
  if (start < 0 || end < 0) return { kind: 'missing' };
  const encoded = stdout.slice(start + ENVELOPE_START.length, end);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return { kind: 'malformed', reason: 'the envelope is not base64' };
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
  } catch (error) {
    return { kind: 'malformed', reason: `the envelope is not JSON (${(error as Error).message})` };
  }
  const parsed = envelopeSchema.safeParse(json);
  if (!parsed.success) return { kind: 'malformed', reason: `the envelope has an unexpected shape (${parsed.error.message})` };
  return { kind: 'envelope', envelope: parsed.data };
}

/** The console text around the envelope, for the log only: without ANSI sequences, trimmed, bounded. */
export function describeStrayOutput(text: string, limit = 2_000): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').trim();
  return clean.length > limit ? `${clean.slice(0, limit)}…` : clean;
}
