import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../tenant/atomic-file';

/*
 * The lab's stand-in for AzureADConnect.exe, the native configuration wizard the app hands a task off to.
 * There is no wizard to start on a lab machine, so a launch is recorded in the lab folder instead: when,
 * and for which task or feature the app opened it. Nothing else reads or changes the lab's state here.
 */

export const NATIVE_WIZARD_STATE_FILE = 'native-wizard-state.json';

const launchSchema = z.object({ launchedAtUtc: z.iso.datetime(), openedFor: z.string() });
export type LabNativeWizardLaunch = z.infer<typeof launchSchema>;
const stateSchema = z.object({ launches: z.array(launchSchema) });

export interface LabNativeWizard {
  /** Records one launch, as AzureADConnect.exe would have started now. */
  launch(openedFor: string): Promise<LabNativeWizardLaunch>;
  /** Every recorded launch, oldest first. */
  launches(): Promise<LabNativeWizardLaunch[]>;
}

export function openLabNativeWizard(stateFolder: string, now: () => Date = () => new Date()): LabNativeWizard {
  const file = path.join(stateFolder, NATIVE_WIZARD_STATE_FILE);
  const read = async (): Promise<LabNativeWizardLaunch[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const parsed = stateSchema.safeParse(JSON.parse(text));
    if (!parsed.success) throw new Error(`The lab's native wizard record ${file} is not valid: ${parsed.error.message}`);
    return parsed.data.launches;
  };
  // One launch at a time, so two quick clicks are both recorded.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    launch: (openedFor) => {
      const next = queue.then(async () => {
        const launch = { launchedAtUtc: now().toISOString(), openedFor };
        await writeFileAtomic(file, `${JSON.stringify({ launches: [...(await read()), launch] }, null, 2)}\n`);
        return launch;
      });
      queue = next.catch(() => undefined);
      return next;
    },
    launches: read,
  };
}
