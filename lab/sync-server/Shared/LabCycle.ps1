# Simulated sync cycles. A cycle is planned completely when it starts (steps, times, counts) and is
# "running" while the clock is before its end, so every process sees the same cycle from the state file.

$script:LabStoppedResult = 'stopped-user-termination-from-wmi-or-ui'
$script:LabRunStepCounters = @('StageNoChange', 'StageAdd', 'StageUpdate', 'StageRename', 'StageDelete', 'StageDeleteAdd', 'StageFailure',
    'DisconnectorFiltered', 'DisconnectorJoinedNoFlow', 'DisconnectorJoinedFlow', 'DisconnectorJoinedRemoveMv', 'DisconnectorProjectedNoFlow',
    'DisconnectorProjectedFlow', 'DisconnectorProjectedRemoveMv', 'DisconnectorRemains', 'ConnectorFilteredRemoveMv', 'ConnectorFilteredLeaveMv',
    'ConnectorFlow', 'ConnectorFlowRemoveMv', 'ConnectorNoFlow', 'ConnectorDeleteRemoveMv', 'ConnectorDeleteLeaveMv', 'ConnectorDeleteAddProcessed',
    'FlowFailure', 'ExportAdd', 'ExportUpdate', 'ExportRename', 'ExportDelete', 'ExportDeleteAdd', 'ExportFailure')

function Get-LabGlobalParameterValue($State, [string]$Name) {
    foreach ($parameter in $State.globalSettings.parameters) { if ($parameter.name -eq $Name) { return $parameter.value } }
    $null
}

function Find-LabGlobalParameter($State, [string]$Name) {
    foreach ($parameter in $State.globalSettings.parameters) { if ($parameter.name -eq $Name) { return $parameter } }
    $null
}

function Set-LabGlobalParameterValue($State, [string]$Name, $Value) {
    $text = if ($null -eq $Value) { $null } else { [string]$Value }
    foreach ($parameter in $State.globalSettings.parameters) {
        if ($parameter.name -eq $Name) { $parameter.value = $text; return }
    }
    $State.globalSettings.parameters = @($State.globalSettings.parameters) + @([ordered]@{ name = $Name; inputType = 'string'; scope = 'SynchronizationGlobal'; dataType = 'String'; intrinsic = $false; encrypted = $false; value = $text })
}

function Test-LabStagingMode($State) { (Get-LabGlobalParameterValue $State 'Microsoft.Synchronize.StagingMode') -eq 'True' }

function Get-LabEffectiveInterval($State) {
    $allowed = ConvertTo-LabTimeSpan $State.scheduler.allowedSyncCycleInterval
    $custom = ConvertTo-LabTimeSpan $State.scheduler.customizedSyncCycleInterval
    if ($null -ne $custom -and $custom -ge $allowed) { return $custom }
    $allowed
}

function Get-LabUserFingerprint($User) {
    @($User.userPrincipalName, $User.displayName, $User.givenName, $User.sn, $User.mail, $User.department, $User.title,
        $User.l, $User.co, $User.samAccountName, $User.distinguishedName) -join "`u{1F}"
}

$script:LabCloudUserFields = @('immutableId', 'objectGuid', 'userPrincipalName', 'displayName', 'givenName', 'surname', 'mail', 'department',
    'jobTitle', 'city', 'country', 'onPremisesSamAccountName', 'onPremisesDistinguishedName', 'onPremisesDomainName')

function Get-LabCloudFingerprint($CloudUser) { @($script:LabCloudUserFields | ForEach-Object { $CloudUser[$_] }) -join "`u{1F}" }

# The connector space as if every in-scope user had been imported already (used by the seed).
function Set-LabSteadyState($State) {
    foreach ($connector in @($State.connectors | Where-Object { $_.type -eq 'AD' })) {
        $map = [ordered]@{}
        foreach ($user in (Get-LabConnectorUsers $State $connector)) { $map[$user.objectGuid] = Get-LabUserFingerprint $user }
        $State.connectorSpace[$connector.identifier] = $map
    }
    $State.cloud.users = @((Get-LabInScopeUsers $State) | ForEach-Object { ConvertTo-LabCloudUser $_ })
}

function New-LabCounters { $c = [ordered]@{}; foreach ($name in $script:LabRunStepCounters) { $c[$name] = 0 }; $c }

