# Projections of ADSync objects: the JSON shapes the operations return (one per object kind), and the
# lookups into the object model they share.

function ConvertTo-CwScheduler($s) {
    [ordered]@{
        allowedSyncCycleIntervalSeconds            = ConvertTo-CwSeconds $s.AllowedSyncCycleInterval
        currentlyEffectiveSyncCycleIntervalSeconds = ConvertTo-CwSeconds $s.CurrentlyEffectiveSyncCycleInterval
        customizedSyncCycleIntervalSeconds         = ConvertTo-CwSeconds $s.CustomizedSyncCycleInterval
        nextSyncCyclePolicyType                    = ConvertTo-CwString $s.NextSyncCyclePolicyType
        nextSyncCycleStartTimeInUtc                = ConvertTo-CwIsoDate $s.NextSyncCycleStartTimeInUTC
        purgeRunHistoryIntervalSeconds             = ConvertTo-CwSeconds $s.PurgeRunHistoryInterval
        syncCycleEnabled                           = ConvertTo-CwBool $s.SyncCycleEnabled
        maintenanceEnabled                         = ConvertTo-CwBool $s.MaintenanceEnabled
        stagingModeEnabled                         = ConvertTo-CwBool $s.StagingModeEnabled
        schedulerSuspended                         = ConvertTo-CwBool (Get-CwProperty $s 'SchedulerSuspended')
        syncCycleInProgress                        = ConvertTo-CwBool (Get-CwProperty $s 'SyncCycleInProgress')
    }
}

function ConvertTo-CwPartition($p) {
    $scope = Get-CwProperty $p 'ConnectorPartitionScope'
    [ordered]@{
        identifier          = ConvertTo-CwString (Get-CwProperty $p 'Identifier')
        dn                  = ConvertTo-CwString (Get-CwProperty $p 'DN')
        name                = ConvertTo-CwString (Get-CwProperty $p 'Name')
        selected            = ConvertTo-CwBool (Get-CwProperty $p 'Selected')
        isDomain            = ConvertTo-CwBool (Get-CwProperty $p 'IsDomain')
        containerInclusions = ConvertTo-CwStringArray (Get-CwProperty $scope 'ContainerInclusionList')
        containerExclusions = ConvertTo-CwStringArray (Get-CwProperty $scope 'ContainerExclusionList')
        objectClasses       = ConvertTo-CwStringArray (Get-CwProperty $scope 'ObjectClasses')
    }
}

function Get-CwPartitionList($Connector) {
    $partitions = Get-CwProperty $Connector 'Partitions'
    if ($partitions -is [System.Collections.IDictionary]) { $partitions = $partitions.Values }
    return , @($partitions | Where-Object { $null -ne $_ })
}

function ConvertTo-CwConnector($c) {
    $partitions = New-Object System.Collections.Generic.List[object]
    foreach ($p in (Get-CwPartitionList $c)) { $partitions.Add((ConvertTo-CwPartition $p)) }
    $runProfiles = New-Object System.Collections.Generic.List[string]
    foreach ($r in @(Get-CwProperty $c 'RunProfiles')) {
        if ($null -eq $r) { continue }
        if ($r -is [string]) { $runProfiles.Add($r) } else { $runProfiles.Add([string]$r.Name) }
    }
    [ordered]@{
        identifier           = ConvertTo-CwString $c.Identifier
        name                 = ConvertTo-CwString $c.Name
        type                 = ConvertTo-CwString (Get-CwProperty $c 'Type')
        subtype              = ConvertTo-CwString (Get-CwProperty $c 'Subtype')
        connectorTypeName    = ConvertTo-CwString (Get-CwProperty $c 'ConnectorTypeName')
        description          = ConvertTo-CwString (Get-CwProperty $c 'Description')
        listName             = ConvertTo-CwString (Get-CwProperty $c 'ListName')
        companyName          = ConvertTo-CwString (Get-CwProperty $c 'CompanyName')
        creationTime         = ConvertTo-CwIsoDate (Get-CwProperty $c 'CreationTime')
        lastModificationTime = ConvertTo-CwIsoDate (Get-CwProperty $c 'LastModificationTime')
        partitions           = $partitions.ToArray()
        runProfiles          = $runProfiles.ToArray()
    }
}

