// The words the console shows for the names the API sends (device statuses, connection modes,
// device types). REST and socket.io both carry names; these tables turn them into text, so the
// browser needs nothing but @cmc/api. @cmc/gsdk re-exports the device-type table and typechecks it
// against device.proto, so a new Type fails the build until it has a label here.
import type { ConnectionMode, DeviceStatus } from './names.ts';

/** Product names as Suprema prints them, for every gsdk.device.Type name (protos/device.proto). */
export const deviceTypeLabels = {
  UNDEFINED: 'Undefined device type',
  BIOENTRY_PLUS: 'BioEntry Plus',
  BIOENTRY_W: 'BioEntry W',
  BIOLITE_NET: 'BioLite Net',
  XPASS: 'XPass',
  XPASS_S2: 'XPass S2',
  ENTRY_MAX: 'XPass S2',
  SECURE_IO_2: 'Secure I/O 2',
  DOOR_MODULE_20: 'DM-20 Door Module',
  BIOSTATION_2: 'BioStation 2',
  BIOSTATION_A2: 'BioStation A2',
  FACESTATION_2: 'FaceStation 2',
  IO_DEVICE: 'I/O Device',
  BIOSTATION_L2: 'BioStation L2',
  BIOENTRY_W2: 'BioEntry W2',
  RS485_SLAVE: 'RS-485 Slave Device',
  CORESTATION_40: 'CoreStation 40',
  OUTPUT_MODULE: 'Output Module',
  INPUT_MODULE: 'Input Module',
  BIOENTRY_P2: 'BioEntry P2',
  BIOLITE_N2: 'BioLite N2',
  XPASS2: 'XPass 2',
  XPASS_S3: 'XPass S3',
  BIOENTRY_R2: 'BioEntry R2',
  XPASS_D2: 'XPass D2',
  DOOR_MODULE_21: 'DM-21 Door Module',
  XPASS_D2_KEYPAD: 'XPass D2 Keypad',
  FACELITE: 'FaceLite',
  XPASS2_KEYPAD: 'XPass 2 Keypad',
  XPASS_D2_REV: 'XPass D2 (Rev)',
  XPASS_D2_KEYPAD_REV: 'XPass D2 Keypad (Rev)',
  FACESTATION_F2_FP: 'FaceStation F2 (Fingerprint)',
  FACESTATION_F2: 'FaceStation F2',
  XSTATION_2_QR: 'X-Station 2 (QR)',
  XSTATION_2: 'X-Station 2',
  IM_120: 'IM-120 Input Module',
  XSTATION_2_FP: 'X-Station 2 (Fingerprint)',
  BIOSTATION_3: 'BioStation 3',
  BIOSTATION_2A: 'BioStation 2a',
  BIOENTRY_W3: 'BioEntry W3',
  CORESTATION_20: 'CoreStation 20',
  DOOR_INTERFACE_24: 'DI-24 Door Interface',
  UNKNOWN: 'Unknown device type',
} as const satisfies Record<string, string>;
export type KnownDeviceTypeName = keyof typeof deviceTypeLabels;

// ENTRY_MAX repeats XPASS_S2's value in device.proto: the BFF always sends the name declared first.
const TYPE_ALIASES: ReadonlySet<string> = new Set(['ENTRY_MAX']);
// Placeholders for "no type reported", not products anyone filters by.
const NOT_A_PRODUCT: ReadonlySet<string> = new Set(['UNDEFINED', 'UNKNOWN']);

/** The type names a device can report as a product, each once (what the type filter offers). */
export const productTypeNames: readonly KnownDeviceTypeName[] = (
  Object.keys(deviceTypeLabels) as KnownDeviceTypeName[]
).filter((name) => !TYPE_ALIASES.has(name) && !NOT_A_PRODUCT.has(name));

/**
 * Product name for a type name as the API sends it: 'BIOSTATION_L2' → "BioStation L2". A name the
 * table does not know (the BFF sends 'UNKNOWN_<n>' for a newer device type) is returned as it is.
 */
export function deviceTypeLabelOfName(name: string): string {
  const labels: Readonly<Record<string, string>> = deviceTypeLabels;
  return Object.hasOwn(labels, name) ? labels[name]! : name;
}

/** Short words for a device status, as badges and rows show it. */
export const deviceStatusLabels: Readonly<Record<DeviceStatus, string>> = {
  DISCONNECTED: 'Disconnected',
  TCP_CONNECTED: 'Connected',
  TLS_CONNECTED: 'Connected (TLS)',
  TCP_CANNOT_CONNECT: 'Cannot connect',
  TCP_NOT_ALLOWED: 'Not allowed',
  TLS_CANNOT_CONNECT: 'TLS failed',
  TLS_NOT_ALLOWED: 'TLS not allowed',
};

/** What went wrong, in words, for the failure statuses. */
export const deviceStatusReasons: Readonly<Partial<Record<DeviceStatus, string>>> = {
  TCP_CANNOT_CONNECT: 'The device did not answer (off the network, or a wrong address or port)',
  TCP_NOT_ALLOWED:
    'Plain TCP refused: the device requires SSL, or the accept filter does not let it in',
  TLS_CANNOT_CONNECT:
    'TLS connection failed: the device did not answer, has SSL off, or its certificate does not match',
  TLS_NOT_ALLOWED: 'TLS dial-in refused: the accept filter does not let it in',
};

/** Which side opens the connection. */
export const connectionModeLabels: Readonly<Record<ConnectionMode, string>> = {
  SERVER_TO_DEVICE: 'Server → device',
  DEVICE_TO_SERVER: 'Device → server',
};
