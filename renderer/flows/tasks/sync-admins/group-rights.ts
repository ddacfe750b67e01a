import type { AdSyncGroupName } from '../../../../shared/sync-server';

/** What membership of each group allows, after the product documentation. */
export const groupRights: Readonly<Record<AdSyncGroupName, string>> = {
  ADSyncAdmins:
    'Full access to the synchronization service: Synchronization Service Manager, the sync rules, the connectors and every ADSync PowerShell command. Running this wizard needs it too.',
  ADSyncOperators:
    'Operations in Synchronization Service Manager: run the connectors (management agents), view the statistics of each run, and save the run history to a file. Members must also be members of ADSyncBrowse.',
  ADSyncBrowse: "Read a user's lineage (the objects connected to it) when passwords are reset.",
  ADSyncPasswordSet:
    'All operations of the password management interface (password reset and writeback). Members must also be members of ADSyncBrowse.',
};
