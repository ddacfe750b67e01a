# Type normalization, so Windows PowerShell 5.1 and PowerShell 7 print the same JSON: dates become
# ISO-8601 UTC strings, TimeSpans seconds, enums strings, collections arrays.

$script:Invariant = [System.Globalization.CultureInfo]::InvariantCulture

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
