# Replaces a lab folder's sync server state with a fresh seed, of its own profile or of the one named.
# Usage: ADSYNC_LAB_FOLDER=<folder> pwsh -NoProfile -File lab/scripts/reset-lab-folder.ps1 [-Profile contoso|contoso-current]
param([ValidateSet('contoso', 'contoso-current')][string]$Profile)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot '../sync-server/ADSync/ADSync.psd1')
if ($Profile) { Reset-ADSyncLabState -Profile $Profile -Confirm:$false } else { Reset-ADSyncLabState -Confirm:$false }
$state = Get-Content -LiteralPath (Join-Path $env:ADSYNC_LAB_FOLDER 'sync-server-state.json') -Raw | ConvertFrom-Json
[ordered]@{ folder = $env:ADSYNC_LAB_FOLDER; profile = $state.profile } | ConvertTo-Json -Compress
