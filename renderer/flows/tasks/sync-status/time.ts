/** Local time as the administrator's Windows shows it. */
export function formatLocalTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

/** The same moment in UTC, labelled, as the scheduler reports it. */
export function formatUtcTime(iso: string): string {
  return `${new Date(iso).toLocaleString(undefined, { timeZone: 'UTC' })} UTC`;
}

/** Just the time of day (chart labels). */
export function formatShortTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}
