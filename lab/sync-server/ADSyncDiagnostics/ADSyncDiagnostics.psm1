# Lab look-alike of the ADSyncDiagnostics module: Invoke-ADSyncSingleObjectSync (real-server-tasks.md §5.3),
# which builds 1.6.4.0 and later ship: only a folder of the contoso-current profile exports it.
# It writes one compressed JSON string (ConvertTo-Json -Depth 3 -Compress) with the real property names, and
# the HTML report to ADSyncObjectDiagnostics in the lab folder unless -NoHtmlReport (the real one opens it).

Set-StrictMode -Off

$sharedFolder = Join-Path (Split-Path -Parent $PSScriptRoot) 'Shared'
foreach ($file in 'LabCommon', 'LabForest', 'LabCycle', 'LabSeed', 'LabState') { . (Join-Path $sharedFolder "$file.ps1") }

function New-LabProvisioningStep([string]$Status, [string]$Type, [string]$Name, [string]$Description, [hashtable]$Details = @{}) {
    [ordered]@{ Status = $Status; Type = $Type; Name = $Name; Description = $Description; Timestamp = (Get-LabNow).ToString('G', $script:LabInvariant); Details = $Details }
}

function Invoke-ADSyncSingleObjectSync {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)][string]$DistinguishedName,
        [switch]$StagingMode,
        [switch]$NoHtmlReport
    )
    $start = Get-LabNow
    $result = Update-LabState {
        param($state, $now)
        # Lab rule: a run profile of the connector cannot start while a cycle runs (no-start-ma-already-running, §6).
        if (Test-LabCycleRunning $state $now) { throw [System.InvalidOperationException]::new('no-start-ma-already-running: a synchronization cycle is running. Try again when it has finished.') }
        $steps = [System.Collections.Generic.List[object]]::new()
        $status = [ordered]@{ Status = 'Success'; ErrorCode = ''; Reason = ''; AdditionalDetails = ''; ErrorCategory = ''; RecommendedAction = '' }
        $action = 'Other'
        $modified = @()
        $targetId = ''
        $user = @($state.forest.users | Where-Object { $_.distinguishedName -ieq $DistinguishedName })[0]
        $partition = Find-LabPartitionForDn $state $DistinguishedName
        $steps.Add((New-LabProvisioningStep $(if ($partition -and $partition.selected) { 'Success' } else { 'Failure' }) 'Scoping' 'ScopingDomain' 'The object''s domain is selected for synchronization.'))
        $inScope = $partition -and $partition.selected -and (Test-LabDnInScope $DistinguishedName $partition)
        if ($partition -and $partition.selected) {
            $steps.Add((New-LabProvisioningStep $(if ($inScope) { 'Success' } else { 'Failure' }) 'Scoping' 'ScopingOrganizationalUnit' 'The object''s organizational unit is selected for synchronization.'))
        }
        if (-not $inScope -or $null -eq $user) {
            $status.Status = 'Failure'
            $status.ErrorCode = 'Filtered Object'
            $status.Reason = if ($null -eq $user -and $inScope) { 'The object was not found in Active Directory.' } else { 'The object is out of the synchronization scope (domain or OU filtering).' }
        }
        else {
            $steps.Add((New-LabProvisioningStep 'Success' 'Scoping' 'ScopingObjectType' 'The object type is in scope.'))
            $steps.Add((New-LabProvisioningStep 'Success' 'Import' 'ImportSpecificObject' 'Imported the object from Active Directory.'))
            $ad = @(Get-LabAdConnector $state)[0]
            if ($null -eq $state.connectorSpace[$ad.identifier]) { $state.connectorSpace[$ad.identifier] = [ordered]@{} }
            $state.connectorSpace[$ad.identifier][$user.objectGuid] = Get-LabUserFingerprint $user
            $steps.Add((New-LabProvisioningStep 'Success' 'Sync' 'SyncSpecificObject' 'Synchronized the object to the metaverse and to the Azure AD connector space.'))
            $cloud = ConvertTo-LabCloudUser $user
            $before = @($state.cloud.users | Where-Object { $_.objectGuid -eq $user.objectGuid })[0]
            $staging = $StagingMode -or (Get-LabGlobalParameterValue $state 'Microsoft.Synchronize.StagingMode') -eq 'True'
            $errorUser = @($state.forest.users | Where-Object { $_.givenName -and $_.distinguishedName -like '*OU=CORP,*' })[12]
            if (Test-LabCloudFiltered $user) {
                $steps.Add((New-LabProvisioningStep 'Skipped' 'Export' 'ExportSpecificObject' 'The object is filtered from Azure AD (cloudFiltered).'))
            }
            elseif ($staging) {
                $steps.Add((New-LabProvisioningStep 'Skipped' 'Export' 'ExportSpecificObject' 'Staging mode: nothing is exported.'))
                $action = if ($null -eq $before) { 'Create' } else { 'Update' }
            }
            elseif ($errorUser -and $errorUser.objectGuid -eq $user.objectGuid) {
                $steps.Add((New-LabProvisioningStep 'Failure' 'Export' 'ExportSpecificObject' 'Azure AD refused the export.' @{ 'error-type' = 'AttributeValueMustBeUnique' }))
                $status.Status = 'Failure'
                $status.ErrorCode = 'AttributeValueMustBeUnique'
                $status.Reason = 'Another object in Azure AD already has the value smtp:frontdesk@contoso.com of proxyAddresses.'
                $status.RecommendedAction = 'Remove the duplicate value from one of the two objects.'
                $action = 'Update'
            }
            else {
                $action = if ($null -eq $before) { 'Create' } else { 'Update' }
                foreach ($name in $script:LabCloudUserFields) {
                    $old = if ($before) { [string]$before[$name] } else { '' }
                    if ($old -ne [string]$cloud[$name]) { $modified += [ordered]@{ Name = $name; OldValue = $old; NewValue = [string]$cloud[$name] } }
                }
                $state.cloud.users = @(@($state.cloud.users | Where-Object { $_.objectGuid -ne $user.objectGuid }) + @($cloud))
                $steps.Add((New-LabProvisioningStep 'Success' 'Export' 'ExportSpecificObject' 'Exported the object to Azure AD.'))
                $targetId = $cloud.immutableId
            }
        }
        [ordered]@{
            Action             = $action
            StartTime          = $start.ToString('G', $script:LabInvariant)
            EndTime            = (Get-LabNow).ToString('G', $script:LabInvariant)
            SourceSystem       = [ordered]@{ Name = 'Active Directory' }
            TargetSystem       = [ordered]@{ Name = 'Azure Active Directory' }
            SourceIdentity     = [ordered]@{ Id = $(if ($user) { $user.objectGuid } else { '' }); Type = $(if ($user) { 'user' } else { '' }); Name = $DistinguishedName }
            TargetIdentity     = [ordered]@{ Id = $targetId; Type = $(if ($targetId) { 'user' } else { '' }); Name = '' }
            StatusInfo         = $status
            ModifiedProperties = @($modified)
            ProvisioningSteps  = $steps.ToArray()
        }
    }
    if (-not $NoHtmlReport) {
        $folder = Join-Path (Get-LabFolder) 'ADSyncObjectDiagnostics'
        [void][System.IO.Directory]::CreateDirectory($folder)
        $html = "<html><body><h1>Single object sync</h1><pre>$([System.Net.WebUtility]::HtmlEncode(($result | ConvertTo-Json -Depth 3)))</pre></body></html>"
        [System.IO.File]::WriteAllText((Join-Path $folder ('ADSyncSingleObjectSyncResult-' + (Get-LabNow).ToString('yyyyMMddHHmmss') + '.htm')), $html)
    }
    $result | ConvertTo-Json -Depth 3 -Compress
}

if ((Get-LabProfileForImport) -eq 'contoso-current') { Export-ModuleMember -Function 'Invoke-ADSyncSingleObjectSync' }
else { Export-ModuleMember -Function @() }
