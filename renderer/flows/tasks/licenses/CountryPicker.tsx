import { ComboBox, type IComboBoxOption } from '@fluentui/react';
import { countries } from '../../../../shared/licenses/countries';

const countryOptions: IComboBoxOption[] = countries.map((country) => ({ key: country.code, text: `${country.name} (${country.code})` }));
const noCountry: IComboBoxOption = { key: '', text: 'No default' };

/** An ISO 3166-1 country, typed or picked; `allowNone` adds "No default" (for the optional default). */
export function CountryPicker(props: {
  label: string;
  value: string | null;
  onChange: (code: string | null) => void;
  allowNone?: boolean;
  placeholder?: string;
}): JSX.Element {
  const options = props.allowNone ? [noCountry, ...countryOptions] : countryOptions;
  return (
    <ComboBox
      label={props.label}
      options={options}
      selectedKey={props.value ?? (props.allowNone ? '' : null)}
      autoComplete="on"
      allowFreeform={false}
      useComboBoxAsMenuWidth
      placeholder={props.placeholder ?? 'Type or pick a country'}
      onChange={(_event, option) => {
        if (option) props.onChange(option.key === '' ? null : String(option.key));
      }}
      styles={{ root: { maxWidth: 320 }, optionsContainerWrapper: { maxHeight: 320 } }}
    />
  );
}
