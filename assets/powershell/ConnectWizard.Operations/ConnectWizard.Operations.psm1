# ConnectWizard.Operations: the only PowerShell the wizard runs.
#
# Contract with the TypeScript bridge (electron/services/powershell):
# - a call is one line: Invoke-CwOperation '<OperationName>' '<base64 of UTF-8 JSON parameters>';
#   no value ever becomes script text;
# - a call writes exactly one envelope, {"ok":true,"value":...} or
#   {"ok":false,"error":{"message","errorId","category","type","target"}}, as base64 of UTF-8 JSON
#   between the markers below, so warnings, host output and console encoding cannot corrupt it;
# - values are normalized here so Windows PowerShell 5.1 and PowerShell 7 print the same JSON:
#   dates are ISO-8601 UTC strings, TimeSpans are seconds, enums are strings, collections are arrays.
#
# Must stay Windows PowerShell 5.1 syntax: no ??, no ternary, no -AsHashtable, no -Parallel.

Set-StrictMode -Off

$script:EnvelopeStart = '@@CW-ENVELOPE:'
$script:EnvelopeEnd = ':CW-ENVELOPE@@'
$script:Config = @{ adSyncModule = 'ADSync'; activeDirectoryModule = 'ActiveDirectory' }
$script:JsonDateKindString = $false
$script:OuCache = $null
$script:Invariant = [System.Globalization.CultureInfo]::InvariantCulture

# ---------------------------------------------------------------------------------------------
# Framing and errors
# ---------------------------------------------------------------------------------------------

function Write-CwEnvelope($Envelope) {
    try {
        $json = ConvertTo-Json -InputObject $Envelope -Depth 20 -Compress
    } catch {
        $fallback = [ordered]@{
            ok    = $false
            error = [ordered]@{
                message  = 'The operation result could not be converted to JSON: ' + $_.Exception.Message
                errorId  = 'CwSerializationFailed'
                category = 'InvalidResult'
                type     = $_.Exception.GetType().FullName
                target   = $null
            }
        }
        $json = ConvertTo-Json -InputObject $fallback -Depth 5 -Compress
    }
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($json))
    [Console]::Out.Write("`n" + $script:EnvelopeStart + $encoded + $script:EnvelopeEnd + "`n")
    [Console]::Out.Flush()
}

function ConvertFrom-CwPayload([string]$Payload) {
    if ([string]::IsNullOrEmpty($Payload)) { return New-Object PSObject }
    $json = [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($Payload))
    if ($script:JsonDateKindString) {
        # PowerShell 7 would otherwise turn date-looking strings into DateTime and change the value.
        return ConvertFrom-Json -InputObject $json -DateKind String
    }
    return ConvertFrom-Json -InputObject $json
}

function ConvertTo-CwErrorInfo($Record) {
    $exception = $Record.Exception
    $target = $null
    if ($null -ne $Record.TargetObject) { $target = [string]$Record.TargetObject }
    [ordered]@{
        message  = [string]$exception.Message
        errorId  = [string]$Record.FullyQualifiedErrorId
        category = [string]$Record.CategoryInfo.Category
        type     = $exception.GetType().FullName
        target   = $target
    }
}

function New-CwErrorRecord([string]$Message, [string]$ErrorId, [string]$Category, $Target) {
    $exception = New-Object System.InvalidOperationException $Message
    New-Object System.Management.Automation.ErrorRecord $exception, $ErrorId, ([System.Management.Automation.ErrorCategory]$Category), $Target
}

function Get-CwParam($Params, [string]$Name, $Default) {
    if ($null -eq $Params) { return $Default }
    $property = $Params.PSObject.Properties[$Name]
    if ($null -eq $property) { return $Default }
    return $property.Value
}

function Test-CwParam($Params, [string]$Name) {
    return ($null -ne $Params) -and ($null -ne $Params.PSObject.Properties[$Name])
}

# ---------------------------------------------------------------------------------------------
# Type normalization (identical JSON from 5.1 and 7)
# ---------------------------------------------------------------------------------------------