function Get-CwGlobalParameterList($Settings) {
    $parameters = Get-CwProperty $Settings 'Parameters'
    if ($parameters -is [System.Collections.IDictionary]) { $parameters = $parameters.Values }
    return , @($parameters | Where-Object { $null -ne $_ })
}

function Find-CwGlobalParameter($Settings, [string]$Name) {
    foreach ($p in (Get-CwGlobalParameterList $Settings)) {
        if ($p.Name -eq $Name) { return $p }
    }
    return $null
}

function ConvertTo-CwGlobalSettings($g) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($p in (Get-CwGlobalParameterList $g)) {
        $list.Add([ordered]@{
                name     = [string]$p.Name
                value    = ConvertTo-CwString (Get-CwProperty $p 'Value')
                scope    = ConvertTo-CwString (Get-CwProperty $p 'Scope')
                dataType = ConvertTo-CwString (Get-CwProperty $p 'DataType')
            })
    }
    [ordered]@{
        version          = ConvertTo-CwInt (Get-CwProperty $g 'Version')
        sqlSchemaVersion = ConvertTo-CwInt (Get-CwProperty $g 'SqlSchemaVersion')
        instanceId       = ConvertTo-CwString (Get-CwProperty $g 'InstanceId')
        parameters       = $list.ToArray()
    }
}

function ConvertTo-CwFeatures($f) {
    [ordered]@{
        passwordHashSync           = ConvertTo-CwNullableBool (Get-CwProperty $f 'PasswordHashSync')
        forcePasswordChangeOnLogOn = ConvertTo-CwNullableBool (Get-CwProperty $f 'ForcePasswordChangeOnLogOn')
        userWriteback              = ConvertTo-CwNullableBool (Get-CwProperty $f 'UserWriteback')
        deviceWriteback            = ConvertTo-CwNullableBool (Get-CwProperty $f 'DeviceWriteback')
        unifiedGroupWriteback      = ConvertTo-CwNullableBool (Get-CwProperty $f 'UnifiedGroupWriteback')
        groupWritebackV2           = ConvertTo-CwNullableBool (Get-CwProperty $f 'GroupWritebackV2')
    }
}

function ConvertTo-CwPasswordSyncConfiguration($c, [string]$SourceConnector) {
    $source = ConvertTo-CwString (Get-CwProperty $c 'SourceConnector')
    if ($null -eq $source) { $source = $SourceConnector }
    [ordered]@{
        sourceConnector = $source
        targetConnector = ConvertTo-CwString (Get-CwProperty $c 'TargetConnector')
        enabled         = ConvertTo-CwBool (Get-CwProperty $c 'Enabled')
    }
}

# The run history is the longest list the app reads (hundreds of runs per page): a function call per field cost
# more than reading the history itself, so the plain fields are converted here, with ConvertTo-CwString's and
# ConvertTo-CwInt's rules.
$script:RunTextFields = @('RunHistoryId', 'ConnectorId', 'ConnectorName', 'RunProfileId', 'RunProfileName', 'Username', 'Result')
$script:RunNumberFields = @('RunNumber', 'CurrentStepNumber', 'TotalSteps')

