/**
 * The tasks of the Additional tasks page, in the order they are listed: the native wizard's nine, in its
 * order (shared/reference/native-wizard.md §1, the current docs table), then the app's own three.
 */
export const nativeTaskIds = [
  'privacy',
  'configuration',
  'customize-sync',
  'device-options',
  'refresh-schema',
  'staging-mode',
  'user-sign-in',
  'federation',
  'troubleshoot',
] as const;

export const appTaskIds = ['sync-status', 'sync-admins', 'licenses'] as const;

export const taskIds = [...nativeTaskIds, ...appTaskIds] as const;

export type TaskId = (typeof taskIds)[number];

export interface TaskDescription {
  readonly label: string;
  readonly description: string;
}

export const taskDescriptions: Readonly<Record<TaskId, TaskDescription>> = {
  'privacy': {
    label: 'Privacy settings',
    description: 'See whether this server shares application telemetry with Microsoft.',
  },
  'configuration': {
    label: 'View current configuration',
    description: 'View the synchronization settings of this server and export them.',
  },
  'customize-sync': {
    label: 'Customize synchronization options',
    description: 'Change the connected directories, domain and OU filtering, and optional features.',
  },
  'device-options': {
    label: 'Configure device options',
    description: 'See the hybrid Azure AD join service connection point and device writeback of each forest.',
  },
  'refresh-schema': {
    label: 'Refresh directory schema',
    description: 'See the connected forests whose schema Azure AD Connect reads, before refreshing it.',
  },
  'staging-mode': {
    label: 'Configure staging mode',
    description: 'Turn staging mode on or off. A staging server imports and synchronizes but does not export.',
  },
  'user-sign-in': {
    label: 'Change user sign-in',
    description: 'See how users sign in (password hash sync, pass-through authentication or federation) and Seamless SSO.',
  },
  'federation': {
    label: 'Manage federation',
    description: 'See the federated domains of the tenant and their federation settings.',
  },
  'troubleshoot': {
    label: 'Troubleshoot',
    description: 'Find out why an object does or does not synchronize, and check password hash synchronization.',
  },
  'sync-status': {
    label: 'Synchronization status',
    description: 'Check the scheduler and the last synchronization cycles, and start a synchronization.',
  },
  'sync-admins': {
    label: 'Sync administrators',
    description: 'Manage the members of ADSyncAdmins and the other ADSync groups.',
  },
  'licenses': {
    label: 'Assign licenses',
    description: 'Assign Azure AD Premium and EMS licenses to synchronized users.',
  },
};

/** The build that added the export to View current configuration and renamed the task (native-wizard.md §1, T4/E5). */
const exportBuild = [1, 5, 42, 0];

function atLeast(version: string, than: readonly number[]): boolean {
  const parts = version.split('.').map((part) => Number.parseInt(part, 10));
  for (let index = 0; index < than.length; index += 1) {
    const difference = (parts[index] ?? 0) - (than[index] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/**
 * The label a task has on this server. The native wizard says "View current configuration" on builds older
 * than 1.5.42.0 and "View or export current configuration" since; until the build is known, the old name.
 */
export function taskLabel(task: TaskId, serverVersion: string | null): string {
  const version = serverVersion?.trim() ?? '';
  if (task === 'configuration' && /^\d+(\.\d+)+$/.test(version) && atLeast(version, exportBuild)) return 'View or export current configuration';
  return taskDescriptions[task].label;
}