function ConvertTo-CwIsoDate($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [DateTimeOffset]) { $Value = $Value.UtcDateTime }
    if ($Value -is [string]) {
        if ($Value.Trim() -eq '') { return $null }
        $styles = [System.Globalization.DateTimeStyles]::AssumeUniversal -bor [System.Globalization.DateTimeStyles]::AdjustToUniversal
        $Value = [DateTime]::Parse($Value, $script:Invariant, $styles)
    }
    if ($Value -isnot [DateTime]) { return [string]$Value }
    if ($Value.Kind -eq [DateTimeKind]::Unspecified) {
        # ADSync reports its times in UTC without saying so.
        $Value = [DateTime]::SpecifyKind($Value, [DateTimeKind]::Utc)
    }
    return $Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", $script:Invariant)
}

function ConvertTo-CwSeconds($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [TimeSpan]) { return [double]$Value.TotalSeconds }
    if ($Value -is [string]) {
        if ($Value.Trim() -eq '') { return $null }
        return [double]([TimeSpan]::Parse($Value, $script:Invariant).TotalSeconds)
    }
    if ($null -ne $Value.PSObject.Properties['TotalSeconds']) { return [double]$Value.TotalSeconds }
    return [double]$Value
}

function ConvertTo-CwTimeSpan($Seconds) {
    return [TimeSpan]::FromSeconds([double]$Seconds)
}

function ConvertTo-CwBool($Value) {
    if ($null -eq $Value) { return $false }
    if ($Value -is [bool]) { return $Value }
    if ($Value -is [string]) { return $Value.Trim() -eq 'True' -or $Value.Trim() -eq '1' }
    return [bool]$Value
}

function ConvertTo-CwNullableBool($Value) {
    if ($null -eq $Value) { return $null }
    return ConvertTo-CwBool $Value
}

function ConvertTo-CwString($Value) {
    if ($null -eq $Value) { return $null }
    return [string]$Value.ToString()
}

function ConvertTo-CwInt($Value) {
    if ($null -eq $Value) { return $null }
    if ($Value -is [string] -and $Value.Trim() -eq '') { return $null }
    return [long]$Value
}

function ConvertTo-CwStringArray($Value) {
    $list = New-Object System.Collections.Generic.List[string]
    if ($null -ne $Value) {
        foreach ($item in @($Value)) {
            if ($null -ne $item) { $list.Add([string]$item) }
        }
    }
    return , $list.ToArray()
}

function Get-CwProperty($Object, [string]$Name) {
    if ($null -eq $Object) { return $null }
    $property = $Object.PSObject.Properties[$Name]
    if ($null -eq $property) { return $null }
    return $property.Value
}

# Replaces the content of a list property, whether the object model holds a live list or an array.
function Set-CwListProperty($Object, [string]$Name, [string[]]$Values) {
    $current = Get-CwProperty $Object $Name
    $isGrowableList = ($current -is [System.Collections.IList]) -and (-not $current.IsFixedSize) -and (-not $current.IsReadOnly)
    if ($isGrowableList) {
        $current.Clear()
        foreach ($value in $Values) { [void]$current.Add($value) }
    } else {
        $Object.$Name = $Values
    }
}

# ---------------------------------------------------------------------------------------------
# Session
# ---------------------------------------------------------------------------------------------

function Import-CwTargetModule([string]$Role, [string]$Spec) {
    try {
        Import-Module -Name $Spec -Global -DisableNameChecking -ErrorAction Stop -WarningAction SilentlyContinue
    } catch {
        $message = 'Module ' + $Spec + ' could not be loaded: ' + $_.Exception.Message
        $record = New-CwErrorRecord $message ('CwModuleNotFound,' + $Role) 'ObjectNotFound' $Spec
        throw $record
    }
}

function Use-CwActiveDirectoryModule {
    if ($null -eq (Get-Command -Name 'Get-ADForest' -ErrorAction SilentlyContinue)) {
        Import-CwTargetModule 'ActiveDirectory' $script:Config.activeDirectoryModule
    }
}

function Get-CwSessionInfo {
    [ordered]@{
        processId = $PID
        psVersion = $PSVersionTable.PSVersion.ToString()
        psEdition = [string]$PSVersionTable.PSEdition
    }
}

