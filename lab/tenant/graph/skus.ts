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
  /** Seats of the large-tenant seed (`seedLargeLabTenant`). */
  largeTenantUnits: number;
  servicePlans: readonly ServicePlan[];
  subscriptionId: string;
  /** Only in the large-tenant seed. */
  largeTenantOnly?: boolean;
}

const plan = (servicePlanId: string, servicePlanName: string): ServicePlan => ({ servicePlanId, servicePlanName });

// Plan ids and names: "Product names and service plan identifiers for licensing" (E28, its CSV copy).
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
const EXCHANGE_STANDARD = plan('9aaf7827-d63c-4b61-89c3-182f06f82e5c', 'EXCHANGE_S_STANDARD');
const INTUNE_O365 = plan('882e1d05-acd1-4ccb-8708-6ee03664b117', 'INTUNE_O365');
const TODO_1 = plan('5e62787c-c316-451f-b873-1d05acd4d12c', 'BPOS_S_TODO_1');
const EXCHANGE_KIOSK = plan('4a82b400-a79f-41a4-b4e2-e94f5787b113', 'EXCHANGE_S_DESKLESS');

/** The lab tenant's subscriptions: real SKU ids, part numbers and service plans, lab seat counts. */
export const LAB_SKUS: readonly SkuDefinition[] = [
  {
    skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4',
    skuPartNumber: 'AAD_PREMIUM',
    enabledUnits: 25,
    largeTenantUnits: 6000,
    servicePlans: [EXCHANGE_FOUNDATION, CLOUD_APP_DISCOVERY, MFA_PREMIUM_PLAN, AAD_PREMIUM_PLAN],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a01',
  },
  {
    skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b',
    skuPartNumber: 'AAD_PREMIUM_P2',
    enabledUnits: 10,
    largeTenantUnits: 500,
    servicePlans: [EXCHANGE_FOUNDATION, CLOUD_APP_DISCOVERY, MFA_PREMIUM_PLAN, AAD_PREMIUM_PLAN, AAD_PREMIUM_P2_PLAN],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a02',
  },
  {
    skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e',
    skuPartNumber: 'EMS',
    enabledUnits: 5,
    largeTenantUnits: 2500,
    servicePlans: [EXCHANGE_FOUNDATION, RMS_PREMIUM, CLOUD_APP_DISCOVERY, INTUNE, RMS_ENTERPRISE, AAD_PREMIUM_PLAN, MFA_PREMIUM_PLAN],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a03',
  },
  {
    skuId: 'b05e124f-c7cc-45a0-a6aa-8cf78c946968',
    skuPartNumber: 'EMSPREMIUM',
    enabledUnits: 2,
    largeTenantUnits: 200,
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
  {
    skuId: '4b9405b0-7788-4568-add1-99614e613b69',
    skuPartNumber: 'EXCHANGESTANDARD',
    enabledUnits: 0,
    largeTenantUnits: 4000,
    servicePlans: [EXCHANGE_STANDARD, INTUNE_O365, TODO_1],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a05',
    largeTenantOnly: true,
  },
  {
    skuId: '80b2d799-d2ba-4d2a-8842-fb0d0f3a4b82',
    skuPartNumber: 'EXCHANGEDESKLESS',
    enabledUnits: 0,
    largeTenantUnits: 300,
    servicePlans: [EXCHANGE_KIOSK],
    subscriptionId: '3f1a7c2e-0b9d-4e6f-a1c8-5d2e7b9f4a06',
    largeTenantOnly: true,
  },
];

/**
 * LAB RULE: a plan that needs another plan enabled on the same user. Modelled on the dependency errors of
 * licensing-at-scale §1.2/§5 (“service plan {X} depends on the service plan(s) {Y}”); the pairs are the
 * lab's own: Azure Information Protection Premium P1/P2 on Azure Rights Management.
 */
export const PLAN_DEPENDENCIES: readonly { plan: string; requires: string }[] = [
  { plan: RMS_PREMIUM.servicePlanId, requires: RMS_ENTERPRISE.servicePlanId },
  { plan: RMS_PREMIUM2.servicePlanId, requires: RMS_ENTERPRISE.servicePlanId },
];

/**
 * LAB RULE: plans that cannot be enabled together on one user (`MutuallyExclusiveViolation`, §2.2's
 * “Exchange standard vs enterprise”). Plan 1 and Plan 2 may now coexist (E23), so the lab pairs Exchange
 * Online Kiosk with Exchange Online (Plan 1).
 */
export const EXCLUSIVE_PLANS: readonly (readonly [string, string])[] = [[EXCHANGE_KIOSK.servicePlanId, EXCHANGE_STANDARD.servicePlanId]];

/**
 * LAB RULE: usage locations where no lab service plan is offered (`ProhibitedInUsageLocationViolation`).
 * Which service is offered where is not in the reference; the lab uses the comprehensively sanctioned
 * countries for every plan.
 */
export const PROHIBITED_USAGE_LOCATIONS: ReadonlySet<string> = new Set(['CU', 'IR', 'KP', 'SY']);

export function labSkus(large: boolean): SkuDefinition[] {
  return LAB_SKUS.filter((sku) => large || sku.largeTenantOnly !== true);
}

export function findSku(skuId: string, large: boolean): SkuDefinition | undefined {
  return labSkus(large).find((sku) => sku.skuId.toLowerCase() === skuId.toLowerCase());
}

export function seatsOf(sku: SkuDefinition, large: boolean): number {
  return large ? sku.largeTenantUnits : sku.enabledUnits;
}

/** A Graph `subscribedSku` with consumedUnits counted from the users' active licenses. */
export function subscribedSku(sku: SkuDefinition, consumedUnits: number, large: boolean): Record<string, unknown> {
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
    prepaidUnits: { enabled: seatsOf(sku, large), suspended: 0, warning: 0, lockedOut: 0 },
    servicePlans: sku.servicePlans.map((servicePlan) => ({
      servicePlanId: servicePlan.servicePlanId,
      servicePlanName: servicePlan.servicePlanName,
      provisioningStatus: 'Success',
      appliesTo: 'User',
    })),
  };
}
