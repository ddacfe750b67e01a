/**
 * The licenses the post-installation steps ask for, in the order the page lists them first:
 * Azure AD Premium P1 and P2, then EMS E3 and E5 (by part number; the skuIds are Microsoft's).
 */
export const preferredSkuPartNumbers: readonly string[] = ['AAD_PREMIUM', 'AAD_PREMIUM_P2', 'EMS', 'EMSPREMIUM'];

interface OrderableSku {
  readonly skuPartNumber: string;
  readonly productName: string;
}

function rank(sku: OrderableSku): number {
  const index = preferredSkuPartNumbers.indexOf(sku.skuPartNumber.toUpperCase());
  return index === -1 ? preferredSkuPartNumbers.length : index;
}

/** The preferred licenses first in their fixed order, then every other one by product name. Does not change its input. */
export function orderSkus<T extends OrderableSku>(skus: readonly T[]): T[] {
  return [...skus].sort(
    (left, right) =>
      rank(left) - rank(right) ||
      left.productName.localeCompare(right.productName, 'en', { sensitivity: 'base' }) ||
      left.skuPartNumber.localeCompare(right.skuPartNumber, 'en'),
  );
}
