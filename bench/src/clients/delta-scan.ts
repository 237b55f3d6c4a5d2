// Reads a socket.io `deltas` frame straight from the WebSocket's bytes, without JSON.parse: a load
// session needs only each change's (deviceID, status) and each delta's (gateway, seq), and parsing
// every frame of 1,000 sessions into objects took the cores the BFF was being measured on. The scan
// walks the JSON structure (so keys may come in any order and unknown keys are skipped), allocates
// nothing, and throws on anything it does not expect rather than miscount.
import { DeviceStatus } from '@cmc/gsdk/names';

export interface DeltaTarget {
  /** One change of the frame, in frame order. */
  onChange(deviceID: number, status: number): void;
  /** One delta of the frame, after its changes: `gateway` is gatewayHash() of its gateway ID. */
  onDelta(gateway: number, seq: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const ZERO = 0x30;
const NINE = 0x39;

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
/** The socket.io packet of a `deltas` event on the default namespace: EVENT, no ack id. */
export const DELTAS_PREFIX = bytes('42["deltas",');
const K_DELTAS = bytes('deltas');
const K_GATEWAY_ID = bytes('gatewayID');
const K_SEQ = bytes('seq');
const K_CHANGES = bytes('changes');
const K_DEVICE_ID = bytes('deviceID');
const K_STATUS = bytes('status');

/** FNV-1a over bytes [from, to), kept a small integer so Map keys stay unboxed. */
function hashBytes(b: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
  return h & 0x3fffffff;
}

/** The key a gateway ID has in onDelta (the snapshot's gateway IDs are hashed the same way). */
export const gatewayHash = (gatewayID: string): number => {
  const b = bytes(gatewayID);
  return hashBytes(b, 0, b.length);
};

const STATUS_BY_HASH = new Map<number, number>();
for (const [name, value] of Object.entries(DeviceStatus)) {
  const b = bytes(name);
  const h = hashBytes(b, 0, b.length);
  if (STATUS_BY_HASH.has(h)) throw new Error(`delta-scan: status names ${name} collide`);
  STATUS_BY_HASH.set(h, value);
}

export function startsWith(b: Uint8Array, prefix: Uint8Array): boolean {
  if (b.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (b[i] !== prefix[i]) return false;
  return true;
}

function fail(b: Uint8Array, i: number, what: string): never {
  const near = Buffer.from(b.subarray(Math.max(0, i - 40), i + 40)).toString('utf8');
  throw new Error(`delta-scan: ${what} at byte ${i} of a deltas frame (near ${near})`);
}

function expect(b: Uint8Array, i: number, byte: number): number {
  if (b[i] !== byte) fail(b, i, `expected '${String.fromCharCode(byte)}'`);
  return i + 1;
}

/** End of the string whose opening quote is at i (index after its closing quote). */
function skipString(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    const c = b[i];
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return fail(b, i, 'unterminated string');
}

/** End of any JSON value starting at i. */
function skipValue(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === QUOTE) return skipString(b, i);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    while (i < b.length) {
      const d = b[i];
      if (d === QUOTE) {
        i = skipString(b, i);
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return fail(b, i, 'unterminated value');
  }
  while (i < b.length && b[i] !== COMMA && b[i] !== CLOSE_BRACE && b[i] !== CLOSE_BRACKET) i++;
  return i;
}

/** Whether the key whose opening quote is at i is `key` (keys carry no escapes). */
function keyIs(b: Uint8Array, i: number, key: Uint8Array): boolean {
  if (b[i + 1 + key.length] !== QUOTE) return false;
  for (let k = 0; k < key.length; k++) if (b[i + 1 + k] !== key[k]) return false;
  return true;
}

/** Scratch for the integer just read (a second return value without allocating). */
let intValue = 0;

function readUint(b: Uint8Array, i: number): number {
  let v = 0;
  const start = i;
  for (let c = b[i]!; c >= ZERO && c <= NINE; c = b[++i]!) v = v * 10 + (c - ZERO);
  if (i === start) fail(b, i, 'expected an unsigned integer');
  intValue = v;
  return i;
}

/** Index after the key whose opening quote is at i and the colon behind it. */
function keyEnd(b: Uint8Array, i: number): number {
  if (b[i] !== QUOTE) fail(b, i, 'expected a key');
  return expect(b, skipString(b, i), COLON);
}

/** After a member's value: index of the next key, or -1 past the object's closing brace. */
function nextMember(b: Uint8Array, i: number): number {
  if (b[i] === COMMA) return i + 1;
  expect(b, i, CLOSE_BRACE);
  return -1;
}

// Every level of the frame has its own loop and direct calls (no callbacks), so V8 inlines the walk.
// `at` holds the index after the last object walked (a second return value without allocating).
let at = 0;

function scanChange(b: Uint8Array, i: number, to: DeltaTarget): void {
  let deviceID = -1;
  let status = -1;
  i = expect(b, i, OPEN_BRACE);
  if (b[i] === CLOSE_BRACE) fail(b, i, 'an empty change');
  while (i >= 0) {
    const key = i;
    i = keyEnd(b, i);
    if (keyIs(b, key, K_DEVICE_ID)) {
      i = readUint(b, i);
      deviceID = intValue;
    } else if (keyIs(b, key, K_STATUS)) {
      if (b[i] !== QUOTE) fail(b, i, 'expected a status name');
      const end = skipString(b, i);
      const s = STATUS_BY_HASH.get(hashBytes(b, i + 1, end - 1));
      if (s === undefined) fail(b, i, 'unknown status name');
      status = s;
      i = end;
    } else i = skipValue(b, i);
    at = i + 1;
    i = nextMember(b, i);
  }
  if (deviceID < 0 || status < 0) fail(b, at, 'a change without deviceID or status');
  to.onChange(deviceID, status);
}

/** A JSON array of objects, each scanned by `item` (which leaves `at` just past it). */
function scanArray(
  b: Uint8Array,
  i: number,
  to: DeltaTarget,
  item: (b: Uint8Array, i: number, to: DeltaTarget) => void,
): number {
  i = expect(b, i, OPEN_BRACKET);
  if (b[i] === CLOSE_BRACKET) return i + 1;
  for (;;) {
    item(b, i, to);
    i = at;
    if (b[i] === COMMA) i++;
    else return expect(b, i, CLOSE_BRACKET);
  }
}

function scanDelta(b: Uint8Array, i: number, to: DeltaTarget): void {
  let gateway = -1;
  let seq = -1;
  i = expect(b, i, OPEN_BRACE);
  if (b[i] === CLOSE_BRACE) fail(b, i, 'an empty delta');
  while (i >= 0) {
    const key = i;
    i = keyEnd(b, i);
    if (keyIs(b, key, K_GATEWAY_ID)) {
      if (b[i] !== QUOTE) fail(b, i, 'expected a gateway ID');
      const end = skipString(b, i);
      // The snapshot's IDs are hashed decoded: an escaped ID here would not match its own.
      if (b.subarray(i + 1, end - 1).includes(BACKSLASH)) fail(b, i, 'an escaped gateway ID');
      gateway = hashBytes(b, i + 1, end - 1);
      i = end;
    } else if (keyIs(b, key, K_SEQ)) {
      i = readUint(b, i);
      seq = intValue;
    } else if (keyIs(b, key, K_CHANGES)) i = scanArray(b, i, to, scanChange);
    else i = skipValue(b, i);
    at = i + 1;
    i = nextMember(b, i);
  }
  if (gateway < 0 || seq < 0) fail(b, at, 'a delta without gatewayID or seq');
  to.onDelta(gateway, seq);
}

/** Scans a whole `42["deltas",{...}]` frame into `to`. */
export function scanDeltas(b: Uint8Array, to: DeltaTarget): void {
  if (!startsWith(b, DELTAS_PREFIX)) fail(b, 0, 'not a deltas event');
  let i = expect(b, DELTAS_PREFIX.length, OPEN_BRACE);
  if (b[i] !== CLOSE_BRACE)
    while (i >= 0) {
      const key = i;
      i = keyEnd(b, i);
      i = keyIs(b, key, K_DELTAS) ? scanArray(b, i, to, scanDelta) : skipValue(b, i);
      at = i + 1;
      i = nextMember(b, i);
    }
  else at = i + 1;
  expect(b, at, CLOSE_BRACKET);
  if (at + 1 !== b.length) fail(b, at + 1, 'trailing bytes');
}
