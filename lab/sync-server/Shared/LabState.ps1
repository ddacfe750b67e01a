# The lab state: one JSON file, sync-server-state.json, in the folder named by ADSYNC_LAB_FOLDER.
# Reads are cached per module and re-parsed only when the file's LastWriteTimeUtc or length changed.
# Writes go to a temporary file that is then renamed over the state file, under a lock file.

$script:LabStateFileName = 'sync-server-state.json'
$script:LabCache = $null
# The synchronization rules sit beside the state, as a real server keeps them in its database apart from the
# scheduler's settings: the lab never changes them after seeding, and in the state every cmdlet would parse
# and every change would write them again (more than 40% of the file).
$script:LabRulesFileName = 'sync-server-rules.json'
$script:LabRulesCache = $null

function Get-LabFolder {
    $folder = $env:ADSYNC_LAB_FOLDER
    if ([string]::IsNullOrWhiteSpace($folder)) {
        throw [System.InvalidOperationException]::new('The lab sync server needs the environment variable ADSYNC_LAB_FOLDER: the folder that holds its state file sync-server-state.json.')
    }
    if (-not [System.IO.Directory]::Exists($folder)) { [void][System.IO.Directory]::CreateDirectory($folder) }
    $folder
}

function Get-LabStatePath { Join-Path (Get-LabFolder) $script:LabStateFileName }

function Get-LabFileKey([string]$Path) {
    $info = [System.IO.FileInfo]::new($Path)
    if (-not $info.Exists) { return $null }
    "$($info.LastWriteTimeUtc.Ticks):$($info.Length)"
}

function Read-LabStateFile([string]$Path) {
    $text = [System.IO.File]::ReadAllText($Path)
    $problem = $null
    $state = $null
    try {
        $state = ConvertFrom-Json -InputObject $text -AsHashtable -DateKind String -Depth 64 -ErrorAction Stop
        if ($state -isnot [System.Collections.IDictionary]) { $problem = 'the file does not hold a JSON object' }
        elseif ($state['schemaVersion'] -ne 1 -or $null -eq $state['scheduler'] -or $null -eq $state['connectors'] -or $null -eq $state['cloud'] -or
            ($null -eq $state['rules'] -and [string]::IsNullOrEmpty([string]$state['rulesFile']))) {
            $problem = 'required sections are missing'
        }
    }
    catch { $problem = $_.Exception.Message }
    if ($problem) { return @{ Problem = $problem } }
    @{ State = $state }
}

function Move-LabCorruptState([string]$Path, [string]$Problem) {
    $stamp = (Get-LabNow).ToString('yyyyMMdd\THHmmssfff\Z', $script:LabInvariant)
    $aside = Join-Path (Split-Path -Parent $Path) "sync-server-state.corrupt-$stamp.json"
    [System.IO.File]::Move($Path, $aside)
    Write-Warning "The lab sync server state file '$Path' could not be read ($Problem). It was moved to '$aside' and replaced by a fresh seed."
}

