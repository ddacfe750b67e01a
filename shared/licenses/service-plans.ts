/**
 * Friendly names of the service plans in the licenses this app assigns, from Microsoft's "Product names
 * and service plan identifiers for licensing" (licensing-service-plan-reference, E28; a snapshot, checked
 * against its CSV). Display only: a plan missing here is shown by its `servicePlanName`.
 */
const friendlyPlanNames: Readonly<Record<string, string>> = {
  '41781fb2-bc02-4b7c-bd55-b576c07bb09d': 'Microsoft Entra ID P1',
  'eec0eb4f-6444-4f95-aba0-50c24d67f998': 'Microsoft Entra ID P2',
  '8a256a2b-b617-496d-b51b-e76466e88db0': 'Microsoft Azure Multi-Factor Authentication',
  '932ad362-64a8-4783-9106-97849a1a30b9': 'Cloud App Security Discovery',
  '113feb6c-3fe4-4440-bddc-54d774bf0318': 'Exchange Foundation',
  'c1ec4a95-1f05-45b3-a911-aa3fa01094f5': 'Microsoft Intune',
  '6c57d4b6-3b23-47a5-9bc9-69f17b4947b3': 'Azure Information Protection Premium P1',
  '5689bec4-755d-4753-8b61-40975025187c': 'Azure Information Protection Premium P2',
  'bea4c11e-220a-4e6d-8eb8-8ea15d019f90': 'Microsoft Azure Active Directory Rights',
  '14ab5db5-e6c4-4b20-b4bc-13e36fd2227f': 'Microsoft Defender for Identity',
  '2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2': 'Microsoft Cloud App Security',
  '9aaf7827-d63c-4b61-89c3-182f06f82e5c': 'Exchange Online (Plan 1)',
  'efb87545-963c-4e0d-99df-69c6916d9eb0': 'Exchange Online (Plan 2)',
  '4a82b400-a79f-41a4-b4e2-e94f5787b113': 'Exchange Online Kiosk',
  '882e1d05-acd1-4ccb-8708-6ee03664b117': 'Mobile Device Management for Office 365',
  '5e62787c-c316-451f-b873-1d05acd4d12c': 'To-Do (Plan 1)',
};

/** The friendly name of a plan, else its technical name (`INTUNE_A`). */
export function servicePlanFriendlyName(servicePlanId: string, servicePlanName: string): string {
  return friendlyPlanNames[servicePlanId.toLowerCase()] ?? servicePlanName;
}