function Initialize-CwSession([string]$Payload) {
    $envelope = $null
    try {
        $global:ProgressPreference = 'SilentlyContinue'
        $script:JsonDateKindString = (Get-Command ConvertFrom-Json).Parameters.ContainsKey('DateKind')
        if ($PSVersionTable.PSEdition -ne 'Core') {
            # Windows PowerShell 5.1 serializes arrays as {"value":[...],"Count":n} while this type data exists.
            Remove-TypeData -TypeName System.Array -ErrorAction SilentlyContinue
        }
        $params = ConvertFrom-CwPayload $Payload
        $script:Config.adSyncModule = [string](Get-CwParam $params 'adSyncModule' 'ADSync')
        $script:Config.activeDirectoryModule = [string](Get-CwParam $params 'activeDirectoryModule' 'ActiveDirectory')
        Import-CwTargetModule 'ADSync' $script:Config.adSyncModule
        foreach ($extra in @(Get-CwParam $params 'extraModules' @())) {
            if (-not [string]::IsNullOrEmpty([string]$extra)) { Import-CwTargetModule 'Extra' ([string]$extra) }
        }
        $envelope = [ordered]@{ ok = $true; value = (Get-CwSessionInfo) }
    } catch {
        $envelope = [ordered]@{ ok = $false; error = (ConvertTo-CwErrorInfo $_) }
    }
    Write-CwEnvelope $envelope
}

function Invoke-CwOperation([string]$Name, [string]$Payload) {
    $ErrorActionPreference = 'Stop'
    $envelope = $null
    try {
        $operation = $script:Operations[$Name]
        if ($null -eq $operation) {
            throw (New-CwErrorRecord ('Unknown operation: ' + $Name) 'CwUnknownOperation' 'InvalidArgument' $Name)
        }
        $params = ConvertFrom-CwPayload $Payload
        $value = & $operation $params
        $envelope = [ordered]@{ ok = $true; value = $value }
    } catch {
        $envelope = [ordered]@{ ok = $false; error = (ConvertTo-CwErrorInfo $_) }
    }
    Write-CwEnvelope $envelope
}

# ---------------------------------------------------------------------------------------------
# Projections of ADSync objects
# ---------------------------------------------------------------------------------------------

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

function ConvertTo-CwRun($r, $Counters) {
    [ordered]@{
        runHistoryId      = ConvertTo-CwString (Get-CwProperty $r 'RunHistoryId')
        connectorId       = ConvertTo-CwString (Get-CwProperty $r 'ConnectorId')
        connectorName     = ConvertTo-CwString (Get-CwProperty $r 'ConnectorName')
        runProfileId      = ConvertTo-CwString (Get-CwProperty $r 'RunProfileId')
        runProfileName    = ConvertTo-CwString (Get-CwProperty $r 'RunProfileName')
        runNumber         = ConvertTo-CwInt (Get-CwProperty $r 'RunNumber')
        username          = ConvertTo-CwString (Get-CwProperty $r 'Username')
        isRunComplete     = ConvertTo-CwBool (Get-CwProperty $r 'IsRunComplete')
        result            = ConvertTo-CwString (Get-CwProperty $r 'Result')
        currentStepNumber = ConvertTo-CwInt (Get-CwProperty $r 'CurrentStepNumber')
        totalSteps        = ConvertTo-CwInt (Get-CwProperty $r 'TotalSteps')
        startDate         = ConvertTo-CwIsoDate (Get-CwProperty $r 'StartDate')
        endDate           = ConvertTo-CwIsoDate (Get-CwProperty $r 'EndDate')
        counters          = $Counters
    }
}

