import type { z } from 'zod';

/** zod issues -> { "path.to.field": "message" } (first message per field), for form field messages. */
export function zodFieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** Parses a form; returns the value or the field messages. */
export function validate<T>(
  schema: z.ZodType<T>,
  input: unknown,
): { ok: true; value: T } | { ok: false; errors: Record<string, string> } {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: zodFieldErrors(result.error) };
}

/** A text box's number: '' stays '' so "is required" is reported rather than 0. */
export function numberOrText(text: string): number | string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}
