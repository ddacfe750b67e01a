import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Spinner } from '@fluentui/react';
import { useState } from 'react';
import type { AdSyncGroupName } from '../../../../shared/sync-server';

export interface PendingRemoval {
  readonly group: AdSyncGroupName;
  readonly name: string;
  /** The account running the app, removed from ADSyncAdmins: asks a second time. */
  readonly removesSelf: boolean;
}

interface Props {
  readonly pending: PendingRemoval;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}

/** Confirms a removal; removing oneself from ADSyncAdmins needs a second, explicit confirmation. */
export function RemoveMemberDialogs({ pending, busy, onConfirm, onCancel }: Props): JSX.Element {
  const [firstConfirmed, setFirstConfirmed] = useState(false);
  const second = pending.removesSelf && firstConfirmed;
  const proceed = (): void => {
    if (pending.removesSelf && !firstConfirmed) setFirstConfirmed(true);
    else onConfirm();
  };
  return (
    <Dialog
      hidden={false}
      onDismiss={busy ? undefined : onCancel}
      dialogContentProps={{
        type: DialogType.normal,
        title: second ? 'Remove your own account?' : 'Remove member',
        subText: second
          ? `${pending.name} is the Windows account running this wizard. Once removed from ADSyncAdmins, you can no longer manage the synchronization service (from your next sign-in to Windows); another administrator would have to add you back.`
          : `Remove ${pending.name} from ${pending.group}?`,
      }}
      modalProps={{ isBlocking: true }}
    >
      {busy && <Spinner label="Removing…" labelPosition="right" />}
      <DialogFooter>
        <PrimaryButton text={second ? 'Remove my account' : 'Remove'} disabled={busy} onClick={proceed} />
        <DefaultButton text="Cancel" disabled={busy} onClick={onCancel} />
      </DialogFooter>
    </Dialog>
  );
}