# The run's step counters (StageAdd, ExportUpdate, FlowFailure...), summed over its steps; $null when unknown.
function Get-CwRunCounters($RunHistoryId) {
    if ($null -eq $RunHistoryId) { return $null }
    $steps = @(Get-ADSyncRunStepResult -RunHistoryId $RunHistoryId -ErrorAction SilentlyContinue)
    if ($steps.Count -eq 0) { return $null }
    $counters = [ordered]@{}
    foreach ($step in $steps) {
        if ($null -eq $step) { continue }
        foreach ($property in $step.PSObject.Properties) {
            if ($property.Name -match '^(Stage|Disconnector|Connector|Flow|Export)' -and $property.Value -is [int]) {
                $previous = 0
                if ($counters.Contains($property.Name)) { $previous = $counters[$property.Name] }
                $counters[$property.Name] = $previous + $property.Value
            }
        }
    }
    return $counters
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

# ---------------------------------------------------------------------------------------------
# Operations: each takes the decoded parameters and returns exactly one value.
# ---------------------------------------------------------------------------------------------

function Invoke-CwEcho($p) {
    $delay = [int](Get-CwParam $p 'delayMs' 0)
    if ($delay -gt 0) { Start-Sleep -Milliseconds $delay }
    [ordered]@{ value = (Get-CwParam $p 'value' $null) }
}

function Get-CwSchedulerOperation($p) {
    ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop)
}

function Set-CwSchedulerOperation($p) {
    $arguments = @{}
    if (Test-CwParam $p 'customizedSyncCycleIntervalSeconds') {
        $seconds = Get-CwParam $p 'customizedSyncCycleIntervalSeconds' $null
        if ($null -eq $seconds) { $arguments.CustomizedSyncCycleInterval = $null } else { $arguments.CustomizedSyncCycleInterval = ConvertTo-CwTimeSpan $seconds }
    }
    if (Test-CwParam $p 'purgeRunHistoryIntervalSeconds') { $arguments.PurgeRunHistoryInterval = ConvertTo-CwTimeSpan $p.purgeRunHistoryIntervalSeconds }
    if (Test-CwParam $p 'syncCycleEnabled') { $arguments.SyncCycleEnabled = [bool]$p.syncCycleEnabled }
    if (Test-CwParam $p 'maintenanceEnabled') { $arguments.MaintenanceEnabled = [bool]$p.maintenanceEnabled }
    if (Test-CwParam $p 'schedulerSuspended') { $arguments.SchedulerSuspended = [bool]$p.schedulerSuspended }
    if (Test-CwParam $p 'nextSyncCyclePolicyType') { $arguments.NextSyncCyclePolicyType = [string]$p.nextSyncCyclePolicyType }
    if ($arguments.Count -gt 0) {
        $null = Set-ADSyncScheduler @arguments -ErrorAction Stop -WarningAction SilentlyContinue
    }
    ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop)
}

function Get-CwStagingModeOperation($p) {
    [ordered]@{ enabled = ConvertTo-CwBool (Get-ADSyncScheduler -ErrorAction Stop).StagingModeEnabled }
}

function Set-CwStagingModeOperation($p) {
    $enabled = [bool](Get-CwParam $p 'enabled' $false)
    $settings = Get-ADSyncGlobalSettings -ErrorAction Stop
    $parameter = Find-CwGlobalParameter $settings 'Microsoft.Synchronize.StagingMode'
    if ($null -eq $parameter) {
        throw (New-CwErrorRecord 'The global setting Microsoft.Synchronize.StagingMode does not exist on this server.' 'CwSettingNotFound' 'ObjectNotFound' 'Microsoft.Synchronize.StagingMode')
    }
    $parameter.Value = [string]$enabled
    $null = Set-ADSyncGlobalSettings -GlobalSettings $settings -ErrorAction Stop
    Get-CwStagingModeOperation $p
}

function Start-CwSyncCycleOperation($p) {
    $policy = [string](Get-CwParam $p 'policyType' 'Delta')
    $result = Start-ADSyncSyncCycle -PolicyType $policy -ErrorAction Stop
    $text = $null
    foreach ($item in @($result)) {
        $value = Get-CwProperty $item 'Result'
        if ($null -ne $value) { $text = ConvertTo-CwString $value } elseif ($null -ne $item) { $text = ConvertTo-CwString $item }
    }
    [ordered]@{ result = $text }
}

function Stop-CwSyncCycleOperation($p) {
    $null = Stop-ADSyncSyncCycle -ErrorAction Stop
    [ordered]@{ stopRequested = $true }
}

