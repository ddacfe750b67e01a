# Global settings: Get-/Set-ADSyncGlobalSettings.

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
