# Session: the target's modules (ADSync, ActiveDirectory, extras) that Initialize-CwSession names, and
# what the session reports about itself.

$script:Config = @{ adSyncModule = 'ADSync'; activeDirectoryModule = 'ActiveDirectory' }

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