function Get-CwConnectorsOperation($p) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($c in @(Get-ADSyncConnector -ErrorAction Stop)) {
        if ($null -ne $c) { $list.Add((ConvertTo-CwConnector $c)) }
    }
    return , $list.ToArray()
}

function Set-CwPartitionFiltersOperation($p) {
    $connectorName = [string](Get-CwParam $p 'connectorName' '')
    $connector = Get-ADSyncConnector -Name $connectorName -ErrorAction Stop
    $partitions = Get-CwPartitionList $connector
    foreach ($spec in @(Get-CwParam $p 'partitions' @())) {
        $partition = $null
        foreach ($candidate in $partitions) {
            if ([string]$candidate.DN -eq [string]$spec.dn) { $partition = $candidate; break }
        }
        if ($null -eq $partition) {
            throw (New-CwErrorRecord ('Partition ' + $spec.dn + ' was not found on connector ' + $connectorName + '.') 'CwPartitionNotFound' 'ObjectNotFound' $spec.dn)
        }
        if (Test-CwParam $spec 'selected') { $partition.Selected = [bool]$spec.selected }
        $scope = Get-CwProperty $partition 'ConnectorPartitionScope'
        if (Test-CwParam $spec 'containerInclusions') { Set-CwListProperty $scope 'ContainerInclusionList' ([string[]]@($spec.containerInclusions)) }
        if (Test-CwParam $spec 'containerExclusions') { Set-CwListProperty $scope 'ContainerExclusionList' ([string[]]@($spec.containerExclusions)) }
    }
    $null = Add-ADSyncConnector -Connector $connector -ErrorAction Stop
    ConvertTo-CwConnector (Get-ADSyncConnector -Name $connectorName -ErrorAction Stop)
}

function Get-CwGlobalSettingsOperation($p) {
    ConvertTo-CwGlobalSettings (Get-ADSyncGlobalSettings -ErrorAction Stop)
}

function Set-CwGlobalSettingsOperation($p) {
    $settings = Get-ADSyncGlobalSettings -ErrorAction Stop
    foreach ($change in @(Get-CwParam $p 'parameters' @())) {
        $parameter = Find-CwGlobalParameter $settings ([string]$change.name)
        if ($null -eq $parameter) {
            throw (New-CwErrorRecord ('The global setting ' + $change.name + ' does not exist on this server.') 'CwSettingNotFound' 'ObjectNotFound' $change.name)
        }
        $parameter.Value = [string]$change.value
    }
    $null = Set-ADSyncGlobalSettings -GlobalSettings $settings -ErrorAction Stop
    ConvertTo-CwGlobalSettings (Get-ADSyncGlobalSettings -ErrorAction Stop)
}

function Get-CwFeaturesOperation($p) {
    ConvertTo-CwFeatures (Get-ADSyncAADCompanyFeature -ErrorAction Stop)
}

function Set-CwFeaturesOperation($p) {
    $arguments = @{}
    foreach ($name in @('PasswordHashSync', 'ForcePasswordChangeOnLogOn', 'UserWriteback', 'DeviceWriteback', 'UnifiedGroupWriteback', 'GroupWritebackV2')) {
        $key = $name.Substring(0, 1).ToLowerInvariant() + $name.Substring(1)
        if (Test-CwParam $p $key) { $arguments[$name] = [bool]$p.$key }
    }
    if ($arguments.Count -gt 0) { $null = Set-ADSyncAADCompanyFeature @arguments -ErrorAction Stop }
    ConvertTo-CwFeatures (Get-ADSyncAADCompanyFeature -ErrorAction Stop)
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

function Get-CwPasswordSyncConfigurationOperation($p) {
    $sourceConnector = [string](Get-CwParam $p 'sourceConnector' '')
    $configuration = @(Get-ADSyncAADPasswordSyncConfiguration -SourceConnector $sourceConnector -ErrorAction Stop) | Select-Object -First 1
    ConvertTo-CwPasswordSyncConfiguration $configuration $sourceConnector
}

# Password hash sync per AD connector (the global setting and the tenant feature are separate steps).
function Set-CwPasswordSyncConfigurationOperation($p) {
    $sourceConnector = [string](Get-CwParam $p 'sourceConnector' '')
    $targetConnector = [string](Get-CwParam $p 'targetConnector' '')
    $enable = [bool](Get-CwParam $p 'enable' $false)
    $null = Set-ADSyncAADPasswordSyncConfiguration -SourceConnector $sourceConnector -TargetConnector $targetConnector -Enable $enable -ErrorAction Stop
    Get-CwPasswordSyncConfigurationOperation $p
}

function Get-CwRunHistoryOperation($p) {
    $arguments = @{ NumberRequested = [int](Get-CwParam $p 'count' 50) }
    $connectorId = Get-CwParam $p 'connectorId' $null
    if ($null -ne $connectorId) { $arguments.ConnectorId = [string]$connectorId }
    # Step counters cost one more call per run, so only the most recent runs carry them.
    $countersFor = [int](Get-CwParam $p 'countersFor' 30)
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRunProfileResult @arguments -ErrorAction Stop)) {
        if ($null -eq $r) { continue }
        $counters = $null
        if ($list.Count -lt $countersFor) { $counters = Get-CwRunCounters (Get-CwProperty $r 'RunHistoryId') }
        $list.Add((ConvertTo-CwRun $r $counters))
    }
    return , $list.ToArray()
}

