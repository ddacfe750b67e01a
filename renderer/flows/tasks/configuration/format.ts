const localFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** An ISO instant in this computer's time zone, with the zone named. */
export function formatLocal(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : localFormat.format(at);
}

export const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
