/** The tasks of the Additional tasks page, in the order they are listed. */
export const taskIds = [
  'configuration',
  'customize-sync',
  'staging-mode',
  'sync-status',
  'sync-admins',
  'licenses',
] as const;

export type TaskId = (typeof taskIds)[number];

export interface TaskDescription {
  readonly label: string;
  readonly description: string;
}

export const taskDescriptions: Readonly<Record<TaskId, TaskDescription>> = {
  'configuration': {
    label: 'View current configuration',
    description: 'View the synchronization settings of this server and export them.',
  },
  'customize-sync': {
    label: 'Customize synchronization options',
    description: 'Change the connected directories, domain and OU filtering, and optional features.',
  },
  'staging-mode': {
    label: 'Configure staging mode',
    description: 'Turn staging mode on or off. A staging server imports and synchronizes but does not export.',
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