function Get-CwDeletionThresholdOperation($p) {
    Get-CwDeletionThresholdFromSettings (Get-ADSyncGlobalSettings -ErrorAction Stop)
}

function Set-CwDeletionThresholdOperation($p) {
    $arguments = @{}
    $userName = Get-CwParam $p 'aadUserName' $null
    if ($null -ne $userName) { $arguments.AADUserName = [string]$userName }
    if ([bool](Get-CwParam $p 'enabled' $true)) {
        $arguments.DeletionThreshold = [uint32](Get-CwParam $p 'threshold' 500)
        $null = Enable-ADSyncExportDeletionThreshold @arguments -ErrorAction Stop -Confirm:$false
    } else {
        $null = Disable-ADSyncExportDeletionThreshold @arguments -ErrorAction Stop -Confirm:$false
    }
    Get-CwDeletionThresholdOperation $p
}

function Get-CwSyncRulesOperation($p) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRule -ErrorAction Stop)) {
        if ($null -ne $r) { $list.Add((ConvertTo-CwRule $r)) }
    }
    return , $list.ToArray()
}

function Get-CwAutoUpgradeOperation($p) {
    $state = Get-ADSyncAutoUpgrade -ErrorAction Stop
    $settings = $null
    try { $settings = Get-ADSyncGlobalSettings -ErrorAction Stop } catch { $settings = $null }
    Get-CwAutoUpgradeFromValue $state $settings
}

function Get-CwDatabaseConfigurationOperation($p) {
    $db = Get-ADSyncDatabaseConfiguration -ErrorAction Stop
    [ordered]@{
        installedLocalDb      = ConvertTo-CwBool (Get-CwProperty $db 'InstalledLocalDb')
        sqlServerName         = ConvertTo-CwString (Get-CwProperty $db 'SqlServerName')
        sqlServerInstanceName = ConvertTo-CwString (Get-CwProperty $db 'SqlServerInstanceName')
        sqlServerDbName       = ConvertTo-CwString (Get-CwProperty $db 'SqlServerDBName')
    }
}

function Set-CwAutoUpgradeOperation($p) {
    $null = Set-ADSyncAutoUpgrade -AutoUpgradeState ([string](Get-CwParam $p 'state' 'Enabled')) -ErrorAction Stop
    Get-CwAutoUpgradeOperation $p
}

function Get-CwGroupMembersOperation($p) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($m in @(Get-LocalGroupMember -Group ([string]$p.group) -ErrorAction Stop)) {
        if ($null -ne $m) { $list.Add((ConvertTo-CwMember $m)) }
    }
    return , $list.ToArray()
}

function Add-CwGroupMemberOperation($p) {
    $null = Add-LocalGroupMember -Group ([string]$p.group) -Member ([string]$p.member) -ErrorAction Stop -Confirm:$false
    Get-CwGroupMembersOperation $p
}

