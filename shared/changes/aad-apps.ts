/**
 * The cloud apps of the Azure AD apps page and the attributes each needs (the Azure AD attributes page
 * lists the union for the apps ticked). A trimmed catalogue: enough attributes per app to choose from.
 */
export interface AadApp {
  readonly id: string;
  readonly label: string;
  readonly attributes: readonly string[];
}

const common = ['accountEnabled', 'displayName', 'givenName', 'sn', 'mail', 'userPrincipalName', 'sourceAnchor', 'proxyAddresses'];

export const aadApps: readonly AadApp[] = [
  { id: 'OfficeProPlus', label: 'Office 365 ProPlus', attributes: [...common, 'preferredLanguage', 'usageLocation'] },
  { id: 'ExchangeOnline', label: 'Exchange Online', attributes: [...common, 'mailNickname', 'msExchHideFromAddressLists', 'targetAddress', 'legacyExchangeDN', 'telephoneNumber'] },
  { id: 'SharePointOnline', label: 'SharePoint Online', attributes: [...common, 'department', 'title', 'manager', 'thumbnailPhoto', 'wWWHomePage'] },
  { id: 'LyncOnline', label: 'Lync Online', attributes: [...common, 'msRTCSIP-PrimaryUserAddress', 'msRTCSIP-Line', 'telephoneNumber', 'mobile'] },
  { id: 'AzureRMS', label: 'Azure RMS', attributes: [...common] },
  { id: 'Intune', label: 'Intune', attributes: [...common, 'c', 'usageLocation'] },
  { id: 'DynamicsCRM', label: 'Dynamics CRM', attributes: [...common, 'company', 'department', 'title', 'streetAddress', 'l', 'postalCode'] },
  { id: 'ThirdParty', label: '3rd party application', attributes: [...common, 'employeeID', 'physicalDeliveryOfficeName'] },
];

/** The attributes of the ticked apps, each once, sorted. */
export function attributesOfApps(appIds: readonly string[]): string[] {
  const names = new Set<string>();
  for (const app of aadApps) if (appIds.includes(app.id)) for (const attribute of app.attributes) names.add(attribute);
  return [...names].sort((a, b) => a.localeCompare(b));
}

/** Attributes of on-premises users and groups that directory extension sync may add (case-sensitive names). */
export const extensionCandidateAttributes: readonly string[] = [
  'carLicense',
  'costCenter',
  'departmentNumber',
  'division',
  'employeeNumber',
  'employeeType',
  'extensionName',
  'msDS-cloudExtensionAttribute1',
  'msDS-cloudExtensionAttribute2',
  'msDS-cloudExtensionAttribute3',
  'msDS-cloudExtensionAttribute4',
  'msDS-cloudExtensionAttribute5',
  'roomNumber',
  'sAMAccountName',
];

/** Directory extension attributes are stored as "name.objectClass.Type.Enabled". */
export function formatExtensionAttribute(name: string): string {
  return `${name}.user.String.True`;
}

export function parseExtensionAttributes(value: string | null | undefined): string[] {
  return splitList(value).map((entry) => entry.split('.')[0] ?? entry).filter((name) => name !== '');
}

export function splitList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}
