import { deviceTypeLabelOfName, productTypeNames } from '@cmc/api';

export interface DeviceTypeOption {
  /** The type name the API filters on, e.g. 'BIOSTATION_L2'. */
  value: string;
  /** The product name the device rows show, e.g. "BioStation L2". */
  label: string;
}

/**
 * Choices for the type filter: every product type, once (its canonical name, never an alias such
 * as ENTRY_MAX), labelled the way the rows label it, sorted by label.
 */
export function deviceTypeOptions(): DeviceTypeOption[] {
  return productTypeNames
    .map((name) => ({ value: name, label: deviceTypeLabelOfName(name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