function Write-LabStateFile([string]$Path, $State) {
    $json = ConvertTo-Json -InputObject $State -Depth 64 -Compress
    $temp = "$Path.$PID.$([guid]::NewGuid().ToString('N')).tmp"
    [System.IO.File]::WriteAllText($temp, $json, [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $Path, $true)
    $script:LabCache = @{ Path = $Path; Key = (Get-LabFileKey $Path); State = $State }
}

# A fresh seed, written as the state file and the rules file beside it (rules first: a state never names a
# rules file that is not there).
function Write-LabSeedState([string]$Path, [datetime]$Now, [string]$Profile = (Get-LabSeedProfile)) {
    $state = New-LabSeedState $Now $Profile
    $rulesPath = Join-Path (Split-Path -Parent $Path) $script:LabRulesFileName
    $temp = "$rulesPath.$PID.$([guid]::NewGuid().ToString('N')).tmp"
    [System.IO.File]::WriteAllText($temp, (ConvertTo-Json -InputObject @($state.rules) -Depth 64 -Compress), [System.Text.UTF8Encoding]::new($false))
    [System.IO.File]::Move($temp, $rulesPath, $true)
    $state.Remove('rules')
    $state.rulesFile = $script:LabRulesFileName
    Write-LabStateFile $Path $state
}

# The synchronization rules: from the rules file the state names, read once until it changes; from the state
# itself in a folder seeded before the rules had a file of their own.
function Get-LabRules($State) {
    if ([string]::IsNullOrEmpty([string]$State.rulesFile)) { return , @($State.rules) }
    $path = Join-Path (Get-LabFolder) ([System.IO.Path]::GetFileName([string]$State.rulesFile))
    $key = Get-LabFileKey $path
    if ($null -eq $key) { throw [System.IO.FileNotFoundException]::new("The lab's synchronization rules file is missing: $path") }
    if ($script:LabRulesCache -and $script:LabRulesCache.Path -eq $path -and $script:LabRulesCache.Key -eq $key) { return , $script:LabRulesCache.Rules }
    $rules = @(ConvertFrom-Json -InputObject ([System.IO.File]::ReadAllText($path)) -AsHashtable -DateKind String -Depth 64)
    $script:LabRulesCache = @{ Path = $path; Key = $key; Rules = $rules }
    , $rules
}

function Use-LabStateLock([string]$Path, [scriptblock]$Action) {
    $lockPath = "$Path.lock"
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    $stream = $null
    while ($null -eq $stream) {
        try { $stream = [System.IO.File]::Open($lockPath, 'OpenOrCreate', 'ReadWrite', 'None') }
        catch [System.IO.IOException] {
            if ([datetime]::UtcNow -gt $deadline) { throw [System.TimeoutException]::new("The lab sync server state is locked by another process: $lockPath") }
            Start-Sleep -Milliseconds 10
        }
    }
    try { & $Action } finally { $stream.Dispose() }
}

# Loads the state for a change (under the lock): from the cache when the file did not change, else from disk;
# a missing file is seeded, a corrupt one moved aside and re-seeded.
function Get-LabStateForUpdate([string]$Path) {
    $key = Get-LabFileKey $Path
    if ($null -ne $key -and $script:LabCache -and $script:LabCache.Path -eq $Path -and $script:LabCache.Key -eq $key) { return $script:LabCache.State }
    if ($null -ne $key) {
        $read = Read-LabStateFile $Path
        if ($read.State) { $script:LabCache = @{ Path = $Path; Key = $key; State = $read.State }; return $read.State }
        Move-LabCorruptState $Path $read.Problem
    }
    Write-LabSeedState $Path (Get-LabNow)
    # Re-read so that the in-memory shape is the same as after any later read from disk.
    $script:LabCache = $null
    Get-LabStateForUpdate $Path
}

# Runs a change against the current state and saves it. The script block gets the state and the time.
function Update-LabState([scriptblock]$Change) {
    $path = Get-LabStatePath
    Use-LabStateLock $path {
        $state = Get-LabStateForUpdate $path
        $now = Get-LabNow
        try {
            Invoke-LabDueWork $state $now
            $result = & $Change $state $now
            Write-LabStateFile $path $state
        }
        catch {
            # The cached state may be half changed: drop it so the next call reads the file.
            $script:LabCache = $null
            throw
        }
        $result
    }
}

# The state for reading. Fast path: cached and nothing due; otherwise settles due work under the lock.
function Get-LabState {
    $path = Get-LabStatePath
    $key = Get-LabFileKey $path
    $cache = $script:LabCache
    if ($null -ne $key -and $cache -and $cache.Path -eq $path -and $cache.Key -eq $key) {
        if (-not (Test-LabDueWork $cache.State (Get-LabNow))) { return $cache.State }
    }
    elseif ($null -ne $key) {
        $read = Read-LabStateFile $path
        if ($read.State) {
            $script:LabCache = @{ Path = $path; Key = $key; State = $read.State }
            if (-not (Test-LabDueWork $read.State (Get-LabNow))) { return $read.State }
        }
    }
    Use-LabStateLock $path {
        $state = Get-LabStateForUpdate $path
        $now = Get-LabNow
        if (Test-LabDueWork $state $now) {
            Invoke-LabDueWork $state $now
            Write-LabStateFile $path $state
        }
        $state
    }
}

# The profile of the lab folder, cheaply, for module import (which cmdlets the build has): read from the start of
# the state file (the profile is its second key), else the profile a new folder would be seeded with.
function Get-LabProfileForImport {
    $folder = $env:ADSYNC_LAB_FOLDER
    if (-not [string]::IsNullOrWhiteSpace($folder)) {
        $path = Join-Path $folder $script:LabStateFileName
        if ([System.IO.File]::Exists($path)) {
            $reader = [System.IO.StreamReader]::new($path)
            try {
                $buffer = [char[]]::new(256)
                $head = [string]::new($buffer, 0, $reader.Read($buffer, 0, $buffer.Length))
            }
            finally { $reader.Dispose() }
            $match = [regex]::Match($head, '"profile":"([^"]+)"')
            if ($match.Success) { return $match.Groups[1].Value }
            if ($head.StartsWith('{"schemaVersion":1,')) { return 'contoso' }
        }
    }
    try { Get-LabSeedProfile } catch { 'contoso' }
}
