import { Stack, Text } from '@fluentui/react';
import { DataTable, type DataColumn } from '../../../components/data-table';
import { FactList } from '../../../components/fact-list';
import type { FederationSettings, TenantDomain } from '../../../../shared/native-tasks/state';
import type { Fact } from './CurrentState';

const domainColumns: DataColumn<TenantDomain>[] = [
  { key: 'domain', name: 'Domain', render: (domain) => domain.name },
  { key: 'authentication', name: 'Authentication', render: (domain) => domain.authenticationType },
  { key: 'verified', name: 'Verified', render: (domain) => (domain.isVerified ? 'Yes' : 'No') },
];

const protocolWords: Readonly<Record<string, string>> = { wsfed: 'WS-Federation', saml: 'SAML 2.0' };

function federationRows(settings: FederationSettings): readonly [string, string][] {
  return [
    ['Issuer', settings.issuerUri ?? 'Not set'],
    ['Passive sign-in address', settings.passiveSignInUri ?? 'Not set'],
    ['Protocol', settings.preferredAuthenticationProtocol === null ? 'Not set' : (protocolWords[settings.preferredAuthenticationProtocol.toLowerCase()] ?? settings.preferredAuthenticationProtocol)],
    ['Signing certificate expires', settings.signingCertificateExpires === null ? 'Not returned by Microsoft Graph' : new Date(settings.signingCertificateExpires).toUTCString()],
  ];
}

/** The tenant's domains (name, authentication type, verified) and each federated domain's federation settings, or why Graph did not tell. */
export function TenantDomains({ domains }: { readonly domains: Fact<readonly TenantDomain[]> }): JSX.Element {
  if (!domains.readable) return <Text>{`Not readable: ${domains.reason}`}</Text>;
  if (domains.value.length === 0) return <Text>None</Text>;
  const federated = domains.value.filter((domain) => domain.federation !== null);
  return (
    <Stack tokens={{ childrenGap: 8 }}>
      <DataTable label="Domains of the tenant" columns={domainColumns} rows={domains.value} rowKey={(domain) => domain.name} rowHeader="domain" />
      {federated.map((domain) => (
        <Stack key={domain.name} tokens={{ childrenGap: 4 }} aria-label={`Federation of ${domain.name}`} role="group">
          <Text styles={{ root: { fontWeight: 600 } }}>{`Federation of ${domain.name}`}</Text>
          {domain.federation?.readable === false ? (
            <Text>{`Not readable: ${domain.federation.reason}`}</Text>
          ) : (
            <FactList facts={domain.federation?.readable === true ? federationRows(domain.federation.value).map(([term, value]) => ({ term, value: <Text>{value}</Text> })) : []} />
          )}
        </Stack>
      ))}
    </Stack>
  );
}
