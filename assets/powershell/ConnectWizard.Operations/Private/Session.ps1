# Session: the target's modules (ADSync, ActiveDirectory, extras) that Initialize-CwSession names, and
# what the session reports about itself.

$script:Config = @{ adSyncModule = 'ADSync'; activeDirectoryModule = 'ActiveDirectory' }

# By absolute path only: a bare name would be looked up on PSModulePath, and a module found there by
# name is not necessarily the one the administrator installed.
function Import-CwTargetModule([string]$Role, [string]$Spec) {
    if ([string]::IsNullOrEmpty($Spec) -or -not [System.IO.Path]::IsPathRooted($Spec)) {
        $message = 'Module ' + $Spec + ' could not be loaded: the wizard imports modules by absolute path only.'
        throw (New-CwErrorRecord $message ('CwModuleNotFound,' + $Role) 'ObjectNotFound' $Spec)
    }
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
