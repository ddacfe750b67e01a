# Synchronization rules (read only in the lab): Get-ADSyncRule.

$script:ObjectModel = 'Microsoft.IdentityManagement.PowerShell.ObjectModel'

function ConvertTo-ADSyncRuleObject($Rule) {
    $scopeGroups = foreach ($group in $Rule.scopeFilter) {
        $conditions = foreach ($condition in $group) {
            [pscustomobject]@{ PSTypeName = "$script:ObjectModel.ScopeCondition"; Attribute = $condition.attribute; ComparisonValue = $condition.value; ComparisonOperator = $condition.operator }
        }
        [pscustomobject]@{ PSTypeName = "$script:ObjectModel.ScopeConditionGroup"; ScopeConditionList = @($conditions) }
    }
    $joinGroups = foreach ($group in $Rule.joinFilter) {
        $conditions = foreach ($condition in $group) {
            [pscustomobject]@{ PSTypeName = "$script:ObjectModel.JoinCondition"; CSAttribute = $condition.csAttribute; MVAttribute = $condition.mvAttribute; CaseSensitive = [bool]$condition.caseSensitive }
        }
        [pscustomobject]@{ PSTypeName = "$script:ObjectModel.JoinConditionGroup"; JoinConditionList = @($conditions) }
    }
    $mappings = foreach ($mapping in $Rule.attributeFlowMappings) {
        $source = @($mapping.source)
        [pscustomobject]@{
            PSTypeName            = "$script:ObjectModel.AttributeFlowMapping"
            Source                = $source
            Destination           = $mapping.destination
            FlowType              = $mapping.flowType
            ExecuteOnce           = [bool]$mapping.executeOnce
            Expression            = $mapping.expression
            ValueMergeType        = $mapping.valueMergeType
            MappingSourceAsString = if ($mapping.expression) { $mapping.expression } elseif ($source.Count -gt 0) { $source -join ',' } else { $mapping.constant }
        }
    }
    $tag = [string]$Rule.immutableTag
    $agnostic = if ($tag -match '^(.*)\.(\d+)$') { $Matches[1] } else { $tag }
    $tagVersion = if ($tag -match '\.(\d+)$') { [int]$Matches[1] } else { 0 }
    [pscustomobject]@{
        PSTypeName               = "$script:ObjectModel.SynchronizationRule"
        Identifier               = [guid]$Rule.identifier
        InternalId               = [guid]$Rule.internalId
        Name                     = $Rule.name
        Version                  = [int]$Rule.version
        Description              = $Rule.description
        ImmutableTag             = $Rule.immutableTag
        Connector                = [guid]$Rule.connector
        Direction                = $Rule.direction
        Disabled                 = [bool]$Rule.disabled
        SourceObjectType         = $Rule.sourceObjectType
        TargetObjectType         = $Rule.targetObjectType
        Precedence               = [int]$Rule.precedence
        PrecedenceAfter          = [guid]$Rule.precedenceAfter
        PrecedenceBefore         = [guid]$Rule.precedenceBefore
        LinkType                 = $Rule.linkType
        EnablePasswordSync       = [bool]$Rule.enablePasswordSync
        JoinFilter               = @($joinGroups)
        ScopeFilter              = @($scopeGroups)
        AttributeFlowMappings    = @($mappings)
        SoftDeleteExpiryInterval = ConvertTo-LabTimeSpan $Rule.softDeleteExpiryInterval
        SourceNamespaceId        = [guid]::Empty
        TargetNamespaceId        = [guid]::Empty
        VersionAgnosticTag       = $agnostic
        TagVersion               = $tagVersion
        IsStandardRule           = -not [string]::IsNullOrEmpty($tag)
        IsLegacyCustomRule       = $false
        JoinHash                 = 0
    }
}

function Get-ADSyncRule {
    [CmdletBinding(DefaultParameterSetName = 'All')]
    param(
        [Parameter(ParameterSetName = 'ByIdentifier', Position = 0)][guid]$Identifier,
        [Parameter(ParameterSetName = 'ByName')][string]$Name
    )
    $state = Get-LabState
    $rules = @((Get-LabRules $state) | Where-Object {
            ($PSCmdlet.ParameterSetName -eq 'All') -or
            ($PSCmdlet.ParameterSetName -eq 'ByIdentifier' -and [guid]$_.identifier -eq $Identifier) -or
            ($PSCmdlet.ParameterSetName -eq 'ByName' -and $_.name -eq $Name)
        })
    if ($rules.Count -eq 0 -and $PSCmdlet.ParameterSetName -ne 'All') {
        $what = if ($Name) { $Name } else { $Identifier.ToString() }
        $exception = [System.ArgumentException]::new("Unable to find synchronization rule: $what")
        $PSCmdlet.WriteError((New-LabErrorRecord -Exception $exception -ErrorId 'SynchronizationRuleNotFound' -Category ObjectNotFound -TargetObject $what))
        return
    }
    foreach ($rule in $rules) { ConvertTo-ADSyncRuleObject $rule }
}