function ConvertTo-CwRun($r, $Counters) {
    $run = [ordered]@{}
    foreach ($name in $script:RunTextFields) {
        $value = $r.$name
        $run[[char]::ToLowerInvariant($name[0]) + $name.Substring(1)] = if ($null -eq $value) { $null } else { $value.ToString() }
    }
    foreach ($name in $script:RunNumberFields) {
        $value = $r.$name
        $run[[char]::ToLowerInvariant($name[0]) + $name.Substring(1)] = if ($null -eq $value -or ($value -is [string] -and $value.Trim() -eq '')) { $null } else { [long]$value }
    }
    # Hundreds of runs per read: the usual types are converted here, the rest by the general functions.
    $complete = $r.IsRunComplete
    $run.isRunComplete = if ($complete -is [bool]) { $complete } else { ConvertTo-CwBool $complete }
    foreach ($pair in @(@('startDate', $r.StartDate), @('endDate', $r.EndDate))) {
        $value = $pair[1]
        if ($value -is [DateTime] -and $value.Kind -ne [DateTimeKind]::Local) {
            $run[$pair[0]] = [DateTime]::SpecifyKind($value, [DateTimeKind]::Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", $script:Invariant)
        } else {
            $run[$pair[0]] = ConvertTo-CwIsoDate $value
        }
    }
    $run.counters = $Counters
    $run
}

function ConvertTo-CwRule($r) {
    [ordered]@{
        identifier         = ConvertTo-CwString (Get-CwProperty $r 'Identifier')
        name               = ConvertTo-CwString (Get-CwProperty $r 'Name')
        description        = ConvertTo-CwString (Get-CwProperty $r 'Description')
        direction          = ConvertTo-CwString (Get-CwProperty $r 'Direction')
        precedence         = ConvertTo-CwInt (Get-CwProperty $r 'Precedence')
        connector          = ConvertTo-CwString (Get-CwProperty $r 'Connector')
        disabled           = ConvertTo-CwBool (Get-CwProperty $r 'Disabled')
        sourceObjectType   = ConvertTo-CwString (Get-CwProperty $r 'SourceObjectType')
        targetObjectType   = ConvertTo-CwString (Get-CwProperty $r 'TargetObjectType')
        linkType           = ConvertTo-CwString (Get-CwProperty $r 'LinkType')
        immutableTag       = ConvertTo-CwString (Get-CwProperty $r 'ImmutableTag')
        enablePasswordSync = ConvertTo-CwBool (Get-CwProperty $r 'EnablePasswordSync')
        isStandardRule     = ConvertTo-CwNullableBool (Get-CwProperty $r 'IsStandardRule')
    }
}

function ConvertTo-CwMember($m) {
    [ordered]@{
        name            = ConvertTo-CwString (Get-CwProperty $m 'Name')
        sid             = ConvertTo-CwString (Get-CwProperty $m 'SID')
        objectClass     = ConvertTo-CwString (Get-CwProperty $m 'ObjectClass')
        principalSource = ConvertTo-CwString (Get-CwProperty $m 'PrincipalSource')
    }
}

# The deletion threshold is read from the global settings: Get-ADSyncExportDeletionThreshold needs an
# interactive Entra sign-in on current builds, which a non-interactive session cannot do.
function Get-CwDeletionThresholdFromSettings($Settings) {
    $enabled = Find-CwGlobalParameter $Settings 'Microsoft.OptionalFeature.ExportDeletionThreshold'
    $value = Find-CwGlobalParameter $Settings 'Microsoft.OptionalFeature.ExportDeletionThresholdValue'
    $threshold = $null
    if ($null -ne $value) { $threshold = ConvertTo-CwInt $value.Value }
    $isEnabled = $false
    if ($null -ne $enabled) { $isEnabled = ConvertTo-CwBool $enabled.Value }
    [ordered]@{ enabled = $isEnabled; threshold = $threshold }
}

function Get-CwAutoUpgradeFromValue($State, $Settings) {
    $reason = $null
    if ($null -ne $Settings) {
        $parameter = Find-CwGlobalParameter $Settings 'Microsoft.OptionalFeature.AutoUpgradeSuspensionReason'
        if ($null -ne $parameter -and -not [string]::IsNullOrEmpty([string]$parameter.Value)) { $reason = [string]$parameter.Value }
    }
    $stateText = $State
    if ($null -ne (Get-CwProperty $State 'AutoUpgradeState')) { $stateText = $State.AutoUpgradeState }
    [ordered]@{ state = ConvertTo-CwString $stateText; suspensionReason = $reason }
}