# The address the lab tenant's shared mailbox "Front Desk" holds (lab/tenant/graph/seed.ts): a proxy address
# the seeded user in error also has, so its export fails as on a real tenant (AttributeValueMustBeUnique).
$script:LabTakenProxyAddress = 'smtp:frontdesk@contoso.com'

# The seeded user whose export fails: the 13th user of the department OUs (Sales), in scope on both profiles.
function Get-LabErrorUser($State) { @($State.forest.users | Where-Object { $_.givenName -and $_.distinguishedName -like '*OU=CORP,*' })[12] }

# Her export error, one source for the connector-space object's ExportError and the export step's SyncErrorsXml:
# the text of Microsoft's duplicate-attribute troubleshooting article (real-server-tasks.md section 5.4, TS-ERR);
# ErrorCode and RetryCount are lab values.
function Get-LabDuplicateProxyError {
    [ordered]@{
        ErrorType         = 'AttributeValueMustBeUnique'
        ErrorCode         = '0x8023134A'
        ErrorLiteral      = "Unable to update this object because the following attributes associated with this object have values that may already be associated with another object in your local directory services: [ProxyAddresses $($script:LabTakenProxyAddress.Replace('smtp:', 'SMTP:'));]. Correct or remove the duplicate values in your local directory."
        ErrorExtraDetails = 'proxyAddresses'
        RetryCount        = 96
    }
}

function Get-LabImmutableId([string]$ObjectGuid) { [Convert]::ToBase64String(([guid]$ObjectGuid).ToByteArray()) }

# The Azure AD connector names its objects CN={<hex of the sourceAnchor's characters>} (reference section 5.1 sample).
function Get-LabAadCsDn([string]$ImmutableId) { 'CN={' + (-join ([System.Text.Encoding]::ASCII.GetBytes($ImmutableId) | ForEach-Object { $_.ToString('X2') })) + '}' }

function Get-LabConnectorUsers($State, $Connector) {
    @($State.forest.users | Where-Object {
            $user = $_
            $partition = @($Connector.partitions | Where-Object { Test-LabDnUnder $user.distinguishedName $_.dn })[0]
            $partition -and (Test-LabDnInScope $user.distinguishedName $partition)
        })
}

function Get-LabRunProfileId($Connector, [string]$Name) {
    $profile = @($Connector.runProfiles | Where-Object { $_.name -eq $Name })[0]
    if ($profile) { return $profile.identifier }
    (New-LabStableGuid "lab-runprofile:$($Connector.identifier):$Name").ToString()
}

