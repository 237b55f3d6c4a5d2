// Display names and notes an administrator gives a device (stored by the console, not the master).
import { z } from 'zod';
import { deviceID, isoTime, UINT32_MAX } from './common.ts';

export const DEVICE_NAME_MAX = 64;
export const DEVICE_NOTES_MAX = 1000;

// C0/C1 control characters and the Unicode bidirectional controls (which can make a name read
// differently from what it is, "Trojan Source"), plus zero-width and line/paragraph separators.
// Notes may hold line breaks and tabs; names may not.
function hasHidden(text: string, allowBreaks: boolean): boolean {
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20) {
      if (allowBreaks && (c === 0x0a || c === 0x09)) continue;
      return true;
    }
    if (
      (c >= 0x7f && c <= 0x9f) ||
      c === 0x061c ||
      (c >= 0x200b && c <= 0x200f) ||
      (c >= 0x2028 && c <= 0x202e) ||
      (c >= 0x2066 && c <= 0x2069) ||
      c === 0xfeff
    )
      return true;
  }
  return false;
}

const codePoints = (s: string) => [...s].length;

export const deviceName = z
  .string({ message: 'must be text' })
  .transform((s) => s.trim())
  .pipe(
    z
      .string()
      .refine((s) => s.length > 0, { message: 'must not be empty' })
      .refine((s) => codePoints(s) <= DEVICE_NAME_MAX, {
        message: `must be at most ${DEVICE_NAME_MAX} characters`,
      })
      .refine((s) => !hasHidden(s, false), {
        message: 'must not contain control or text-direction characters',
      }),
  );

export const deviceNotes = z
  .string({ message: 'must be text' })
  .transform((s) => s.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .refine((s) => codePoints(s) <= DEVICE_NOTES_MAX, {
        message: `must be at most ${DEVICE_NOTES_MAX} characters`,
      })
      .refine((s) => !hasHidden(s, true), {
        message: 'must not contain control or text-direction characters (line breaks are fine)',
      }),
  );

export const deviceLabel = z.object({
  deviceID,
  name: z.string(),
  /** '' when none. */
  notes: z.string(),
  updatedAt: isoTime,
  /** Console user who made the last change. */
  updatedBy: z.string(),
});
export type DeviceLabel = z.infer<typeof deviceLabel>;

export const setDeviceLabelRequest = z.object({
  name: deviceName,
  notes: deviceNotes.optional().default(''),
});
export type SetDeviceLabelRequest = z.input<typeof setDeviceLabelRequest>;

/** `deviceIDs` limits the answer to those devices (comma-separated); absent = every visible label. */
export const deviceLabelsQuery = z.object({
  deviceIDs: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',') : undefined))
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^\d{1,10}$/, { message: 'must be device IDs (digits) separated by commas' })
            .transform(Number)
            .pipe(z.number().int().min(1).max(UINT32_MAX, { message: 'must be device IDs' })),
        )
        .max(1000, { message: 'must list at most 1000 device IDs' })
        .optional(),
    ),
});
export type DeviceLabelsQuery = z.input<typeof deviceLabelsQuery>;

export const deviceLabelList = z.object({ labels: z.array(deviceLabel) });
export type DeviceLabelList = z.infer<typeof deviceLabelList>;
