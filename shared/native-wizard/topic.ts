import { z } from 'zod';

/*
 * Handing a task off to the native wizard (AzureADConnect.exe): what the app opens it for, and what the
 * launch answers. Used by every page that leaves a task or a feature to the native wizard.
 */

/** What the wizard is opened for: the app's task (its flow's name), and the feature when it is one feature of it. */
export const nativeWizardTopicSchema = z
  .string()
  .max(100)
  .regex(/^[a-z]+(-[a-z]+)*(:[a-zA-Z]+)?$/, 'a task id, optionally with ":feature"');

export function nativeWizardTopic(task: string, feature?: string): string {
  return feature === undefined ? task : `${task}:${feature}`;
}

export const nativeWizardOpenRequestSchema = z.object({ openedFor: nativeWizardTopicSchema }).strict();

/** The answer of native-wizard:open: when the wizard started, and where (the lab records the launch instead). */
export const nativeWizardLaunchSchema = z.object({
  launchedAtUtc: z.iso.datetime(),
  /** The executable started; null when the lab recorded the launch. */
  path: z.string().nullable(),
  /** The lab stands in for the wizard: the launch was recorded, nothing started. */
  recordedByLab: z.boolean(),
});
export type NativeWizardLaunch = z.infer<typeof nativeWizardLaunchSchema>;

const parts = (version: string): number[] => version.split('.').map((part) => Number.parseInt(part, 10) || 0);

function olderThan(version: string, than: string): boolean {
  const a = parts(version);
  const b = parts(than);
  for (let index = 0; index < Math.max(a.length, b.length); index += 1) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference < 0;
  }
  return false;
}

/**
 * Since April 2025 the wizard of builds older than 2.4.18.0 (2.4.21.0 in the non-commercial clouds) cannot
 * sign in to Entra ID, as MSOnline was retired (harden-update-ad-fs-pingfederate): a hand-off to it needs an
 * upgrade first. Null when the build is new enough or does not say.
 */
export function nativeWizardSignInWarning(serverVersion: string | null): string | null {
  if (serverVersion === null || !/^\d+(\.\d+)+$/.test(serverVersion.trim()) || !olderThan(serverVersion.trim(), '2.4.18.0')) return null;
  return `This server runs Azure AD Connect ${serverVersion.trim()}. Since April 2025 the wizard of builds older than 2.4.18.0 (2.4.21.0 outside the commercial cloud) cannot sign in to Microsoft Entra ID: upgrade Azure AD Connect before you change this in it.`;
}