function Start-LabCycle {
    param($State, [string]$PolicyType, [datetime]$StartUtc, [double]$Seconds)
    $full = $PolicyType -eq 'Initial'
    $staging = Test-LabStagingMode $State
    $adConnectors = @($State.connectors | Where-Object { $_.type -eq 'AD' })
    $aadConnector = @($State.connectors | Where-Object { $_.type -ne 'AD' })[0]
    $plan = [System.Collections.Generic.List[object]]::new()
    $snapshot = [ordered]@{}
    $target = [System.Collections.Generic.List[object]]::new()

    $importSteps = @(); $syncSteps = @()
    foreach ($connector in $adConnectors) {
        $users = Get-LabConnectorUsers $State $connector
        $previous = Get-LabMapValue $State.connectorSpace $connector.identifier
        $current = [ordered]@{}
        $adds = 0; $updates = 0; $deletes = 0
        foreach ($user in $users) {
            $fingerprint = Get-LabUserFingerprint $user
            $current[$user.objectGuid] = $fingerprint
            $before = Get-LabMapValue $previous $user.objectGuid
            if ($null -eq $before) { $adds++ } elseif ($before -ne $fingerprint) { $updates++ }
            if (-not (Test-LabCloudFiltered $user)) { $target.Add((ConvertTo-LabCloudUser $user)) }
        }
        if ($previous) { foreach ($key in @($previous.Keys)) { if (-not $current.Contains($key)) { $deletes++ } } }
        $snapshot[$connector.identifier] = $current
        $unchanged = $users.Count - $adds - $updates
        $import = New-LabCounters; $import.StageAdd = $adds; $import.StageUpdate = $updates; $import.StageDelete = $deletes
        if ($full) { $import.StageNoChange = $unchanged }
        $sync = New-LabCounters; $sync.DisconnectorProjectedFlow = $adds; $sync.ConnectorFlow = $updates; $sync.ConnectorDeleteRemoveMv = $deletes
        if ($full) { $sync.ConnectorNoFlow = $unchanged }
        $importSteps += , @($connector, $(if ($full) { 'Full Import' } else { 'Delta Import' }), $import, 'success')
        $syncSteps += , @($connector, $(if ($full) { 'Full Synchronization' } else { 'Delta Synchronization' }), $sync, 'success')
    }

    $cloudBefore = @{}
    foreach ($cloudUser in $State.cloud.users) { $cloudBefore[$cloudUser.objectGuid] = Get-LabCloudFingerprint $cloudUser }
    $exportAdds = 0; $exportUpdates = 0; $seen = @{}
    foreach ($cloudUser in $target) {
        $seen[$cloudUser.objectGuid] = $true
        $before = $cloudBefore[$cloudUser.objectGuid]
        if ($null -eq $before) { $exportAdds++ } elseif ($before -ne (Get-LabCloudFingerprint $cloudUser)) { $exportUpdates++ }
    }
    $exportDeletes = @($cloudBefore.Keys | Where-Object { -not $seen.Contains($_) }).Count

    if ($aadConnector) {
        $aadImport = New-LabCounters; $aadSync = New-LabCounters
        if ($full) { $aadImport.StageNoChange = $cloudBefore.Count; $aadSync.ConnectorNoFlow = $cloudBefore.Count }
        $importSteps += , @($aadConnector, $(if ($full) { 'Full Import' } else { 'Delta Import' }), $aadImport, 'success')
        $syncSteps += , @($aadConnector, $(if ($full) { 'Full Synchronization' } else { 'Delta Synchronization' }), $aadSync, 'success')
    }
    $steps = @($importSteps) + @($syncSteps)
    $exportBlocked = $false
    if (-not $staging -and $aadConnector) {
        $aadExport = New-LabCounters
        $result = 'success'
        $thresholdOn = (Get-LabGlobalParameterValue $State 'Microsoft.OptionalFeature.ExportDeletionThreshold') -eq 'True'
        $threshold = [int](Get-LabGlobalParameterValue $State 'Microsoft.OptionalFeature.ExportDeletionThresholdValue')
        if ($thresholdOn -and $exportDeletes -gt $threshold) {
            $result = 'stopped-deletion-threshold-exceeded'; $exportBlocked = $true
        }
        else { $aadExport.ExportAdd = $exportAdds; $aadExport.ExportUpdate = $exportUpdates; $aadExport.ExportDelete = $exportDeletes }
        # Every export retries the seeded duplicate and Azure AD refuses it again: the step completes with export
        # errors and records the object in its error XML (real-server-tasks.md section 5.4).
        $stepErrors = @()
        $errorUser = Get-LabErrorUser $State
        if (-not $exportBlocked -and $errorUser -and @($target | Where-Object { $_.objectGuid -eq $errorUser.objectGuid }).Count -gt 0) {
            $result = 'completed-export-errors'
            $aadExport.ExportFailure = 1
            $duplicate = Get-LabDuplicateProxyError
            $stepErrors = @([ordered]@{
                    kind              = 'export-error'
                    csGuid            = (New-LabStableGuid "lab-cs:$($aadConnector.identifier):$($errorUser.objectGuid)").ToString()
                    dn                = Get-LabAadCsDn (Get-LabImmutableId $errorUser.objectGuid)
                    errorType         = $duplicate.ErrorType
                    errorCode         = $duplicate.ErrorCode
                    errorLiteral      = $duplicate.ErrorLiteral
                    extraErrorDetails = $duplicate.ErrorExtraDetails
                    retryCount        = $duplicate.RetryCount
                })
        }
        $steps += , @($aadConnector, 'Export', $aadExport, $result, $stepErrors)
        foreach ($connector in $adConnectors) { $steps += , @($connector, 'Export', (New-LabCounters), 'success') }
    }

    $stepSeconds = $Seconds / [math]::Max(1, $steps.Count)
    $index = 0
    foreach ($step in $steps) {
        $connector = $step[0]
        $stepStart = $StartUtc.AddSeconds($stepSeconds * $index)
        $stepEnd = $StartUtc.AddSeconds($stepSeconds * ($index + 1))
        $runHistoryId = [guid]::NewGuid().ToString()
        $plan.Add([ordered]@{
                runHistoryId   = $runHistoryId
                stepHistoryId  = [guid]::NewGuid().ToString()
                runNumber      = [int]$State.nextRunNumber
                connectorId    = $connector.identifier
                connectorName  = $connector.name
                runProfileId   = Get-LabRunProfileId $connector $step[1]
                runProfileName = $step[1]
                result         = $step[3]
                startDate      = ConvertTo-LabIso $stepStart
                endDate        = ConvertTo-LabIso $stepEnd
                counters       = $step[2]
                syncErrors     = if ($step.Count -gt 4) { @($step[4]) } else { @() }
            })
        $State.nextRunNumber = [int]$State.nextRunNumber + 1
        $index++
    }

    $endUtc = $StartUtc.AddSeconds($Seconds)
    $State.cycle = [ordered]@{
        id           = [guid]::NewGuid().ToString()
        policyType   = $PolicyType
        startedAtUtc = ConvertTo-LabIso $StartUtc
        endsAtUtc    = ConvertTo-LabIso $endUtc
        staging      = $staging
        steps        = $plan.ToArray()
        snapshot     = $snapshot
    }
    if (-not $staging -and -not $exportBlocked -and $aadConnector) {
        $State.cloud.pendingExport = [ordered]@{ completesAtUtc = ConvertTo-LabIso $endUtc; users = $target.ToArray() }
    }
    $State.cycle
}

