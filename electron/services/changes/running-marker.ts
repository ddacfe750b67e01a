import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

/**
 * A small file that exists while a change plan runs. If the app dies mid-plan, the next start finds it
 * and resumes the scheduler the plan had suspended.
 */
export const runningMarkerFileName = 'change-plan-running.json';

const markerSchema = z.object({
  planId: z.string(),
  startedAtUtc: z.string(),
  /** What the scheduler's SchedulerSuspended was before the plan; restored afterwards. */
  schedulerWasSuspended: z.boolean(),
});
export type RunningMarker = z.infer<typeof markerSchema>;

export const markerPath = (dataFolder: string): string => path.join(dataFolder, runningMarkerFileName);

export async function writeRunningMarker(dataFolder: string, marker: RunningMarker): Promise<void> {
  await mkdir(dataFolder, { recursive: true });
  await writeFile(markerPath(dataFolder), JSON.stringify(marker), 'utf8');
}

/** The marker, or null when none exists. An unreadable marker counts as one that suspended an unsuspended scheduler. */
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
  return { planId: 'unknown', startedAtUtc: new Date(0).toISOString(), schedulerWasSuspended: false };
}

export async function removeRunningMarker(dataFolder: string): Promise<void> {
  await rm(markerPath(dataFolder), { force: true });
}
