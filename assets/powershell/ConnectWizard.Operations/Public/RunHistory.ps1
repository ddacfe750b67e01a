# Run history: Get-ADSyncRunProfileResult, with step counters from Get-ADSyncRunStepResult.

function Get-CwRunHistoryOperation($p) {
    $arguments = @{ NumberRequested = [int](Get-CwParam $p 'count' 50) }
    $connectorId = Get-CwParam $p 'connectorId' $null
    if ($null -ne $connectorId) { $arguments.ConnectorId = [string]$connectorId }
    $runs = @(Get-ADSyncRunProfileResult @arguments -ErrorAction Stop) -ne $null
    # Only the most recent runs carry step counters, read with the runs (-RunStepDetails: a call per run with
    # Get-ADSyncRunStepResult cost more than the whole history), and only as deep as the newest run whose counters
    # main does not have yet: a complete run's counters never change, so a Refresh with no new run reads no steps.
    $known = @{}
    foreach ($id in @(Get-CwParam $p 'countersKnownFor' @())) { $known[[string]$id] = $true }
    $depth = 0
    $limit = [Math]::Min([int](Get-CwParam $p 'countersFor' 30), $runs.Count)
    for ($i = 0; $i -lt $limit; $i++) {
        if (-not $known.ContainsKey([string]$runs[$i].RunHistoryId) -or -not (ConvertTo-CwBool $runs[$i].IsRunComplete)) { $depth = $i + 1 }
    }
    $countersByRun = @{}
    if ($depth -gt 0) {
        $detailed = @{} + $arguments
        $detailed.NumberRequested = $depth
        foreach ($r in @(Get-ADSyncRunProfileResult @detailed -RunStepDetails -ErrorAction Stop)) {
            if ($null -ne $r) { $countersByRun[[string]$r.RunHistoryId] = Get-CwStepCounters $r.RunStepResults }
        }
    }
    $list = New-Object System.Collections.Generic.List[object]
    foreach ($r in $runs) { $list.Add((ConvertTo-CwRun $r $countersByRun[[string]$r.RunHistoryId])) }
    return , $list.ToArray()
}

