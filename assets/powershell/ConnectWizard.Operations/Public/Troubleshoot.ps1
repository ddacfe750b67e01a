# Troubleshoot: an object's path from an AD connector space through the metaverse to the Azure AD connector
# space (Get-ADSyncCSObject, Get-ADSyncMVObject; real-server-tasks.md section 5.1-section 5.2, the route Microsoft's
# ADSyncDiagnostics takes), and password hash sync diagnostics per AD connector (section 5.5). Reads only.

# RFC 4515: the characters an LDAP filter value must escape, so a UPN stays data inside the filter.
function ConvertTo-CwLdapFilterValue([string]$Value) {
    $builder = New-Object System.Text.StringBuilder
    foreach ($character in $Value.ToCharArray()) {
        if ('\*()'.IndexOf($character) -ge 0 -or [int]$character -eq 0) { [void]$builder.Append('\' + ([int]$character).ToString('x2')) }
        else { [void]$builder.Append($character) }
    }
    return $builder.ToString()
}

function ConvertTo-CwCsAttributes($Attributes) {
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($attribute in @($Attributes)) {
        if ($null -eq $attribute) { continue }
        $list.Add([ordered]@{ name = ConvertTo-CwString $attribute.Name; values = (ConvertTo-CwStringArray (Get-CwProperty $attribute 'Values')) })
    }
    return , $list.ToArray()
}

function ConvertTo-CwExportError($e) {
    if ($null -eq $e) { return $null }
    [ordered]@{
        errorType         = ConvertTo-CwString (Get-CwProperty $e 'ErrorType')
        errorName         = ConvertTo-CwString (Get-CwProperty $e 'ErrorName')
        errorCode         = ConvertTo-CwString (Get-CwProperty $e 'ErrorCode')
        errorLiteral      = ConvertTo-CwString (Get-CwProperty $e 'ErrorLiteral')
        errorExtraDetails = ConvertTo-CwString (Get-CwProperty $e 'ErrorExtraDetails')
        retryCount        = ConvertTo-CwInt (Get-CwProperty $e 'RetryCount')
        initialOccurrence = ConvertTo-CwIsoDate (Get-CwProperty $e 'InitialOccurrence')
        latestOccurrence  = ConvertTo-CwIsoDate (Get-CwProperty $e 'LatestOccurrence')
    }
}

function ConvertTo-CwSyncError($e) {
    if ($null -eq $e) { return $null }
    [ordered]@{
        errorType           = ConvertTo-CwString (Get-CwProperty $e 'ErrorType')
        synchronizationStep = ConvertTo-CwString (Get-CwProperty $e 'SynchronizationStep')
        stackTrace          = ConvertTo-CwString (Get-CwProperty $e 'StackTrace')
        retryCount          = ConvertTo-CwInt (Get-CwProperty $e 'RetryCount')
        latestOccurrence    = ConvertTo-CwIsoDate (Get-CwProperty $e 'LatestOccurrence')
    }
}

function ConvertTo-CwCsObject($o) {
    if ($null -eq $o) { return $null }
    [ordered]@{
        objectId            = ConvertTo-CwString $o.ObjectId
        connectorId         = ConvertTo-CwString $o.ConnectorId
        connectorName       = ConvertTo-CwString $o.ConnectorName
        distinguishedName   = ConvertTo-CwString $o.DistinguishedName
        objectType          = ConvertTo-CwString $o.ObjectType
        isTransient         = ConvertTo-CwBool (Get-CwProperty $o 'IsTransient')
        isPlaceHolder       = ConvertTo-CwBool (Get-CwProperty $o 'IsPlaceHolder')
        isConnector         = ConvertTo-CwBool (Get-CwProperty $o 'IsConnector')
        hasSyncError        = ConvertTo-CwBool (Get-CwProperty $o 'HasSyncError')
        hasExportError      = ConvertTo-CwBool (Get-CwProperty $o 'HasExportError')
        exportError         = ConvertTo-CwExportError (Get-CwProperty $o 'ExportError')
        synchronizationError = ConvertTo-CwSyncError (Get-CwProperty $o 'SynchronizationError')
        connectedMvObjectId = ConvertTo-CwString (Get-CwProperty $o 'ConnectedMVObjectId')
        attributes          = ConvertTo-CwCsAttributes (Get-CwProperty $o 'Attributes')
    }
}

function Find-CwCsObject([string]$ConnectorName, [string]$Dn) {
    # A DN the connector space does not hold is no error: the object was not imported.
    return @(Get-ADSyncCSObject -ConnectorName $ConnectorName -DistinguishedName $Dn -SkipDNValidation -ErrorAction Stop) | Select-Object -First 1
}

function Get-CwObjectSyncPathOperation($p) {
    $identity = [string](Get-CwParam $p 'identity' '')
    $kind = [string](Get-CwParam $p 'kind' 'dn')
    $dn = $identity
    $resolved = $null
    if ($kind -eq 'upn') {
        Use-CwActiveDirectoryModule
        $found = @(Get-ADUser -LDAPFilter ('(userPrincipalName=' + (ConvertTo-CwLdapFilterValue $identity) + ')') -ErrorAction Stop)
        $resolved = [ordered]@{ count = $found.Count; distinguishedNames = (ConvertTo-CwStringArray @($found | ForEach-Object { $_.DistinguishedName })) }
        if ($found.Count -ne 1) {
            return [ordered]@{ distinguishedName = $null; upnLookup = $resolved; adObjects = @(); mvObject = $null; aadObject = $null; passwordSyncLog = $null; passwordSyncLogAvailable = $false }
        }
        $dn = [string]$found[0].DistinguishedName
    }
    $connectors = @(Get-ADSyncConnector -ErrorAction Stop)
    $adConnectors = @($connectors | Where-Object { [string]$_.Type -eq 'AD' })
    $adObjects = New-Object System.Collections.Generic.List[object]
    $adObject = $null
    foreach ($connector in $adConnectors) {
        $cs = Find-CwCsObject ([string]$connector.Name) $dn
        if ($null -ne $cs) {
            if ($null -eq $adObject) { $adObject = $cs }
            $adObjects.Add((ConvertTo-CwCsObject $cs))
        }
    }
    $mv = $null
    $aad = $null
    if ($null -ne $adObject -and $null -ne $adObject.ConnectedMVObjectId -and [guid]$adObject.ConnectedMVObjectId -ne [guid]::Empty) {
        $mv = Get-ADSyncMVObject -Identifier ([guid]$adObject.ConnectedMVObjectId) -ErrorAction Stop
        $aadIds = @($connectors | Where-Object { [string]$_.Type -ne 'AD' } | ForEach-Object { [string]$_.Identifier })
        foreach ($link in @($mv.Lineage)) {
            if ($aadIds -contains [string]$link.ConnectorId) {
                $aad = Find-CwCsObject ([string]$link.ConnectorName) ([string]$link.ConnectedCsObjectDN)
                break
            }
        }
    }
    # A user's last password sync result: Get-ADSyncCSObjectLog, where the build has it.
    $logAvailable = $null -ne (Get-Command -Name 'Get-ADSyncCSObjectLog' -ErrorAction SilentlyContinue)
    $log = $null
    if ($logAvailable -and $null -ne $adObject) {
        $entry = @(Get-ADSyncCSObjectLog -Identifier ([guid]$adObject.ObjectId) -Count 1 -ErrorAction Stop) | Select-Object -First 1
        if ($null -ne $entry) {
            $log = [ordered]@{ type = ConvertTo-CwString $entry.Type; status = ConvertTo-CwString $entry.Status; details = ConvertTo-CwString $entry.Details; timeStamp = ConvertTo-CwIsoDate $entry.TimeStamp }
        }
    }
    $mvProjection = $null
    if ($null -ne $mv) {
        $lineage = New-Object System.Collections.Generic.List[object]
        foreach ($link in @($mv.Lineage)) {
            $lineage.Add([ordered]@{ connectorName = ConvertTo-CwString $link.ConnectorName; connectorId = ConvertTo-CwString $link.ConnectorId; connectedCsObjectDn = ConvertTo-CwString $link.ConnectedCsObjectDN })
        }
        $mvProjection = [ordered]@{ objectId = ConvertTo-CwString $mv.ObjectId; lineage = $lineage.ToArray(); attributes = (ConvertTo-CwCsAttributes $mv.Attributes) }
    }
    [ordered]@{
        distinguishedName        = $dn
        upnLookup                = $resolved
        adObjects                = $adObjects.ToArray()
        mvObject                 = $mvProjection
        aadObject                = ConvertTo-CwCsObject $aad
        passwordSyncLog          = $log
        passwordSyncLogAvailable = $logAvailable
    }
}

# Password hash sync per AD connector: configured (Get-ADSyncAADPasswordSyncConfiguration) and the last cycles of
# each partition (Get-ADSyncPartitionPasswordSyncState, without its 'default' record).
function Get-CwPasswordSyncStateOperation($p) {
    $connectors = @(Get-ADSyncConnector -ErrorAction Stop | Where-Object { [string]$_.Type -eq 'AD' })
    $states = @(Get-ADSyncPartitionPasswordSyncState -ErrorAction Stop)
    $result = New-Object System.Collections.Generic.List[object]
    foreach ($connector in $connectors) {
        $configuration = @(Get-ADSyncAADPasswordSyncConfiguration -SourceConnector ([string]$connector.Name) -ErrorAction Stop) | Select-Object -First 1
        $partitions = New-Object System.Collections.Generic.List[object]
        foreach ($state in $states) {
            if ([string]$state.ConnectorId -ne [string]$connector.Identifier -or [string]$state.DN -eq 'default') { continue }
            $partitions.Add([ordered]@{
                    dn                    = ConvertTo-CwString $state.DN
                    lastSuccessfulStart   = ConvertTo-CwIsoDate $state.PasswordSyncLastSuccessfulCycleStartTimestamp
                    lastSuccessfulEnd     = ConvertTo-CwIsoDate $state.PasswordSyncLastSuccessfulCycleEndTimestamp
                    lastCycleStart        = ConvertTo-CwIsoDate $state.PasswordSyncLastCycleStartTimestamp
                    lastCycleEnd          = ConvertTo-CwIsoDate $state.PasswordSyncLastCycleEndTimestamp
                    lastCycleStatus       = ConvertTo-CwString $state.PasswordSyncLastCycleStatus
                })
        }
        $result.Add([ordered]@{
                connectorName = ConvertTo-CwString $connector.Name
                enabled       = ConvertTo-CwBool (Get-CwProperty $configuration 'Enabled')
                partitions    = $partitions.ToArray()
            })
    }
    [ordered]@{ connectors = $result.ToArray() }
}

# Invoke-ADSyncSingleObjectSync ships in ADSyncDiagnostics on builds 1.6.4.0 and later (section 5.3), under Program Files
# (writable by administrators only); the lab session imports its stand-in at start.
function Test-CwSingleObjectSync {
    if ($null -ne (Get-Command -Name 'Invoke-ADSyncSingleObjectSync' -ErrorAction SilentlyContinue)) { return $true }
    if ([string]::IsNullOrEmpty($env:ProgramFiles)) { return $false }
    $path = Join-Path $env:ProgramFiles 'Microsoft Azure AD Sync\Bin\ADSyncDiagnostics\ADSyncDiagnostics.psm1'
    if (-not (Test-Path -LiteralPath $path)) { return $false }
    Import-Module -Name $path -ErrorAction Stop
    return $null -ne (Get-Command -Name 'Invoke-ADSyncSingleObjectSync' -ErrorAction SilentlyContinue)
}

function Get-CwSingleObjectSyncAvailableOperation($p) {
    [ordered]@{ available = (Test-CwSingleObjectSync) }
}

# Sync this object now. It changes the server: the app runs it under the change tasks' guard (plan lock, scheduled
# cycles off, running marker; electron/services/changes), not here. Always -NoHtmlReport (the report would open a
# browser on the server).
function Invoke-CwSingleObjectSyncOperation($p) {
    $dn = [string](Get-CwParam $p 'distinguishedName' '')
    if (-not (Test-CwSingleObjectSync)) {
        throw (New-CwErrorRecord 'Invoke-ADSyncSingleObjectSync is not on this server: it needs Azure AD Connect 1.6.4.0 or later.' 'CwNotSupported' 'NotImplemented' $dn)
    }
    $text = [string](@(Invoke-ADSyncSingleObjectSync -DistinguishedName $dn -NoHtmlReport -ErrorAction Stop) | Where-Object { $_ -is [string] } | Select-Object -Last 1)
    $answer = ConvertFrom-Json -InputObject $text
    $steps = New-Object System.Collections.Generic.List[object]
    foreach ($step in @($answer.ProvisioningSteps)) {
        if ($null -eq $step) { continue }
        $steps.Add([ordered]@{ name = ConvertTo-CwString $step.Name; type = ConvertTo-CwString $step.Type; status = ConvertTo-CwString $step.Status; description = ConvertTo-CwString $step.Description })
    }
    $status = $answer.StatusInfo
    [ordered]@{
        action            = ConvertTo-CwString $answer.Action
        status            = ConvertTo-CwString (Get-CwProperty $status 'Status')
        errorCode         = ConvertTo-CwString (Get-CwProperty $status 'ErrorCode')
        reason            = ConvertTo-CwString (Get-CwProperty $status 'Reason')
        recommendedAction = ConvertTo-CwString (Get-CwProperty $status 'RecommendedAction')
        steps             = $steps.ToArray()
    }
}
