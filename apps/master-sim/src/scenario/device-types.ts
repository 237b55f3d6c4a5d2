import { loadGsdk } from '@cmc/protos';
import type { Type__Output } from '@cmc/protos/generated/gsdk/device/Type.ts';

interface EnumValue {
  name: string;
  number: number;
}

let cache: { byName: Map<string, number>; numbers: Set<number> } | undefined;

/** gsdk.device.Type read from protos/ (the one source of truth), not a second hand-kept list. */
function deviceTypes(): { byName: Map<string, number>; numbers: Set<number> } {
  if (!cache) {
    const definition = loadGsdk().definition['gsdk.device.Type'] as unknown as {
      type: { value: EnumValue[] };
    };
    const values = definition.type.value;
    cache = {
      byName: new Map(values.map((v) => [v.name, v.number])),
      numbers: new Set(values.map((v) => v.number)),
    };
  }
  return cache;
}

/** A device type given as a gsdk.device.Type number or name → its number, or undefined if unknown. */
export function resolveDeviceType(type: number | string): Type__Output | undefined {
  const { byName, numbers } = deviceTypes();
  // The numbers come from the enum itself, so the casts only restate what was just checked.
  if (typeof type === 'number') return numbers.has(type) ? (type as Type__Output) : undefined;
  return byName.get(type) as Type__Output | undefined;
}

export const UNKNOWN_DEVICE_TYPE: Type__Output = 255;
