# Makes the lab forest large for scale tests of the OU tree: 50,000 OUs over 4 domains by default (deterministic).
# Usage: ADSYNC_LAB_FOLDER=<folder> pwsh -NoProfile -File lab/scripts/new-large-forest.ps1 [-OuCount 50000] [-DomainCount 4] [-Profile contoso|contoso-current]
# -Profile applies when the folder is new (a folder keeps the profile it was first seeded with).
param([int]$OuCount = 50000, [int]$DomainCount = 4, [ValidateSet('contoso', 'contoso-current')][string]$Profile)
$ErrorActionPreference = 'Stop'
if ($Profile) { $env:ADSYNC_LAB_PROFILE = $Profile }
Import-Module (Join-Path $PSScriptRoot '../sync-server/ADSync/ADSync.psd1')
New-ADSyncLabLargeForest -OuCount $OuCount -DomainCount $DomainCount | ConvertTo-Json -Compress
