# Get-ADSyncServerConfiguration -Path: writes the real export layout, starting from the seed export's XML
# and patching in what changed in the lab (partition filters, connector versions, global parameter values).

function ConvertTo-ADSyncExportTime([string]$Iso) {
    (ConvertFrom-LabIso $Iso).ToString('yyyy-MM-dd HH:mm:ss.fff', $script:LabInvariant)
}

function ConvertTo-ADSyncXmlText([string]$Text) { [System.Security.SecurityElement]::Escape($Text) }

function New-ADSyncContainersXml($Partition) {
    $exclusions = @($Partition.containerExclusionList | ForEach-Object { "<exclusion>$(ConvertTo-ADSyncXmlText $_)</exclusion>" }) -join ''
    $inclusions = @($Partition.containerInclusionList | ForEach-Object { "<inclusion>$(ConvertTo-ADSyncXmlText $_)</inclusion>" }) -join ''
    $exclusionsXml = if ($exclusions) { "<exclusions>$exclusions</exclusions>" } else { '<exclusions />' }
    $inclusionsXml = if ($inclusions) { "<inclusions>$inclusions</inclusions>" } else { '<inclusions />' }
    "<containers>$exclusionsXml$inclusionsXml</containers>"
}

function New-ADSyncPartitionXml($Partition) {
    $classes = @($Partition.objectClasses | ForEach-Object { "<object-class>$(ConvertTo-ADSyncXmlText $_)</object-class>" }) -join ''
    "<partition><id>{$($Partition.identifier)}</id><name>$(ConvertTo-ADSyncXmlText $Partition.dn)</name>" +
    "<creation-time>$(ConvertTo-ADSyncExportTime $Partition.creationTime)</creation-time>" +
    "<last-modification-time>$(ConvertTo-ADSyncExportTime $Partition.lastModificationTime)</last-modification-time>" +
    "<version>$($Partition.version)</version><selected>$(if ($Partition.selected) { 1 } else { 0 })</selected>" +
    "<display-name>$(ConvertTo-ADSyncXmlText $Partition.name)</display-name>" +
    "<filter><object-classes>$classes</object-classes>$(New-ADSyncContainersXml $Partition)</filter>" +
    "<custom-data><adma-partition-data><dn>$(ConvertTo-ADSyncXmlText $Partition.dn)</dn><name>$(ConvertTo-ADSyncXmlText $Partition.name)</name>" +
    "<is-domain>$(if ($Partition.isDomain) { 1 } else { 0 })</is-domain></adma-partition-data></custom-data></partition>"
}

function Update-ADSyncConnectorXml([string]$Xml, $Connector) {
    # Header values come before the schema; replace only their first occurrence.
    $head = [regex]::new('<version>\d+</version>')
    $Xml = $head.Replace($Xml, "<version>$($Connector.version)</version>", 1)
    $modified = [regex]::new('<last-modification-time>[^<]*</last-modification-time>')
    $Xml = $modified.Replace($Xml, "<last-modification-time>$(ConvertTo-ADSyncExportTime $Connector.lastModificationTime)</last-modification-time>", 1)
    if ($Connector.type -ne 'AD') { return $Xml }
    foreach ($partition in $Connector.partitions) {
        $idPattern = [regex]::Escape("<id>{$($partition.identifier)}</id>")
        $block = [regex]::Match($Xml, "<partition>$idPattern.*?</partition>", [System.Text.RegularExpressions.RegexOptions]::IgnoreCase -bor [System.Text.RegularExpressions.RegexOptions]::Singleline)
        if (-not $block.Success) {
            $Xml = $Xml.Replace('</ma-partition-data>', (New-ADSyncPartitionXml $partition) + '</ma-partition-data>')
            continue
        }
        $text = $block.Value
        $text = [regex]::Replace($text, '<containers>.*?</containers>', { param($m) New-ADSyncContainersXml $partition }, 'Singleline')
        $text = [regex]::Replace($text, '<selected>\d</selected>', "<selected>$(if ($partition.selected) { 1 } else { 0 })</selected>")
        $text = [regex]::Replace($text, '<version>\d+</version>', "<version>$($partition.version)</version>")
        $text = [regex]::Replace($text, '<last-modification-time>[^<]*</last-modification-time>', "<last-modification-time>$(ConvertTo-ADSyncExportTime $partition.lastModificationTime)</last-modification-time>")
        $Xml = $Xml.Substring(0, $block.Index) + $text + $Xml.Substring($block.Index + $block.Length)
    }
    $Xml
}

