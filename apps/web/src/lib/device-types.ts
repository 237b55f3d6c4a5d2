/**
 * gsdk.device.Type values (protos/gsdk/device.proto) and the product names people know them by.
 * Kept here because the browser bundle must not pull in the gRPC packages.
 */
const TYPE_NAMES: Record<number, string> = {
  0: 'UNDEFINED',
  1: 'BIOENTRY_PLUS',
  2: 'BIOENTRY_W',
  3: 'BIOLITE_NET',
  4: 'XPASS',
  5: 'XPASS_S2',
  6: 'SECURE_IO_2',
  7: 'DOOR_MODULE_20',
  8: 'BIOSTATION_2',
  9: 'BIOSTATION_A2',
  10: 'FACESTATION_2',
  11: 'IO_DEVICE',
  12: 'BIOSTATION_L2',
  13: 'BIOENTRY_W2',
  14: 'CORESTATION_40',
  15: 'OUTPUT_MODULE',
  16: 'INPUT_MODULE',
  17: 'BIOENTRY_P2',
  18: 'BIOLITE_N2',
  19: 'XPASS2',
  20: 'XPASS_S3',
  21: 'BIOENTRY_R2',
  22: 'XPASS_D2',
  23: 'DOOR_MODULE_21',
  24: 'XPASS_D2_KEYPAD',
  25: 'FACELITE',
  26: 'XPASS2_KEYPAD',
  27: 'XPASS_D2_REV',
  28: 'XPASS_D2_KEYPAD_REV',
  29: 'FACESTATION_F2_FP',
  30: 'FACESTATION_F2',
  31: 'XSTATION_2_QR',
  32: 'XSTATION_2',
  33: 'IM_120',
  34: 'XSTATION_2_FP',
  35: 'BIOSTATION_3',
  38: 'BIOSTATION_2A',
  42: 'BIOENTRY_W3',
  43: 'CORESTATION_20',
  44: 'DOOR_INTERFACE_24',
  128: 'RS485_SLAVE',
  255: 'UNKNOWN',
};

/** Words that keep their own spelling instead of title case. */
const WORDS: Record<string, string> = {
  BIOENTRY: 'BioEntry',
  BIOLITE: 'BioLite',
  BIOSTATION: 'BioStation',
  FACESTATION: 'FaceStation',
  CORESTATION: 'CoreStation',
  XPASS: 'XPass',
  XPASS2: 'XPass 2',
  XSTATION: 'X-Station',
  FACELITE: 'FaceLite',
  IO: 'I/O',
  IM: 'IM',
  RS485: 'RS-485',
  QR: 'QR',
  FP: 'FP',
  NET: 'Net',
  REV: 'Rev',
  SECURE: 'Secure',
};

// Model codes keep their case: L2, W2, A2, F2, N2, S3, D2, and 2A.
const MODEL_CODE = /^([A-Z]\d+|\d+[A-Z])$/;

function word(part: string): string {
  const known = WORDS[part];
  if (known) return known;
  if (MODEL_CODE.test(part) || /^\d+$/.test(part)) return part;
  return part.charAt(0) + part.slice(1).toLowerCase();
}

/** "BIOSTATION_L2" or 12 -> "BioStation L2"; unknown numbers read "Type 77". */
export function deviceTypeLabel(type: number | string | null | undefined): string {
  if (type === null || type === undefined || type === '') return '—';
  const name = typeof type === 'number' ? TYPE_NAMES[type] : type;
  if (!name) return `Type ${String(type)}`;
  if (name === 'UNDEFINED' || name === 'UNKNOWN') return 'Unknown type';
  if (name === 'ENTRY_MAX') return 'XPass S2';
  return name.split('_').map(word).join(' ');
}

/** Choices for the type filter: every known type, by label. */
export function deviceTypeOptions(): Array<{ value: string; label: string }> {
  return Object.values(TYPE_NAMES)
    .filter((name) => name !== 'UNDEFINED' && name !== 'UNKNOWN')
    .map((name) => ({ value: name, label: deviceTypeLabel(name) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

export function deviceTypeName(type: number | string): string {
  return typeof type === 'number' ? (TYPE_NAMES[type] ?? `TYPE_${type}`) : type;
}
