import type { Type } from '@cmc/protos/generated/gsdk/device/Type.ts';

type TypeName = Exclude<Type, number>;

/**
 * Product names as Suprema prints them, for every gsdk.device.Type value. Typed as a full record so
 * that a Type added to protos/device.proto fails the typecheck here until it has a label.
 */
export const deviceTypeLabels: Readonly<Record<TypeName, string>> = {
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
};
