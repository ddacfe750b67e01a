import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationsModulePath } from '../../../electron/clients/powershell';
import { objectRunStepErrorsSchema } from '../../../shared/sync-server/objects';
import { makeLabFolder, removeLabFolder, runLab, toBase64 } from '../lab-sync-server/lab-pwsh';
import { assetsDirectory } from '../powershell/lab-target';

/*
 * GetObjectRunStepErrors on real pwsh against what a server could put in a step's SyncErrorsXml: the two cmdlets
 * it calls are stand-ins answering the XML given (through the environment, never script text).
 */
const objectId = 'c87fb639-63d2-3ba1-84cb-4645e2b3bb35';
const dn = 'CN={564F4E4E}';
const hostile = `"; $(Remove-Item -Recurse /) \`whoami\` ' Łukasz 山田`;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const matching = `<synchronization-errors>
  <export-error><cs-guid>{${objectId.toUpperCase()}}</cs-guid><dn>${dn}</dn><retry-count>not a number</retry-count><error-type>DataValidationFailed</error-type>
    <cd-error><error-code>0x8023134A</error-code><error-literal>${escape(hostile)}</error-literal><extra-error-details>userPrincipalName</extra-error-details></cd-error></export-error>
  <export-error cs-guid="{00000000-0000-0000-0000-000000000001}" dn="CN={OTHER}"><error-type>LargeObject</error-type></export-error>
</synchronization-errors>`;
// A DTD (an entity that would expand, or read a file) is refused, not expanded; a broken document is not read.
const withDtd = `<!DOCTYPE synchronization-errors [<!ENTITY x SYSTEM "file:///etc/passwd">]><synchronization-errors><export-error dn="${dn}"><error-type>&x;</error-type></export-error></synchronization-errors>`;
const broken = '<synchronization-errors><export-error dn=';

describe('the run step error XML read by the operations module', () => {
  let folder = '';
  beforeAll(async () => {
    folder = await makeLabFolder();
  });
  afterAll(async () => {
    await removeLabFolder(folder);
  });

  it('returns the object’s entries as data, skips other objects, and counts steps it cannot read', async () => {
    const run = await runLab(
      `
      function global:Get-ADSyncConnector { param($Name) [pscustomobject]@{ Name = $Name; Identifier = [guid]'b891884f-051e-4a83-95af-2544101c9083' } }
      function global:Get-ADSyncRunProfileResult {
        $decode = { param($name) [Text.Encoding]::UTF8.GetString([Convert]::FromBase64String([Environment]::GetEnvironmentVariable($name))) }
        $steps = @('CW_XML_MATCHING', 'CW_XML_DTD', 'CW_XML_BROKEN') | ForEach-Object { [pscustomobject]@{ StepResult = 'completed-export-errors'; ExportFailure = 1; SyncErrors = [pscustomobject]@{ SyncErrorsXml = (& $decode $_) } } }
        [pscustomobject]@{ RunHistoryId = [guid]::NewGuid(); ConnectorName = 'contoso.onmicrosoft.com - AAD'; RunProfileName = 'Delta Import'; RunNumber = 8; IsRunComplete = $true; Result = 'success'; StartDate = [datetime]::UtcNow; EndDate = [datetime]::UtcNow; RunStepResults = @() }
        [pscustomobject]@{ RunHistoryId = [guid]::NewGuid(); ConnectorName = 'contoso.onmicrosoft.com - AAD'; RunProfileName = 'Export'; RunNumber = 7; IsRunComplete = $true; Result = 'completed-export-errors'; StartDate = [datetime]::UtcNow; EndDate = [datetime]::UtcNow; RunStepResults = $steps }
      }
      Import-Module '${operationsModulePath(assetsDirectory)}'
      $parameters = [pscustomobject]@{ connectorName = 'contoso.onmicrosoft.com - AAD'; objectId = $env:CW_OBJECT_ID; distinguishedName = 'cn={nothing}' }
      Out-LabJson (& (Get-Module ConnectWizard.Operations) { param($p) Get-CwObjectRunStepErrorsOperation $p } $parameters)
      `,
      { folder, modules: [], env: { CW_XML_MATCHING: toBase64(matching), CW_XML_DTD: toBase64(withDtd), CW_XML_BROKEN: toBase64(broken), CW_OBJECT_ID: objectId } },
    );
    expect(run.stderr).toBe('');
    const read = objectRunStepErrorsSchema.parse(run.json);
    expect(read.run).toMatchObject({ runProfileName: 'Export', runNumber: 7, stepResult: 'completed-export-errors', exportFailures: 3 });
    expect(read.errors).toEqual([
      {
        kind: 'export-error',
        csGuid: `{${objectId.toUpperCase()}}`,
        dn,
        errorType: 'DataValidationFailed',
        errorCode: '0x8023134A',
        errorLiteral: hostile,
        serverErrorDetail: null,
        extraErrorDetails: 'userPrincipalName',
        retryCount: null,
        dateOccurred: null,
        firstOccurred: null,
      },
    ]);
    expect(read.unreadableSteps).toBe(2);
  });
});