# A run's step counters (StageAdd, ExportUpdate, FlowFailure...), summed over its steps; $null when unknown.
function Get-CwStepCounters($Steps) {
    $steps = @($Steps | Where-Object { $null -ne $_ })
    if ($steps.Count -eq 0) { return $null }
    $counters = [ordered]@{}
    foreach ($step in $steps) {
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

# One call per poll while a cycle runs: the scheduler, the connectors busy now (Get-ADSyncConnectorRunStatus) and
# only the runs that started at or after `sinceUtc` or are not complete yet, with their counters. The run
# history is newest first, so the scan stops at the first complete run older than `sinceUtc`.
function Get-CwSyncProgressOperation($p) {
    $since = [datetime]::Parse([string](Get-CwParam $p 'sinceUtc' $null), [cultureinfo]::InvariantCulture, [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal)
    $scheduler = ConvertTo-CwScheduler (Get-ADSyncScheduler -ErrorAction Stop)
    $busy = @(Get-ADSyncConnectorRunStatus -ErrorAction Stop | Where-Object { $null -ne $_ } | ForEach-Object { [string](Get-CwProperty $_ 'ConnectorName') })
    $runs = New-Object System.Collections.Generic.List[object]
    foreach ($r in @(Get-ADSyncRunProfileResult -NumberRequested ([int](Get-CwParam $p 'count' 50)) -RunStepDetails -ErrorAction Stop)) {
        if ($null -eq $r) { continue }
        $start = Get-CwProperty $r 'StartDate'
        $complete = [bool](Get-CwProperty $r 'IsRunComplete')
        if ($complete -and $null -ne $start -and ([datetime]$start).ToUniversalTime() -lt $since) { break }
        $runs.Add((ConvertTo-CwRun $r (Get-CwStepCounters (Get-CwProperty $r 'RunStepResults'))))
    }
    [ordered]@{ scheduler = $scheduler; busyConnectors = $busy; runs = $runs.ToArray() }
}

# Troubleshoot: what the newest complete Export run of one connector recorded for one object, from its steps'
# SyncErrors.SyncErrorsXml (root synchronization-errors, export-error/import-error per object; real-server-tasks.md
# section 5.4). cs-guid and dn are read as attributes (MIM's layout) or child elements. The XML is read with DTDs
# prohibited and no resolver: whatever it holds stays data. A step whose XML cannot be read counts in unreadableSteps.
function Get-CwObjectRunStepErrorsOperation($p) {
    $connectorName = [string](Get-CwParam $p 'connectorName' '')
    $objectId = [string](Get-CwParam $p 'objectId' '')
    $dn = [string](Get-CwParam $p 'distinguishedName' '')
    $connector = @(Get-ADSyncConnector -Name $connectorName -ErrorAction Stop) | Select-Object -First 1
    $run = $null
    # A cycle runs import, synchronization and export on each connector: the newest export is among the last few runs.
    foreach ($r in @(Get-ADSyncRunProfileResult -ConnectorId ([guid]$connector.Identifier) -NumberRequested 10 -RunStepDetails -ErrorAction Stop)) {
        if ($null -ne $r -and [bool](Get-CwProperty $r 'IsRunComplete') -and [string](Get-CwProperty $r 'RunProfileName') -eq 'Export') { $run = $r; break }
    }
    if ($null -eq $run) { return [ordered]@{ run = $null; errors = @(); unreadableSteps = 0 } }
    $wantedId = $null
    [guid]$parsed = [guid]::Empty
    if ([guid]::TryParse($objectId, [ref]$parsed)) { $wantedId = $parsed }
    $errors = New-Object System.Collections.Generic.List[object]
    $unreadable = 0
    $steps = @(Get-CwProperty $run 'RunStepResults' | Where-Object { $null -ne $_ })
    $failures = 0
    foreach ($step in $steps) {
        $failures += [int](ConvertTo-CwInt (Get-CwProperty $step 'ExportFailure'))
        $text = [string](Get-CwProperty (Get-CwProperty $step 'SyncErrors') 'SyncErrorsXml')
        if ([string]::IsNullOrWhiteSpace($text)) { continue }
        $document = ConvertFrom-CwUntrustedXml $text
        if ($null -eq $document) { $unreadable++; continue }
        foreach ($element in @($document.DocumentElement.ChildNodes)) {
            if ($element -isnot [System.Xml.XmlElement] -or @('export-error', 'import-error') -notcontains $element.LocalName) { continue }
            $csGuid = Get-CwXmlValue $element 'cs-guid'
            $entryDn = Get-CwXmlValue $element 'dn'
            [guid]$entryId = [guid]::Empty
            $sameId = $null -ne $wantedId -and $null -ne $csGuid -and [guid]::TryParse($csGuid, [ref]$entryId) -and $entryId -eq $wantedId
            $sameDn = $dn -ne '' -and $null -ne $entryDn -and [string]::Equals($entryDn, $dn, [System.StringComparison]::OrdinalIgnoreCase)
            if (-not ($sameId -or $sameDn)) { continue }
            $cdError = Get-CwXmlChild $element 'cd-error'
            $errors.Add([ordered]@{
                    kind              = $element.LocalName
                    csGuid            = $csGuid
                    dn                = $entryDn
                    errorType         = Get-CwXmlValue $element 'error-type'
                    errorCode         = Get-CwXmlValue $cdError 'error-code'
                    errorLiteral      = Get-CwXmlValue $cdError 'error-literal'
                    serverErrorDetail = Get-CwXmlValue $cdError 'server-error-detail'
                    extraErrorDetails = Get-CwXmlValue $cdError 'extra-error-details'
                    retryCount        = ConvertTo-CwXmlInt (Get-CwXmlValue $element 'retry-count')
                    dateOccurred      = Get-CwXmlValue $element 'date-occurred'
                    firstOccurred     = Get-CwXmlValue $element 'first-occurred'
                })
        }
    }
    $first = $steps | Select-Object -First 1
    [ordered]@{
        run             = [ordered]@{
            runHistoryId   = ConvertTo-CwString (Get-CwProperty $run 'RunHistoryId')
            connectorName  = ConvertTo-CwString (Get-CwProperty $run 'ConnectorName')
            runProfileName = ConvertTo-CwString (Get-CwProperty $run 'RunProfileName')
            runNumber      = ConvertTo-CwInt (Get-CwProperty $run 'RunNumber')
            result         = ConvertTo-CwString (Get-CwProperty $run 'Result')
            stepResult     = ConvertTo-CwString (Get-CwProperty $first 'StepResult')
            startDate      = ConvertTo-CwIsoDate (Get-CwProperty $run 'StartDate')
            endDate        = ConvertTo-CwIsoDate (Get-CwProperty $run 'EndDate')
            exportFailures = $failures
        }
        errors          = $errors.ToArray()
        unreadableSteps = $unreadable
    }
}

function ConvertFrom-CwUntrustedXml([string]$Text) {
    $settings = New-Object System.Xml.XmlReaderSettings
    $settings.DtdProcessing = [System.Xml.DtdProcessing]::Prohibit
    $settings.XmlResolver = $null
    $reader = [System.Xml.XmlReader]::Create((New-Object System.IO.StringReader $Text), $settings)
    try {
        $document = New-Object System.Xml.XmlDocument
        $document.XmlResolver = $null
        $document.Load($reader)
        return $document
    }
    catch [System.Xml.XmlException] { return $null }
    finally { $reader.Dispose() }
}

function Get-CwXmlChild($Element, [string]$Name) {
    if ($null -eq $Element) { return $null }
    foreach ($child in @($Element.ChildNodes)) { if ($child -is [System.Xml.XmlElement] -and $child.LocalName -eq $Name) { return $child } }
    return $null
}

# An attribute, else a child element's text; null when neither is there.
function Get-CwXmlValue($Element, [string]$Name) {
    if ($null -eq $Element) { return $null }
    if ($Element.HasAttribute($Name)) { return $Element.GetAttribute($Name) }
    $child = Get-CwXmlChild $Element $Name
    if ($null -eq $child) { return $null }
    return $child.InnerText
}

function ConvertTo-CwXmlInt($Text) {
    [long]$number = 0
    if ($null -ne $Text -and [long]::TryParse([string]$Text, [System.Globalization.NumberStyles]::Integer, [cultureinfo]::InvariantCulture, [ref]$number)) { return $number }
    return $null
}
