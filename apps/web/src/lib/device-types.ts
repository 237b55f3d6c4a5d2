import { DeviceType, deviceTypeLabel, deviceTypeName } from '@cmc/gsdk/names';

export interface DeviceTypeOption {
  /** The type name the API filters on, e.g. 'BIOSTATION_L2'. */
  value: string;
  /** The product name the device rows show, e.g. "BioStation L2". */
  label: string;
}

// Placeholders for "no type reported", not products anyone filters by.
const NOT_A_PRODUCT = new Set<number>([DeviceType.UNDEFINED, DeviceType.UNKNOWN]);

/**
 * Choices for the type filter: every device type the SDK knows, once per value (its canonical name,
 * never an alias such as ENTRY_MAX), labelled the way the rows label it, sorted by label.
 */
export function deviceTypeOptions(): DeviceTypeOption[] {
  const values = new Set<number>(Object.values(DeviceType));
  return [...values]
    .filter((value) => !NOT_A_PRODUCT.has(value))
    .map((value) => ({ value: deviceTypeName(value), label: deviceTypeLabel(value) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
