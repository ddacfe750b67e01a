# Small helpers shared by the lab modules (ADSync, LocalGroups, ActiveDirectory).
# Times are kept in the state file as ISO-8601 UTC strings with milliseconds.

$script:LabInvariant = [System.Globalization.CultureInfo]::InvariantCulture

function ConvertTo-LabIso([datetime]$Value) {
    $Value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", $script:LabInvariant)
}

function ConvertFrom-LabIso([string]$Value) {
    if ([string]::IsNullOrEmpty($Value)) { return $null }
    $styles = [System.Globalization.DateTimeStyles]::AdjustToUniversal -bor [System.Globalization.DateTimeStyles]::AssumeUniversal
    [datetime]::Parse($Value, $script:LabInvariant, $styles)
}

function Get-LabNow { [datetime]::UtcNow }

# Deterministic GUID from a text, so seeds and generated forests are stable across runs.
function New-LabStableGuid([string]$Text) {
    $bytes = [System.Security.Cryptography.MD5]::HashData([System.Text.Encoding]::UTF8.GetBytes($Text))
    $bytes[7] = ($bytes[7] -band 0x0F) -bor 0x30
    $bytes[8] = ($bytes[8] -band 0x3F) -bor 0x80
    [guid]::new($bytes)
}

function ConvertTo-LabTimeSpan([string]$Value) {
    if ([string]::IsNullOrEmpty($Value)) { return $null }
    [timespan]::Parse($Value, $script:LabInvariant)
}

function ConvertFrom-LabTimeSpan($Value) {
    if ($null -eq $Value) { return $null }
    ([timespan]$Value).ToString('c', $script:LabInvariant)
}

# Adds the real .NET type name in front of a lab object's type names.
function Add-LabTypeName($Object, [string]$TypeName) {
    $Object.PSObject.TypeNames.Insert(0, $TypeName)
    $Object
}

function New-LabErrorRecord {
    param(
        [Parameter(Mandatory)][System.Exception]$Exception,
        [Parameter(Mandatory)][string]$ErrorId,
        [Parameter(Mandatory)][System.Management.Automation.ErrorCategory]$Category,
        $TargetObject
    )
    [System.Management.Automation.ErrorRecord]::new($Exception, $ErrorId, $Category, $TargetObject)
}

# The lab-only setting in the state file (Set-ADSyncLabCycleDuration) wins over ADSYNC_LAB_CYCLE_SECONDS, so a
# test can slow the cycles of its own lab folder whatever the environment of the process that starts them.
function Get-LabCycleSeconds($State) {
    $setting = if ($null -ne $State -and $State.Contains('labSettings') -and $null -ne $State.labSettings) { $State.labSettings['cycleSeconds'] } else { $null }
    if ($null -ne $setting -and [double]$setting -gt 0) { return [double]$setting }
    $raw = $env:ADSYNC_LAB_CYCLE_SECONDS
    $seconds = 0.0
    if (-not [string]::IsNullOrWhiteSpace($raw) -and [double]::TryParse($raw, [System.Globalization.NumberStyles]::Float, $script:LabInvariant, [ref]$seconds) -and $seconds -gt 0) {
        return $seconds
    }
    6.0
}

function Get-LabSeedFolder {
    Join-Path (Split-Path -Parent $PSScriptRoot) 'seed/contoso-sync-config'
}

function Get-LabMapValue($Map, [string]$Key) {
    if ($null -eq $Map) { return $null }
    if ($Map.Contains($Key)) { return $Map[$Key] }
    $null
}

function Get-LabFaultPath { Join-Path (Get-LabFolder) 'lab-faults.json' }

function Read-LabFaults([string]$Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return @() }
    @(Get-Content -LiteralPath $Path -Raw | ConvertFrom-Json)
}

# Counts a call of $Cmdlet against the faults Set-ADSyncLabFault planned; the call that reaches its count throws.
function Invoke-LabFault([string]$Cmdlet) {
    $path = Get-LabFaultPath
    if (-not (Test-Path -LiteralPath $path)) { return }
    $faults = @(Read-LabFaults $path)
    $fault = @($faults | Where-Object { $_.cmdlet -eq $Cmdlet })[0]
    if (-not $fault) { return }
    $fault.remaining = [int]$fault.remaining - 1
    $left = @($faults | Where-Object { $_.remaining -gt 0 })
    if ($left.Count -eq 0) { Remove-Item -LiteralPath $path -Force } else { Set-Content -LiteralPath $path -Value (ConvertTo-Json -InputObject $left -Depth 3) -Encoding utf8 }
    if ($fault.remaining -le 0) { throw [System.InvalidOperationException]::new("$Cmdlet failed: $($fault.message)") }
}
