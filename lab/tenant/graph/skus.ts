import { LAB_TENANT_ID } from '../constants';

export interface ServicePlan {
  servicePlanId: string;
  servicePlanName: string;
}

export interface SkuDefinition {
  skuId: string;
  skuPartNumber: string;
  /** The lab tenant's purchased seats. */
  enabledUnits: number;
  servicePlans: readonly ServicePlan[];
  subscriptionId: string;
}

const plan = (servicePlanId: string, servicePlanName: string): ServicePlan => ({ servicePlanId, servicePlanName });

const AAD_PREMIUM_PLAN = plan('41781fb2-bc02-4b7c-bd55-b576c07bb09d', 'AAD_PREMIUM');
const AAD_PREMIUM_P2_PLAN = plan('eec0eb4f-6444-4f95-aba0-50c24d67f998', 'AAD_PREMIUM_P2');
const MFA_PREMIUM_PLAN = plan('8a256a2b-b617-496d-b51b-e76466e88db0', 'MFA_PREMIUM');
const CLOUD_APP_DISCOVERY = plan('932ad362-64a8-4783-9106-97849a1a30b9', 'ADALLOM_S_DISCOVERY');
const EXCHANGE_FOUNDATION = plan('113feb6c-3fe4-4440-bddc-54d774bf0318', 'EXCHANGE_S_FOUNDATION');
const INTUNE = plan('c1ec4a95-1f05-45b3-a911-aa3fa01094f5', 'INTUNE_A');
const RMS_PREMIUM = plan('6c57d4b6-3b23-47a5-9bc9-69f17b4947b3', 'RMS_S_PREMIUM');
const RMS_PREMIUM2 = plan('5689bec4-755d-4753-8b61-40975025187c', 'RMS_S_PREMIUM2');
const RMS_ENTERPRISE = plan('bea4c11e-220a-4e6d-8eb8-8ea15d019f90', 'RMS_S_ENTERPRISE');
const DEFENDER_FOR_IDENTITY = plan('14ab5db5-e6c4-4b20-b4bc-13e36fd2227f', 'ATA');
const CLOUD_APP_SECURITY = plan('2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2', 'ADALLOM_S_STANDALONE');

/** The lab tenant's subscriptions: real SKU ids, part numbers and service plans (subset), lab seat counts. */
export const LAB_SKUS: readonly SkuDefinition[] = [
  {
    skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4',
    skuPartNumber: 'AAD_PREMIUM',
    enabledUnits: 25,
    servicePlans: [EXCHANGE_FOUNDATION, CLOUD_APP_DISCOVERY, MFA_PREMIUM_PLAN, AAD_PREMIUM_PLAN],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a01',
  },
  {
    skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b',
    skuPartNumber: 'AAD_PREMIUM_P2',
    enabledUnits: 10,
    servicePlans: [EXCHANGE_FOUNDATION, CLOUD_APP_DISCOVERY, MFA_PREMIUM_PLAN, AAD_PREMIUM_PLAN, AAD_PREMIUM_P2_PLAN],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a02',
  },
  {
    skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
    skuPartNumber: 'EMS',
    enabledUnits: 5,
    servicePlans: [EXCHANGE_FOUNDATION, RMS_PREMIUM, INTUNE, RMS_ENTERPRISE, AAD_PREMIUM_PLAN, MFA_PREMIUM_PLAN],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a03',
  },
  {
    skuId: 'b05e124f-c7cc-45a0-a6aa-8cf78c946968',
    skuPartNumber: 'EMSPREMIUM',
    enabledUnits: 2,
    servicePlans: [
      EXCHANGE_FOUNDATION,
      DEFENDER_FOR_IDENTITY,
      CLOUD_APP_SECURITY,
      RMS_PREMIUM2,
      RMS_PREMIUM,
      INTUNE,
      RMS_ENTERPRISE,
      AAD_PREMIUM_PLAN,
      AAD_PREMIUM_P2_PLAN,
      MFA_PREMIUM_PLAN,
    ],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a04',
  },
];

export function findSku(skuId: string): SkuDefinition | undefined {
  return LAB_SKUS.find((sku) => sku.skuId.toLowerCase() === skuId.toLowerCase());
}

/** A Graph `subscribedSku` with consumedUnits counted from the users' assigned licenses. */
export function subscribedSku(sku: SkuDefinition, consumedUnits: number): Record<string, unknown> {
  return {
    accountName: 'Contoso',
    accountId: LAB_TENANT_ID,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits,
    id: `${LAB_TENANT_ID}_${sku.skuId}`,
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: [sku.subscriptionId],
    prepaidUnits: { enabled: sku.enabledUnits, suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: sku.servicePlans.map((servicePlan) => ({
      servicePlanId: servicePlan.servicePlanId,
      servicePlanName: servicePlan.servicePlanName,
      provisioningStatus: 'Success',
      appliesTo: 'User',
    })),
  };
}
