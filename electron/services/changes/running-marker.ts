import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * A small file that exists while a change plan has scheduled cycles turned off. It lives beside the plan
 * lock in the machine-wide folder: if the app dies mid-plan, whichever instance next takes the lock (or
 * starts) puts SyncCycleEnabled back first.
 */
export const runningMarkerFileName = 'change-plan-running.json';

const markerSchema = z.object({
  planId: z.string(),
  startedAtUtc: z.string(),
  /** SyncCycleEnabled before the plan; restored afterwards. */
  syncCycleWasEnabled: z.boolean(),
});
export type RunningMarker = z.infer<typeof markerSchema>;

export const markerPath = (dataFolder: string): string => path.join(dataFolder, runningMarkerFileName);

export async function writeRunningMarker(dataFolder: string, marker: RunningMarker): Promise<void> {
  await mkdir(dataFolder, { recursive: true });
  await writeFile(markerPath(dataFolder), JSON.stringify(marker), 'utf8');
}

/** The marker, or null when none exists. An unreadable marker counts as one that turned off enabled cycles (the usual state). */
export async function readRunningMarker(dataFolder: string): Promise<RunningMarker | null> {
  let text: string;
  try {
    text = await readFile(markerPath(dataFolder), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = markerSchema.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: a half-written marker still means a plan was interrupted
  }
  return { planId: 'unknown', startedAtUtc: new Date(0).toISOString(), syncCycleWasEnabled: true };
}

export async function removeRunningMarker(dataFolder: string): Promise<void> {
  await rm(markerPath(dataFolder), { force: true });
}
