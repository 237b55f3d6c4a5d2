// The product-name table lives in @cmc/api (the browser needs it and imports nothing else). Typed
// here as a full record of device.proto's Type names, so a Type added to the protos fails this
// package's typecheck until @cmc/api labels it.
import { deviceTypeLabels as apiDeviceTypeLabels } from '@cmc/api';
import type { Type } from '@cmc/protos/generated/gsdk/device/Type.ts';

type TypeName = Exclude<Type, number>;

export const deviceTypeLabels: Readonly<Record<TypeName, string>> = apiDeviceTypeLabels;
