# Run history: Get-ADSyncRunProfileResult and Get-ADSyncRunStepResult, newest first.
# Steps of a running cycle appear as soon as they start (IsRunComplete false, Result 'in-progress').

function Get-ADSyncRunRecords($State, [datetime]$Now) {
    $records = [System.Collections.Generic.List[object]]::new()
    if (Test-LabCycleRunning $State $Now) {
        $started = @($State.cycle.steps | Where-Object { (ConvertFrom-LabIso $_.startDate) -le $Now })
        [array]::Reverse($started)
        foreach ($step in $started) {
            $complete = (ConvertFrom-LabIso $step.endDate) -le $Now
            $records.Add(@{ Step = $step; Complete = $complete })
        }
    }
    foreach ($step in $State.runHistory) { $records.Add(@{ Step = $step; Complete = $true }) }
    $records
}

# A step's per-object errors as SyncErrors.SyncErrorsXml: root synchronization-errors, one export-error per object
# with cs-guid and dn (attributes, as in MIM's run history XML), date-occurred, first-occurred, retry-count,
# error-type and cd-error/{error-code, error-literal, extra-error-details} (real-server-tasks.md section 5.4).
# Null when the step recorded none. first-occurred (two days before) is a lab value, as on the CS object.
function ConvertTo-ADSyncSyncErrors($Step) {
    $errors = @(Get-LabMapValue $Step 'syncErrors' | Where-Object { $null -ne $_ })
    if ($errors.Count -eq 0) { return $null }
    $occurred = ConvertFrom-LabIso $Step.endDate
    $document = [System.Xml.XmlDocument]::new()
    $root = $document.AppendChild($document.CreateElement('synchronization-errors'))
    foreach ($entry in $errors) {
        $element = $root.AppendChild($document.CreateElement([string]$entry.kind))
        $element.SetAttribute('cs-guid', '{' + ([string]$entry.csGuid).ToUpperInvariant() + '}')
        $element.SetAttribute('dn', [string]$entry.dn)
        foreach ($pair in @(
                @('date-occurred', (ConvertTo-LabIso $occurred)),
                @('first-occurred', (ConvertTo-LabIso $occurred.AddDays(-2))),
                @('retry-count', [string]$entry.retryCount),
                @('error-type', [string]$entry.errorType))) {
            $element.AppendChild($document.CreateElement($pair[0])).InnerText = $pair[1]
        }
        $cdError = $element.AppendChild($document.CreateElement('cd-error'))
        $cdError.AppendChild($document.CreateElement('error-code')).InnerText = [string]$entry.errorCode
        $cdError.AppendChild($document.CreateElement('error-literal')).InnerText = [string]$entry.errorLiteral
        $cdError.AppendChild($document.CreateElement('extra-error-details')).InnerText = [string]$entry.extraErrorDetails
    }
    [pscustomobject]@{
        PSTypeName    = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.SyncErrors'
        SyncErrorsXml = $document.OuterXml
    }
}

function ConvertTo-ADSyncRunStepObject($Step, [bool]$Complete) {
    $object = [ordered]@{
        PSTypeName    = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.RunStepResult'
        RunHistoryId  = [guid]$Step.runHistoryId
        StepHistoryId = [guid]$Step.stepHistoryId
        StepNumber    = 1
        StepResult    = if ($Complete) { $Step.result } else { 'in-progress' }
        StartDate     = ConvertFrom-LabIso $Step.startDate
        EndDate       = if ($Complete) { ConvertFrom-LabIso $Step.endDate } else { $null }
    }
    foreach ($name in $script:LabRunStepCounters) {
        $object[$name] = if ($Complete) { [int](Get-LabMapValue $Step.counters $name) } else { 0 }
    }
    $object.CurrentExportBatchNumber = 0
    $object.LastSuccessfulExportBatchNumber = 0
    $object.StepFileName = $null
    $object.ConnectorConnectionInformationXml = $null
    $object.ConnectorDiscoveryErrors = $null
    $object.ConnectorCountersXml = $null
    $object.SyncErrors = if ($Complete) { ConvertTo-ADSyncSyncErrors $Step } else { $null }
    $object.StepXml = $null
    $object.MvRetryErrors = $null
    $object.FlowCountersXml = $null
    [pscustomobject]$object
}

function ConvertTo-ADSyncRunProfileResultObject($Record, [bool]$WithSteps) {
    $step = $Record.Step
    $complete = $Record.Complete
    [pscustomobject]@{
        PSTypeName        = 'Microsoft.IdentityManagement.PowerShell.ObjectModel.RunHistory'
        RunHistoryId      = [guid]$step.runHistoryId
        ConnectorId       = [guid]$step.connectorId
        ConnectorName     = $step.connectorName
        RunProfileId      = [guid]$step.runProfileId
        RunProfileName    = $step.runProfileName
        RunNumber         = [int]$step.runNumber
        Username          = 'NT SERVICE\ADSync'
        IsRunComplete     = $complete
        Result            = if ($complete) { $step.result } else { 'in-progress' }
        CurrentStepNumber = 1
        TotalSteps        = 1
        StartDate         = ConvertFrom-LabIso $step.startDate
        EndDate           = if ($complete) { ConvertFrom-LabIso $step.endDate } else { $null }
        RunStepResults    = if ($WithSteps) { @(ConvertTo-ADSyncRunStepObject $step $complete) } else { $null }
    }
}

function Get-ADSyncRunProfileResult {
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [System.Nullable[guid]]$RunHistoryId,
        [System.Nullable[guid]]$ConnectorId,
        [System.Nullable[guid]]$RunProfileId,
        [System.Nullable[int]]$RunNumber,
        [System.Nullable[int]]$NumberRequested,
        [switch]$RunStepDetails,
        [System.Nullable[int]]$StepNumber
    )
    Invoke-LabFault 'Get-ADSyncRunProfileResult'
    $state = Get-LabState
    $count = 0
    foreach ($record in (Get-ADSyncRunRecords $state (Get-LabNow))) {
        $step = $record.Step
        if ($null -ne $RunHistoryId -and [guid]$step.runHistoryId -ne $RunHistoryId) { continue }
        if ($null -ne $ConnectorId -and [guid]$step.connectorId -ne $ConnectorId) { continue }
        if ($null -ne $RunProfileId -and [guid]$step.runProfileId -ne $RunProfileId) { continue }
        if ($null -ne $RunNumber -and [int]$step.runNumber -ne $RunNumber) { continue }
        if ($null -ne $StepNumber -and $StepNumber -ne 1) { continue }
        if ($null -ne $NumberRequested -and $NumberRequested -gt 0 -and $count -ge $NumberRequested) { break }
        $count++
        ConvertTo-ADSyncRunProfileResultObject $record $RunStepDetails.IsPresent
    }
}

function Get-ADSyncRunStepResult {
    [CmdletBinding()]
    param(
        [Parameter(Position = 0)][System.Nullable[guid]]$RunHistoryId,
        [System.Nullable[guid]]$StepHistoryId,
        [switch]$First,
        [System.Nullable[int]]$StepNumber
    )
    $state = Get-LabState
    foreach ($record in (Get-ADSyncRunRecords $state (Get-LabNow))) {
        $step = $record.Step
        if ($null -ne $RunHistoryId -and [guid]$step.runHistoryId -ne $RunHistoryId) { continue }
        if ($null -ne $StepHistoryId -and [guid]$step.stepHistoryId -ne $StepHistoryId) { continue }
        if ($null -ne $StepNumber -and $StepNumber -ne 1) { continue }
        ConvertTo-ADSyncRunStepObject $step $record.Complete
        if ($First) { break }
    }
}
