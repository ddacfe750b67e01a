import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { findPwsh } from './lab-target';
import { fileURLToPath } from 'node:url';

const run$ = promisify(execFile);
const operationsModule = fileURLToPath(
  new URL('../../../assets/powershell/ConnectWizard.Operations/ConnectWizard.Operations.psm1', import.meta.url),
);

/*
 * The operations module must also run on Windows PowerShell 5.1, which is not available here. The
 * parser of pwsh lists every token; none may be PowerShell 7-only syntax, and no 7-only parameter may
 * be used unguarded (-DateKind is used only after checking that ConvertFrom-Json has it).
 */
const script = `
$tokens = $null; $errors = $null
$null = [System.Management.Automation.Language.Parser]::ParseFile($env:CW_MODULE, [ref]$tokens, [ref]$errors)
$found = New-Object System.Collections.Generic.List[string]
foreach ($e in $errors) { $found.Add('parse error: ' + $e.Message) }
$sevenOnlyKinds = @('QuestionMark', 'QuestionQuestion', 'QuestionQuestionEquals', 'QuestionDot', 'QuestionLBracket', 'AndAnd', 'OrOr')
foreach ($t in $tokens) {
  if ($sevenOnlyKinds -contains [string]$t.Kind) { $found.Add([string]$t.Kind + ' at line ' + $t.Extent.StartLineNumber) }
  if ([string]$t.Kind -eq 'Generic' -and $t.Text -eq '?') { $found.Add('ternary ? at line ' + $t.Extent.StartLineNumber) }
  if ([string]$t.Kind -eq 'Parameter' -and @('-AsHashtable', '-Parallel', '-NoEnumerate', '-EscapeHandling', '-SkipLimitCheck') -contains $t.Text) {
    $found.Add($t.Text + ' at line ' + $t.Extent.StartLineNumber)
  }
}
$found | ForEach-Object { [Console]::Out.WriteLine($_) }
[Console]::Out.WriteLine('checked ' + $tokens.Count + ' tokens')
`;

describe('ConnectWizard.Operations on Windows PowerShell 5.1', () => {
  it('uses no PowerShell 7-only syntax or parameters', async () => {
    const { stdout } = await run$(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', script], {
      env: { ...process.env, CW_MODULE: operationsModule },
    });
    const lines = stdout.trim().split(/\r?\n/);
    expect(lines.at(-1)).toMatch(/^checked \d{3,} tokens$/);
    expect(lines.slice(0, -1)).toEqual([]);
  });
});