function Test-LabCycleRunning($State, [datetime]$Now) {
    $null -ne $State.cycle -and $Now -lt (ConvertFrom-LabIso $State.cycle.endsAtUtc)
}

function Complete-LabCycle($State, [datetime]$Now) {
    $cycle = $State.cycle
    if ($null -eq $cycle -or $Now -lt (ConvertFrom-LabIso $cycle.endsAtUtc)) { return }
    $records = [System.Collections.Generic.List[object]]::new()
    foreach ($step in $cycle.steps) { $records.Insert(0, $step) }
    $purgeBefore = $Now - (ConvertTo-LabTimeSpan $State.scheduler.purgeRunHistoryInterval)
    $kept = @($State.runHistory | Where-Object { (ConvertFrom-LabIso $_.endDate) -ge $purgeBefore } | Select-Object -First 1000)
    $State.runHistory = @($records.ToArray()) + $kept
    if ($null -ne $cycle.snapshot) {
        foreach ($key in @($cycle.snapshot.Keys)) { $State.connectorSpace[$key] = $cycle.snapshot[$key] }
    }
    $started = ConvertFrom-LabIso $cycle.startedAtUtc
    $State.scheduler.nextSyncCyclePolicyType = 'Delta'
    $State.scheduler.nextSyncCycleStartTimeInUtc = ConvertTo-LabIso ($started + (Get-LabEffectiveInterval $State))
    $last = @($cycle.steps)[-1]
    $State.lastCycle = [ordered]@{
        id = $cycle.id; policyType = $cycle.policyType; startedAtUtc = $cycle.startedAtUtc; endedAtUtc = $cycle.endsAtUtc
        staging = $cycle.staging; result = if ($last) { $last.result } else { 'success' }
    }
    $State.cycle = $null
}

function Stop-LabCycle($State, [datetime]$Now) {
    if (-not (Test-LabCycleRunning $State $Now)) { return $false }
    $nowIso = ConvertTo-LabIso $Now
    $kept = [System.Collections.Generic.List[object]]::new()
    $exportDone = $false
    foreach ($step in $State.cycle.steps) {
        $start = ConvertFrom-LabIso $step.startDate
        $end = ConvertFrom-LabIso $step.endDate
        if ($end -le $Now) { $kept.Add($step); if ($step.runProfileName -eq 'Export') { $exportDone = $true }; continue }
        if ($start -le $Now) {
            $step.endDate = $nowIso
            $step.result = $script:LabStoppedResult
            $step.counters = New-LabCounters
            $step.syncErrors = @()
            $kept.Add($step)
        }
    }
    if (-not $exportDone) { $State.cloud.pendingExport = $null }
    $State.cycle.steps = $kept.ToArray()
    $State.cycle.endsAtUtc = $nowIso
    # Pending changes are picked up by the next cycle.
    $State.cycle.snapshot = $null
    Complete-LabCycle $State $Now
    $true
}

