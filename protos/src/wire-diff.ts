// Compares two protobufjs JSON descriptors at the level that decides wire compatibility.
type Json = { [key: string]: unknown };

interface Flat {
  services: Map<string, Map<string, string>>;
  messages: Map<string, Map<string, string>>;
  enums: Map<string, Map<string, number>>;
}

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' ? (value as Json) : {};
}

/** Resolves a type name written relative to `scope` against the set of known full names. */
function resolve(name: string, scope: string, known: Set<string>): string {
  if (name.startsWith('.')) return name.slice(1);
  const parts = scope.split('.');
  while (parts.length > 0) {
    const candidate = `${parts.join('.')}.${name}`;
    if (known.has(candidate)) return candidate;
    parts.pop();
  }
  return name;
}

function collectNames(node: Json, prefix: string, out: Set<string>): void {
  for (const [key, child] of Object.entries(asObject(node.nested))) {
    const full = prefix ? `${prefix}.${key}` : key;
    out.add(full);
    collectNames(asObject(child), full, out);
  }
}

function flatten(root: Json): Flat {
  const known = new Set<string>();
  collectNames(root, '', known);
  const flat: Flat = { services: new Map(), messages: new Map(), enums: new Map() };
  const walk = (node: Json, prefix: string): void => {
    for (const [key, value] of Object.entries(asObject(node.nested))) {
      const child = asObject(value);
      const full = prefix ? `${prefix}.${key}` : key;
      if (child.methods) {
        const methods = new Map<string, string>();
        for (const [name, m] of Object.entries(asObject(child.methods))) {
          const method = asObject(m);
          const req = resolve(String(method.requestType), full, known);
          const res = resolve(String(method.responseType), full, known);
          methods.set(
            name,
            `(${method.requestStream ? 'stream ' : ''}${req}) returns (${method.responseStream ? 'stream ' : ''}${res})`,
          );
        }
        flat.services.set(full, methods);
      } else if (child.fields) {
        const fields = new Map<string, string>();
        for (const [name, f] of Object.entries(asObject(child.fields))) {
          const field = asObject(f);
          const type = resolve(String(field.type), full, known);
          fields.set(
            name,
            `${field.rule === 'repeated' ? 'repeated ' : ''}${type} = ${String(field.id)}`,
          );
        }
        flat.messages.set(full, fields);
      } else if (child.values) {
        flat.enums.set(
          full,
          new Map(Object.entries(asObject(child.values)).map(([k, v]) => [k, Number(v)])),
        );
      }
      walk(child, full);
    }
  };
  walk(root, '');
  return flat;
}

function compareMaps<V>(
  kind: string,
  owner: string,
  expected: Map<string, V>,
  actual: Map<string, V>,
  out: string[],
): void {
  for (const [name, want] of expected) {
    if (!actual.has(name)) out.push(`missing ${kind} ${owner}.${name}: expected ${String(want)}`);
    else if (actual.get(name) !== want)
      out.push(
        `${kind} ${owner}.${name}: expected ${String(want)}, found ${String(actual.get(name))}`,
      );
  }
  for (const [name, got] of actual) {
    if (!expected.has(name))
      out.push(`extra ${kind} ${owner}.${name}: ${String(got)} is not in the contract`);
  }
}

/** Lists every wire-relevant difference between `contract` and `ours`; empty when identical. */
export function wireDiff(contract: Json, ours: Json): string[] {
  const want = flatten(contract);
  const got = flatten(ours);
  const out: string[] = [];
  const groups: Array<
    [
      string,
      string,
      Map<string, Map<string, string | number>>,
      Map<string, Map<string, string | number>>,
    ]
  > = [
    ['service', 'method', want.services, got.services],
    ['message', 'field', want.messages, got.messages],
    ['enum', 'value', want.enums, got.enums],
  ];
  for (const [kind, memberKind, expected, actual] of groups) {
    for (const [name, members] of expected) {
      const mine = actual.get(name);
      if (!mine) out.push(`missing ${kind} ${name}`);
      else compareMaps(memberKind, name, members, mine, out);
    }
    for (const name of actual.keys())
      if (!expected.has(name)) out.push(`extra ${kind} ${name} is not in the contract`);
  }
  return out;
}
