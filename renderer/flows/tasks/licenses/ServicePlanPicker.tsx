import { Checkbox, Stack, Text } from '@fluentui/react';
import type { SubscribedSku } from '../../../../shared/licenses/skus-and-users';

/**
 * The service plans of a license as switches, by their friendly names: checked plans are on, unchecked
 * ones go into `disabledPlans`. Only plans that apply to users are offered (licensing-at-scale §3).
 */
export function ServicePlanPicker(props: {
  sku: SubscribedSku;
  disabledPlans: readonly string[];
  onChange: (disabledPlans: string[]) => void;
  disabled?: boolean;
}): JSX.Element {
  const plans = props.sku.servicePlans.filter((plan) => plan.appliesTo === 'User');
  const off = new Set(props.disabledPlans.map((plan) => plan.toLowerCase()));
  const on = plans.filter((plan) => !off.has(plan.servicePlanId.toLowerCase())).length;
  const legendId = `service-plans-${props.sku.skuId}`;
  if (plans.length === 0) return <Text>{props.sku.productName} has no service plans that can be switched off.</Text>;
  return (
    <fieldset aria-labelledby={legendId} style={{ border: '1px solid #edebe9', padding: '8px 12px', margin: 0 }}>
      <legend id={legendId}>
        <Text styles={{ root: { fontWeight: 600 } }}>
          Service plans of {props.sku.productName} ({on} of {plans.length} on)
        </Text>
      </legend>
      <Stack horizontal wrap tokens={{ childrenGap: 12 }}>
        {plans.map((plan) => (
          <Checkbox
            key={plan.servicePlanId}
            label={plan.friendlyName}
            title={plan.servicePlanName}
            checked={!off.has(plan.servicePlanId.toLowerCase())}
            disabled={props.disabled}
            onChange={(_event, checked) => {
              const next = plans.filter((candidate) =>
                candidate.servicePlanId === plan.servicePlanId ? !checked : off.has(candidate.servicePlanId.toLowerCase()),
              );
              props.onChange(next.map((candidate) => candidate.servicePlanId));
            }}
            styles={{ root: { minWidth: 260 } }}
          />
        ))}
      </Stack>
    </fieldset>
  );
}