function Complete-LabPendingExport($State, [datetime]$Now) {
    $pending = $State.cloud.pendingExport
    if ($null -eq $pending -or $Now -lt (ConvertFrom-LabIso $pending.completesAtUtc)) { return }
    $State.cloud.users = @($pending.users)
    $State.cloud.lastExportTimeUtc = $pending.completesAtUtc
    $State.cloud.pendingExport = $null
}

function Test-LabScheduledCycleDue($State, [datetime]$Now) {
    $s = $State.scheduler
    $null -eq $State.cycle -and $s.syncCycleEnabled -and -not $s.schedulerSuspended -and $Now -ge (ConvertFrom-LabIso $s.nextSyncCycleStartTimeInUtc)
}

function Test-LabDueWork($State, [datetime]$Now) {
    ($null -ne $State.cycle -and $Now -ge (ConvertFrom-LabIso $State.cycle.endsAtUtc)) -or
    ($null -ne $State.cloud.pendingExport -and $Now -ge (ConvertFrom-LabIso $State.cloud.pendingExport.completesAtUtc)) -or
    (Test-LabScheduledCycleDue $State $Now)
}

# What the real scheduler would have done by now: finish cycles, apply exports, run a due scheduled cycle.
function Invoke-LabDueWork($State, [datetime]$Now) {
    Complete-LabCycle $State $Now
    Complete-LabPendingExport $State $Now
    if (Test-LabScheduledCycleDue $State $Now) {
        $seconds = Get-LabCycleSeconds $State
        $start = ConvertFrom-LabIso $State.scheduler.nextSyncCycleStartTimeInUtc
        if (($Now - $start).TotalSeconds -gt $seconds) { $start = $Now.AddSeconds(-$seconds) }
        $policy = if ($State.scheduler.nextSyncCyclePolicyType -eq 'Initial') { 'Initial' } else { 'Delta' }
        Start-LabCycle -State $State -PolicyType $policy -StartUtc $start -Seconds $seconds | Out-Null
        Complete-LabCycle $State $Now
        Complete-LabPendingExport $State $Now
        $next = ConvertFrom-LabIso $State.scheduler.nextSyncCycleStartTimeInUtc
        if ($null -eq $State.cycle -and $next -le $Now) {
            $State.scheduler.nextSyncCycleStartTimeInUtc = ConvertTo-LabIso ($Now + (Get-LabEffectiveInterval $State))
        }
    }
}

# What the Azure AD connector would export now: the users the AD connectors imported (and the rules do not
# filter), compared with what the cloud holds. A staging server keeps these pending (it exports nothing);
# an active server's next export clears them.
function Get-LabPendingCloudExport($State) {
    $byGuid = @{}
    foreach ($user in $State.forest.users) { $byGuid[$user.objectGuid] = $user }
    $wanted = @{}
    foreach ($connector in (Get-LabAdConnector $State)) {
        $space = Get-LabMapValue $State.connectorSpace $connector.identifier
        if ($null -eq $space) { continue }
        foreach ($guid in @($space.Keys)) {
            $user = $byGuid[$guid]
            if ($user -and -not (Test-LabCloudFiltered $user)) { $wanted[$guid] = Get-LabCloudFingerprint (ConvertTo-LabCloudUser $user) }
        }
    }
    $adds = 0; $updates = 0; $deletes = 0
    $inCloud = @{}
    foreach ($cloudUser in $State.cloud.users) {
        $inCloud[$cloudUser.objectGuid] = $true
        if (-not $wanted.Contains($cloudUser.objectGuid)) { $deletes++ }
        elseif ($wanted[$cloudUser.objectGuid] -ne (Get-LabCloudFingerprint $cloudUser)) { $updates++ }
    }
    foreach ($guid in $wanted.Keys) { if (-not $inCloud.Contains($guid)) { $adds++ } }
    [ordered]@{ adds = $adds; updates = $updates; deletes = $deletes; total = @($State.cloud.users).Count }
}
