const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * Seconds as .NET prints a TimeSpan (`[string]$timeSpan`): `00:30:00`, `7.00:00:00`, `00:00:01.5000000`.
 * The configuration summary keeps scheduler intervals in this form, whichever source they came from.
 */
export function secondsToTimeSpanText(totalSeconds: number): string {
  const negative = totalSeconds < 0;
  const ticks = Math.round(Math.abs(totalSeconds) * 10_000_000);
  const wholeSeconds = Math.floor(ticks / 10_000_000);
  const fraction = ticks % 10_000_000;
  const days = Math.floor(wholeSeconds / 86_400);
  const hours = Math.floor((wholeSeconds % 86_400) / 3_600);
  const minutes = Math.floor((wholeSeconds % 3_600) / 60);
  const seconds = wholeSeconds % 60;
  const clock = `${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction > 0 ? `.${pad(fraction, 7)}` : ''}`;
  return `${negative ? '-' : ''}${days > 0 ? `${days}.` : ''}${clock}`;
}

const units: readonly [number, string][] = [
  [86_400, 'day'],
  [3_600, 'hour'],
  [60, 'minute'],
  [1, 'second'],
];

/** An interval in words, largest units first: `30 minutes`, `1 hour 30 minutes`, `7 days`. */
export function describeInterval(totalSeconds: number): string {
  let rest = Math.round(totalSeconds);
  if (rest <= 0) return '0 seconds';
  const parts: string[] = [];
  for (const [size, unit] of units) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count} ${unit}${count === 1 ? '' : 's'}`);
    rest -= count * size;
  }
  return parts.join(' ');
}

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
  return `Compared-SynchronizationPolicy-${localTimestamp(at)}.${format}`;
}