function Update-ADSyncMvXml([string]$Xml, $State, [datetime]$Now) {
    $values = @{}
    foreach ($parameter in (Get-ADSyncEffectiveParameters $State)) { $values[$parameter.name] = $parameter.value }
    $Xml = [regex]::Replace($Xml, "export-date='[^']*'", "export-date='$($Now.ToString('yyyy-MM-dd HH:mm:ss.fff', $script:LabInvariant))'")
    $Xml = [regex]::Replace($Xml, "server='[^']*'", "server='$(ConvertTo-ADSyncXmlText $State.server.machineName)'")
    $evaluator = {
        param($m)
        $name = $m.Groups[1].Value
        $attributes = $m.Groups[2].Value
        if (-not $values.ContainsKey($name)) { return $m.Value }
        $value = $values[$name]
        $values.Remove($name)
        if ([string]::IsNullOrEmpty($value)) { "<parameter name=`"$name`"$attributes />" } else { "<parameter name=`"$name`"$attributes>$(ConvertTo-ADSyncXmlText $value)</parameter>" }
    }
    $Xml = [regex]::Replace($Xml, '<parameter name="([^"]+)"([^>]*?)\s*(?:/>|>[^<]*</parameter>)', $evaluator)
    # Parameters the lab added (e.g. AutoUpgradeSuspensionReason) go at the end of the list.
    $added = foreach ($name in $values.Keys) {
        $value = $values[$name]
        if ([string]::IsNullOrEmpty($value)) { continue }
        "    <parameter name=`"$(ConvertTo-ADSyncXmlText $name)`" type=`"string`" use=`"SynchronizationGlobal`" dataType=`"String`">$(ConvertTo-ADSyncXmlText $value)</parameter>`r`n"
    }
    if ($added) { $Xml = $Xml.Replace('  </parameter-values>', (($added -join '') + '  </parameter-values>')) }
    $Xml
}

function Get-ADSyncServerConfiguration {
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)][string]$Path)
    $state = Get-LabState
    $now = Get-LabNow
    $seed = Get-LabSeedFolder
    $root = [System.IO.Path]::GetFullPath($Path)
    foreach ($folder in 'Connectors', 'GlobalSettings', 'SynchronizationRules') { [void][System.IO.Directory]::CreateDirectory((Join-Path $root $folder)) }
    foreach ($connector in $state.connectors) {
        $fileName = if ($connector.seedFile) { $connector.seedFile } else { "Connector_{$($connector.identifier)}.xml" }
        $xml = [System.IO.File]::ReadAllText((Join-Path $seed "Connectors/$($connector.seedFile)"))
        [System.IO.File]::WriteAllText((Join-Path $root "Connectors/$fileName"), (Update-ADSyncConnectorXml $xml $connector), [System.Text.UTF8Encoding]::new($false))
    }
    $mv = [System.IO.File]::ReadAllText((Join-Path $seed 'GlobalSettings/MV.xml'))
    [System.IO.File]::WriteAllText((Join-Path $root 'GlobalSettings/MV.xml'), (Update-ADSyncMvXml $mv $state $now), [System.Text.UTF8Encoding]::new($false))
    foreach ($rule in (Get-LabRules $state)) {
        Copy-Item -LiteralPath (Join-Path $seed "SynchronizationRules/$($rule.seedFile)") -Destination (Join-Path $root "SynchronizationRules/$($rule.seedFile)") -Force
    }
}