function Remove-CwGroupMemberOperation($p) {
    $null = Remove-LocalGroupMember -Group ([string]$p.group) -Member ([string]$p.member) -ErrorAction Stop -Confirm:$false
    Get-CwGroupMembersOperation $p
}

function Get-CwServerArgument([string]$Command, $Server) {
    $arguments = @{}
    if ($null -ne $Server -and (Get-Command $Command).Parameters.ContainsKey('Server')) { $arguments.Server = [string]$Server }
    return $arguments
}

function Get-CwForestOperation($p) {
    Use-CwActiveDirectoryModule
    $forestName = Get-CwParam $p 'forest' $null
    $arguments = @{}
    if ($null -ne $forestName) { $arguments.Identity = [string]$forestName }
    $forest = Get-ADForest @arguments -ErrorAction Stop
    $domains = New-Object System.Collections.Generic.List[object]
    foreach ($domainName in @($forest.Domains)) {
        if ($null -eq $domainName) { continue }
        $domainArguments = Get-CwServerArgument 'Get-ADDomain' ([string]$domainName)
        $domain = Get-ADDomain -Identity ([string]$domainName) @domainArguments -ErrorAction Stop
        $domains.Add([ordered]@{
                dnsRoot           = ConvertTo-CwString $domain.DNSRoot
                netBiosName       = ConvertTo-CwString (Get-CwProperty $domain 'NetBIOSName')
                distinguishedName = ConvertTo-CwString $domain.DistinguishedName
            })
    }
    [ordered]@{
        name       = ConvertTo-CwString $forest.Name
        rootDomain = ConvertTo-CwString (Get-CwProperty $forest 'RootDomain')
        domains    = $domains.ToArray()
    }
}

# One page of the OUs under a search base. The whole result is read once (skip = 0) and kept in the
# session, so paging through a 50,000-OU forest costs one directory query, not one per page.
function Get-CwOrganizationalUnitsOperation($p) {
    Use-CwActiveDirectoryModule
    $searchBase = [string]$p.searchBase
    $scope = [string](Get-CwParam $p 'scope' 'OneLevel')
    $server = Get-CwParam $p 'server' $null
    $skip = [int](Get-CwParam $p 'skip' 0)
    $take = [int](Get-CwParam $p 'take' 1000)
    $key = $searchBase + '|' + $scope + '|' + [string]$server
    if ($skip -eq 0 -or $null -eq $script:OuCache -or $script:OuCache.key -ne $key) {
        $arguments = Get-CwServerArgument 'Get-ADOrganizationalUnit' $server
        $items = New-Object System.Collections.Generic.List[object]
        foreach ($ou in @(Get-ADOrganizationalUnit -Filter '*' -SearchBase $searchBase -SearchScope $scope @arguments -ErrorAction Stop)) {
            if ($null -eq $ou) { continue }
            $items.Add([ordered]@{ name = ConvertTo-CwString $ou.Name; distinguishedName = ConvertTo-CwString $ou.DistinguishedName })
        }
        $script:OuCache = @{ key = $key; items = $items.ToArray() }
    }
    $all = $script:OuCache.items
    $total = $all.Count
    $page = New-Object System.Collections.Generic.List[object]
    $end = [Math]::Min($total, $skip + $take)
    for ($i = $skip; $i -lt $end; $i++) { $page.Add($all[$i]) }
    $nextSkip = $null
    if ($end -lt $total) { $nextSkip = $end }
    [ordered]@{ items = $page.ToArray(); total = $total; nextSkip = $nextSkip }
}

function Export-CwServerConfigurationOperation($p) {
    $path = [string]$p.path
    $null = Get-ADSyncServerConfiguration -Path $path -ErrorAction Stop
    $files = @(Get-ChildItem -LiteralPath $path -Recurse -File -ErrorAction SilentlyContinue)
    [ordered]@{ path = $path; fileCount = $files.Count }
}

