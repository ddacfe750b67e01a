# Framing: the parameters a call brings (base64 of UTF-8 JSON) and the one envelope it writes back
# between the markers, plus the error records and error info every envelope failure carries.

$script:EnvelopeStart = '@@CW-ENVELOPE:'
$script:EnvelopeEnd = ':CW-ENVELOPE@@'
# Set by Initialize-CwSession: whether this ConvertFrom-Json has -DateKind (see ConvertFrom-CwPayload).
$script:JsonDateKindString = $false

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
