// Checks an answer against its route's response schema. A long list is checked on its first items
// when that proves the same: an answer from a BFF of another version differs in every item, and
// checking each of a 10,000-row device list cost 80-150 ms of the Devices page's start
// (bench/README.md, "Boot of the Devices page"). The sample's checked form must equal the sample
// as sent (no defaults, transforms or stripped keys); otherwise the whole answer is checked.
import type { z } from 'zod';

/** Items of a top-level list checked when the answer is sampled. */
export const SAMPLED_ITEMS = 50;

/** The answer with each top-level array longer than SAMPLED_ITEMS cut to its first items, or null. */
function sampleOf(body: unknown): Record<string, unknown> | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  let sample: Record<string, unknown> | null = null;
  for (const [key, value] of Object.entries(body)) {
    if (!Array.isArray(value) || value.length <= SAMPLED_ITEMS) continue;
    sample ??= { ...(body as Record<string, unknown>) };
    sample[key] = value.slice(0, SAMPLED_ITEMS);
  }
  return sample;
}

/** Equal as JSON values, whatever the order of object keys. */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return keysA.every((k) => Object.hasOwn(rb, k) && sameValue(ra[k], rb[k]));
}

export function checkAnswer(schema: z.ZodType, body: unknown): ReturnType<z.ZodType['safeParse']> {
  const sample = sampleOf(body);
  if (sample) {
    const checked = schema.safeParse(sample);
    if (!checked.success) return checked;
    if (sameValue(checked.data, sample)) return { success: true, data: body };
  }
  return schema.safeParse(body);
}
