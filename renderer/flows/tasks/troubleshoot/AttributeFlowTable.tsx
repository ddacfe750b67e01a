import { Text } from '@fluentui/react';
import type { FlowRow } from '../../../../shared/troubleshoot/explain';

const cell = { border: '1px solid #c8c6c4', padding: '4px 8px', textAlign: 'left', verticalAlign: 'top', overflowWrap: 'anywhere' } as const;

const shown = (values: readonly string[] | null): string => (values === null || values.length === 0 ? '(none)' : values.join('; '));

/** The main attributes on their way: the AD value, the metaverse value, the Azure AD connector-space value. */
export function AttributeFlowTable({ rows }: { readonly rows: readonly FlowRow[] }): JSX.Element {
  return (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <caption style={{ textAlign: 'left', fontWeight: 600, fontSize: 16, paddingBottom: 8 }}>Attribute flow</caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>Attribute</th>
          <th scope="col" style={cell}>Active Directory</th>
          <th scope="col" style={cell}>Metaverse</th>
          <th scope="col" style={cell}>Azure AD</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.attribute}>
            <th scope="row" style={cell}>
              {row.attribute}
            </th>
            <td style={cell}>
              <Text>{row.attribute === 'cloudFiltered' ? 'not an AD attribute' : `${row.sourceAttribute ? `${row.sourceAttribute}: ` : ''}${shown(row.source)}`}</Text>
            </td>
            <td style={cell}>
              <Text>{shown(row.metaverse)}</Text>
            </td>
            <td style={cell}>
              <Text>{row.attribute === 'cloudFiltered' ? 'not exported' : shown(row.azureAd)}</Text>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