# The whole state a page needs, in one round trip. A section that fails is reported next to the
# others instead of failing the page (e.g. company features need Entra ID to answer).
function Get-CwServerStateOperation($p) {
    $sectionErrors = New-Object System.Collections.Generic.List[object]
    $state = [ordered]@{}
    $settings = $null
    try { $settings = Get-ADSyncGlobalSettings -ErrorAction Stop } catch { $sectionErrors.Add([ordered]@{ section = 'globalSettings'; error = (ConvertTo-CwErrorInfo $_) }) }

    $sections = [ordered]@{
        scheduler               = { ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop) }
        connectors              = { Get-CwConnectorsOperation $null }
        globalSettings          = { if ($null -eq $settings) { $null } else { ConvertTo-CwGlobalSettings $settings } }
        features                = { ConvertTo-CwFeatures (Get-ADSyncAADCompanyFeature -ErrorAction Stop) }
        autoUpgrade             = { Get-CwAutoUpgradeFromValue (Get-ADSyncAutoUpgrade -ErrorAction Stop) $settings }
        exportDeletionThreshold = { if ($null -eq $settings) { $null } else { Get-CwDeletionThresholdFromSettings $settings } }
        lastRuns                = { Get-CwRunHistoryOperation ([pscustomobject]@{ count = [int](Get-CwParam $p 'runCount' 10) }) }
    }
    foreach ($name in @($sections.Keys)) {
        try {
            $state[$name] = & $sections[$name]
        } catch {
            $state[$name] = $null
            $sectionErrors.Add([ordered]@{ section = $name; error = (ConvertTo-CwErrorInfo $_) })
        }
    }
    $staging = $null
    if ($null -ne $state.scheduler) { $staging = [ordered]@{ enabled = $state.scheduler.stagingModeEnabled } }
    $state['staging'] = $staging
    $state['sectionErrors'] = $sectionErrors.ToArray()
    return $state
}

$script:Operations = @{
    Echo                      = ${function:Invoke-CwEcho}
    GetSessionInfo            = { Get-CwSessionInfo }
    GetServerState            = ${function:Get-CwServerStateOperation}
    GetScheduler              = ${function:Get-CwSchedulerOperation}
    SetScheduler              = ${function:Set-CwSchedulerOperation}
    GetStagingMode            = ${function:Get-CwStagingModeOperation}
    SetStagingMode            = ${function:Set-CwStagingModeOperation}
    StartSyncCycle            = ${function:Start-CwSyncCycleOperation}
    StopSyncCycle             = ${function:Stop-CwSyncCycleOperation}
    GetConnectors             = ${function:Get-CwConnectorsOperation}
    SetPartitionFilters       = ${function:Set-CwPartitionFiltersOperation}
    GetGlobalSettings         = ${function:Get-CwGlobalSettingsOperation}
    SetGlobalSettings         = ${function:Set-CwGlobalSettingsOperation}
    GetCompanyFeatures        = ${function:Get-CwFeaturesOperation}
    SetCompanyFeatures        = ${function:Set-CwFeaturesOperation}
    GetPasswordSyncConfiguration = ${function:Get-CwPasswordSyncConfigurationOperation}
    SetPasswordSyncConfiguration = ${function:Set-CwPasswordSyncConfigurationOperation}
    GetRunHistory             = ${function:Get-CwRunHistoryOperation}
    GetExportDeletionThreshold = ${function:Get-CwDeletionThresholdOperation}
    SetExportDeletionThreshold = ${function:Set-CwDeletionThresholdOperation}
    GetSyncRules              = ${function:Get-CwSyncRulesOperation}
    GetAutoUpgrade            = ${function:Get-CwAutoUpgradeOperation}
    GetDatabaseConfiguration  = ${function:Get-CwDatabaseConfigurationOperation}
    SetAutoUpgrade            = ${function:Set-CwAutoUpgradeOperation}
    GetGroupMembers           = ${function:Get-CwGroupMembersOperation}
    AddGroupMember            = ${function:Add-CwGroupMemberOperation}
    RemoveGroupMember         = ${function:Remove-CwGroupMemberOperation}
    GetForest                 = ${function:Get-CwForestOperation}
    GetOrganizationalUnits    = ${function:Get-CwOrganizationalUnitsOperation}
    ExportServerConfiguration = ${function:Export-CwServerConfigurationOperation}
}

Export-ModuleMember -Function Initialize-CwSession, Invoke-CwOperation
