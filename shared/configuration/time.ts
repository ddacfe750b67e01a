const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** A UTC instant as `2026-11-26 01:11:43 UTC` (the page shows local time next to it). */
export function formatUtc(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())} ${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())} UTC`;
}

/** `yyyyMMdd-HHmmss` in local time, as in the native wizard's file names. */
export function localTimestamp(at: Date): string {
  return `${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}`;
}

/** The file name a saved comparison starts with in the save dialog. */
export function defaultComparisonFileName(at: Date, format: 'json' | 'html'): string {
  return `ConnectWizard-Comparison-${localTimestamp(at)}.${format}`;
}
