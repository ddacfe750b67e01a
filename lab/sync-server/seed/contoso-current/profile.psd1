# The contoso-current lab profile: the same Contoso forest and connectors as the 2016 export beside it,
# on a current 2.x build. Every value is cited in lab/README.md ("Profiles").
@{
    # Get-ADSyncGlobalSettings of a 2.2.1.0 server, name for name and in its order (reference
    # adsync-powershell.md §4.2, [GIST-PARAMS]). Changed: SignOnMethod (this server signs users in with
    # password hash sync) and StagingMode (a standby server); the two values the capture cut off ("...")
    # are completed; the scheduler's own values are views of the scheduler section.
    GlobalSettings = @(
        @('Microsoft.AADFilter.ApplicationList', ''),
        @('Microsoft.AADFilter.AttributeExclusionList', ''),
        @('Microsoft.ConnectDirectories.WizardDirectoryMode', 'ActiveDirectory'),
        @('Microsoft.DeviceWriteBack.Container', ''),
        @('Microsoft.DeviceWriteBack.Forest', ''),
        @('Microsoft.DirectoryExtension.SourceTargetAttributesMap', 'employeeNumber.extension_4483c871ae4a40d0af7c6037e2ff4af7_employeeNumber,employeeType.extension_4483c871ae4a40d0af7c6037e2ff4af7_employeeType,sAMAccountName.extension_4483c871ae4a40d0af7c6037e2ff4af7_sAMAccountName'),
        @('Microsoft.GroupWriteBack.Container', ''),
        @('Microsoft.GroupWriteBack.Forest', ''),
        @('Microsoft.OptionalFeature.AutoUpgradeState', 'Suspended'),
        @('Microsoft.OptionalFeature.AutoUpgradeSuspensionReason', 'UpgradeNotSupportedNonLocalDbInstall'),
        @('Microsoft.OptionalFeature.DeviceWriteBack', 'False'),
        @('Microsoft.OptionalFeature.DeviceWriteUp', 'True'),
        @('Microsoft.OptionalFeature.DirectoryExtension', 'True'),
        @('Microsoft.OptionalFeature.DirectoryExtensionAttributes', 'employeeNumber.user.String.True,employeeType.user.String.True,sAMAccountName.user.String.True'),
        @('Microsoft.OptionalFeature.ExchangeMailPublicFolder', 'False'),
        @('Microsoft.OptionalFeature.ExportDeletionThreshold', 'True'),
        @('Microsoft.OptionalFeature.ExportDeletionThresholdValue', '3000'),
        @('Microsoft.OptionalFeature.FilterAAD', 'True'),
        @('Microsoft.OptionalFeature.GroupFiltering', 'False'),
        @('Microsoft.OptionalFeature.GroupWriteBack', 'False'),
        @('Microsoft.OptionalFeature.HybridExchange', 'True'),
        @('Microsoft.OptionalFeature.UserWriteBack', 'False'),
        @('Microsoft.SynchronizationOption.AnchorAttribute', 'objectGUID'),
        @('Microsoft.SynchronizationOption.CustomAttribute', ''),
        @('Microsoft.SynchronizationOption.JoinCriteria', 'AlwaysProvision'),
        @('Microsoft.SynchronizationOption.UPNAttribute', 'userPrincipalName'),
        @('Microsoft.Synchronize.MaintenanceEnabled', 'True'),
        @('Microsoft.Synchronize.NextStartTime', 'Fri, 04 Aug 2023 03:54:46 GMT'),
        @('Microsoft.Synchronize.RunHistoryPurgeInterval', '7.00:00:00'),
        @('Microsoft.Synchronize.SchedulerSuspended', 'False'),
        @('Microsoft.Synchronize.ServerConfigurationVersion', '2.2.1.0'),
        @('Microsoft.Synchronize.StagingMode', 'True'),
        @('Microsoft.Synchronize.SynchronizationPolicy', 'Delta'),
        @('Microsoft.Synchronize.SynchronizationSchedule', 'True'),
        @('Microsoft.Synchronize.TimeInterval', '00:30:00'),
        @('Microsoft.SystemInformation.MachineRole', 'RoleMemberServer'),
        @('Microsoft.UserSignIn.DesktopSsoEnabled', 'False'),
        @('Microsoft.UserSignIn.SignOnMethod', 'PasswordHashSync'),
        @('Microsoft.UserWriteBack.Container', ''),
        @('Microsoft.UserWriteBack.Forest', ''),
        @('Microsoft.Version.SynchronizationRuleImmutableTag', 'V1')
    )
    # Get-ADSyncGlobalSettings header of a current server ([LAP-PSM1]).
    GlobalSettingsVersion = 22102
    SqlSchemaVersion      = 616
    # Password hash sync on both halves (Get-ADSyncAADCompanyFeature, Get-ADSyncAADPasswordSyncConfiguration).
    CompanyFeatures = @{ passwordHashSync = $true; forcePasswordChangeOnLogOn = $false; userWriteback = $false; deviceWriteback = $false; unifiedGroupWriteback = $false; groupWritebackV2 = $false }
    PasswordHashSyncEnabled = $true
    # Password writeback never configured on this server: enabling it onboards it to the tenant first.
    PasswordReset = @{ enabled = $false; modifiedTimestamp = $null; onboarded = $false }
    # The whole domain, minus the Computers container and an OU that was deleted since (the tree cannot show it).
    PartitionFilter = @{
        Inclusions = @('DC=contoso,DC=com')
        Exclusions = @('CN=Computers,DC=contoso,DC=com', 'OU=Legacy,DC=contoso,DC=com')
    }
    # What the active server exported before this standby's filter was widened to the whole domain.
    PreviousFilter = @{
        Inclusions = @('OU=CORP,DC=contoso,DC=com', 'OU=Contractors,DC=contoso,DC=com')
        Exclusions = @('DC=contoso,DC=com')
    }
    # Users whose title changed in AD since the active server's last export, and users the cloud still
    # holds that were deleted from AD since: updates and deletes pending on this standby.
    ChangedTitleUsers = @(0, 7, 14, 21, 28, 35)
    DeletedCloudUsers = @('Ines Duarte', 'Kofi Mensah', 'Lena Fischer', 'Omar Haddad')
}
