// Reverse lookup (value → name) for the generated enum consts. Several G-SDK enums alias values
// (ConnectionMode DEFAULT = SERVER_TO_DEVICE = 0, Type ENTRY_MAX = XPASS_S2 = 5); the name declared
// first in the .proto is the canonical one, and the generator keeps declaration order.

export function nameLookup<E extends Record<string, number>>(
  enumConst: E,
): ReadonlyMap<number, keyof E & string> {
  const names = new Map<number, keyof E & string>();
  for (const [name, value] of Object.entries(enumConst)) {
    if (!names.has(value)) names.set(value, name);
  }
  return names;
}
