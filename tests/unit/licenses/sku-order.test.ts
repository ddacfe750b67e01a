import { describe, expect, it } from 'vitest';
import { orderSkus } from '../../../shared/licenses/sku-order';

const sku = (skuPartNumber: string, productName = skuPartNumber) => ({ skuPartNumber, productName });

describe('orderSkus', () => {
  it('lists Azure AD Premium P1, P2, EMS E3 and E5 first, in that order, whatever order Graph used', () => {
    const ordered = orderSkus([
      sku('EMSPREMIUM', 'Enterprise Mobility + Security E5'),
      sku('SPE_E5', 'Microsoft 365 E5'),
      sku('EMS', 'Enterprise Mobility + Security E3'),
      sku('AAD_PREMIUM_P2', 'Microsoft Entra ID P2'),
      sku('FLOW_FREE', 'Power Automate Free'),
      sku('AAD_PREMIUM', 'Microsoft Entra ID P1'),
    ]);
    expect(ordered.map((item) => item.skuPartNumber)).toEqual(['AAD_PREMIUM', 'AAD_PREMIUM_P2', 'EMS', 'EMSPREMIUM', 'SPE_E5', 'FLOW_FREE']);
  });

  it('puts the other licenses after them by product name, ignoring case', () => {
    const ordered = orderSkus([sku('Z', 'visio Plan 2'), sku('EMS'), sku('A', 'Microsoft 365 E3'), sku('B', 'power BI Pro')]);
    expect(ordered.map((item) => item.productName)).toEqual(['EMS', 'Microsoft 365 E3', 'power BI Pro', 'visio Plan 2']);
  });

  it('does not reorder the array it was given', () => {
    const input = [sku('EMS'), sku('AAD_PREMIUM')];
    orderSkus(input);
    expect(input.map((item) => item.skuPartNumber)).toEqual(['EMS', 'AAD_PREMIUM']);
  });
});
