import { execFile } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PowerShellSession, operationsModulePath } from '../../../electron/clients/powershell';
import type { AppError } from '../../../shared/core/errors';
import { assetsDirectory, findPwsh, freshLabTarget } from './lab-target';

const run$ = promisify(execFile);
const moduleFolder = join(assetsDirectory, 'powershell', 'ConnectWizard.Operations');

/** Every PowerShell file of the module, found by walking its folder: a new file is checked without editing this test. */
const moduleFiles = readdirSync(moduleFolder, { recursive: true, encoding: 'utf8' })
  .filter((file) => /\.ps(m|d)?1$/i.test(file))
  .sort()
  .map((file) => join(moduleFolder, file));

const pwsh = (script: string, env: Record<string, string>, cwd?: string) =>
  run$(findPwsh(), ['-NoProfile', '-NonInteractive', '-Command', script], { env: { ...process.env, ...env }, cwd });

/*
 * The operations module must also run on Windows PowerShell 5.1, which is not available here. The
 * parser of pwsh lists every token; none may be PowerShell 7-only syntax, and no 7-only parameter may
 * be used unguarded (-DateKind is used only after checking that ConvertFrom-Json has it).
 */
const syntaxScript = `
$found = New-Object System.Collections.Generic.List[string]
$count = 0
foreach ($file in (ConvertFrom-Json $env:CW_FILES)) {
  $tokens = $null; $errors = $null
  $null = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref]$tokens, [ref]$errors)
  $name = Split-Path -Leaf $file
  foreach ($e in $errors) { $found.Add($name + ': parse error: ' + $e.Message) }
  $sevenOnlyKinds = @('QuestionMark', 'QuestionQuestion', 'QuestionQuestionEquals', 'QuestionDot', 'QuestionLBracket', 'AndAnd', 'OrOr')
  foreach ($t in $tokens) {
    if ($sevenOnlyKinds -contains [string]$t.Kind) { $found.Add($name + ': ' + [string]$t.Kind + ' at line ' + $t.Extent.StartLineNumber) }
    if ([string]$t.Kind -eq 'Generic' -and $t.Text -eq '?') { $found.Add($name + ': ternary ? at line ' + $t.Extent.StartLineNumber) }
    if ([string]$t.Kind -eq 'Parameter' -and @('-AsHashtable', '-Parallel', '-NoEnumerate', '-EscapeHandling', '-SkipLimitCheck') -contains $t.Text) {
      $found.Add($name + ': ' + $t.Text + ' at line ' + $t.Extent.StartLineNumber)
    }
  }
  $count++
}
$found | ForEach-Object { [Console]::Out.WriteLine($_) }
[Console]::Out.WriteLine('checked ' + $count + ' files')
`;

/*
 * Imported the way the app imports it (the manifest by absolute path), from another directory and with
 * an empty PSModulePath. Lists the file each of the module's functions comes from, and the registry
 * entries that name no function.
 */
const loadScript = `
$env:PSModulePath = ''
$module = Import-Module -Name $env:CW_MANIFEST -DisableNameChecking -PassThru -ErrorAction Stop
$files = & $module { Get-ChildItem function: | Where-Object { $_.ModuleName -eq 'ConnectWizard.Operations' } | ForEach-Object { $_.ScriptBlock.File } }
$unresolved = & $module { @($script:Operations.Keys | Where-Object { $null -eq $script:Operations[$_] }) }
[Console]::Out.WriteLine((ConvertTo-Json -Compress -InputObject ([ordered]@{
  exported = @($module.ExportedCommands.Keys | Sort-Object)
  files = @($files | Sort-Object -Unique)
  unresolved = @($unresolved)
})))
`;

describe('ConnectWizard.Operations on Windows PowerShell 5.1', () => {
  it('uses no PowerShell 7-only syntax or parameters in any file', async () => {
    expect(moduleFiles).toEqual(expect.arrayContaining([
      operationsModulePath(assetsDirectory),
      join(moduleFolder, 'ConnectWizard.Operations.psm1'),
      join(moduleFolder, 'Private', 'Framing.ps1'),
      join(moduleFolder, 'Public', 'Scheduler.ps1'),
    ]));
    const { stdout } = await pwsh(syntaxScript, { CW_FILES: JSON.stringify(moduleFiles) });
    const lines = stdout.trim().split(/\r?\n/);
    expect(lines.at(-1)).toBe(`checked ${moduleFiles.length} files`);
    expect(lines.slice(0, -1)).toEqual([]);
  });

  it('has only ASCII in files without a byte order mark (5.1 reads those in the ANSI code page)', () => {
    const unreadable = moduleFiles.filter((file) => {
      const bytes = readFileSync(file);
      const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
      return !hasUtf8Bom && bytes.some((byte) => byte > 0x7f);
    });
    expect(unreadable).toEqual([]);
  });
});

describe('ConnectWizard.Operations loading', () => {
  it('loads every one of its files by absolute path, whatever PSModulePath and the current directory', async () => {
    const { stdout } = await pwsh(loadScript, { CW_MANIFEST: operationsModulePath(assetsDirectory) }, tmpdir());
    const loaded = JSON.parse(stdout.trim()) as { exported: string[]; files: string[]; unresolved: string[] };
    expect(loaded.exported).toEqual(['Initialize-CwSession', 'Invoke-CwOperation']);
    // Every code file defines functions; a file left out of the .psm1's list would be missing here.
    expect([...loaded.files].sort()).toEqual(moduleFiles.filter((file) => file.endsWith('.ps1') || file.endsWith('.psm1')));
    expect(loaded.unresolved).toEqual([]);
  });

  it('gives MODULE_NOT_FOUND at session start, rather than unknown operations later, when one of its files is missing', async () => {
    const assetsCopy = await mkdtemp(join(tmpdir(), 'cw-assets-'));
    const { target, labFolder } = await freshLabTarget({ operationsModule: operationsModulePath(assetsCopy) });
    const session = new PowerShellSession(target);
    try {
      await cp(moduleFolder, join(assetsCopy, 'powershell', 'ConnectWizard.Operations'), { recursive: true });
      await rm(join(assetsCopy, 'powershell', 'ConnectWizard.Operations', 'Public', 'Rules.ps1'));
      const failure = await session.run('GetSyncRules').then(
        () => { throw new Error('expected a failure'); },
        (error: unknown) => error as AppError,
      );
      expect(failure.code).toBe('MODULE_NOT_FOUND');
      expect(failure.detail).toContain('Rules.ps1');
    } finally {
      await session.dispose();
      await Promise.all([assetsCopy, labFolder].map((folder) => rm(folder, { recursive: true, force: true })));
    }
  });
});
