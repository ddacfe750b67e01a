import { z } from 'zod';

/*
 * What the sync server (the ADSync module, real or lab) tells the app, as parsed from the PowerShell
 * bridge: the tolerant primitives every schema of shared/sync-server is built from. The app's operations module already normalizes its output (ISO dates, seconds, enum names,
 * arrays); these schemas additionally accept what Windows PowerShell 5.1's ConvertTo-Json prints when
 * a value slips through unnormalized: "\/Date(ms)\/" dates, TimeSpan objects, enum numbers, "True"
 * strings and single objects where an array belongs. The inferred types are the clean shapes.
 */

const msDatePattern = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/;
const zonePattern = /(Z|[+-]\d{2}:?\d{2})$/i;

/** Accepts ISO-8601 (with or without zone; no zone = UTC) and 5.1's /Date(ms)/; yields ISO-8601 UTC. */
export function normalizeDate(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const msDate = msDatePattern.exec(value);
  if (msDate?.[1] !== undefined) return new Date(Number(msDate[1])).toISOString();
  const withZone = zonePattern.test(value) ? value : `${value}Z`;
  const parsed = Date.parse(withZone);
  return Number.isNaN(parsed) ? value : new Date(parsed).toISOString();
}

const timeSpanTextPattern = /^(-)?(?:(\d+)\.)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?$/;

/** Accepts seconds, a serialized TimeSpan object ({Ticks} or {TotalSeconds}) or "d.hh:mm:ss"; yields seconds. */
export function normalizeSeconds(value: unknown): unknown {
  if (typeof value === 'number') return value;
  if (typeof value === 'string') {
    const match = timeSpanTextPattern.exec(value.trim());
    if (!match) return value;
    const [, minus, days, hours, minutes, seconds, fraction] = match;
    const total =
      Number(days ?? 0) * 86_400 +
      Number(hours) * 3_600 +
      Number(minutes) * 60 +
      Number(seconds ?? 0) +
      Number(`0.${fraction ?? '0'}`);
    return minus ? -total : total;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record.Ticks === 'number') return record.Ticks / 10_000_000;
    if (typeof record.TotalSeconds === 'number') return record.TotalSeconds;
  }
  return value;
}

export function normalizeBoolean(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const text = value.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return value;
}

/** A PowerShell pipeline unwraps one-element arrays and turns empty ones into null. */
export function normalizeArray(value: unknown): unknown {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export const psDate = z.preprocess(normalizeDate, z.iso.datetime());
export const psSeconds = z.preprocess(normalizeSeconds, z.number());
export const psBoolean = z.preprocess(normalizeBoolean, z.boolean());
export const psArray = <T extends z.ZodType>(item: T) => z.preprocess(normalizeArray, z.array(item));

/**
 * An enum by name; 5.1 prints the underlying number instead. `names` must list the members in the
 * order of their numeric values (0, 1, 2...).
 */
export function psEnum<const T extends readonly [string, ...string[]]>(names: T) {
  return z.preprocess((value) => (typeof value === 'number' ? (names[value] ?? value) : value), z.enum(names));
}

/** A string that may arrive as a number (e.g. an enum the app does not enumerate). */
export const psText = z.preprocess((value) => (typeof value === 'number' || typeof value === 'boolean' ? String(value) : value), z.string());
export const psInteger = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number());
