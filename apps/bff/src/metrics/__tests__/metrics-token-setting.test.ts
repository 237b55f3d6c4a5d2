import { describe, expect, it } from 'vitest';
import { readEnv, SettingError } from '../../env.ts';

describe('METRICS_TOKEN setting', () => {
  it('is optional', () => {
    expect(readEnv({}).METRICS_TOKEN).toBeUndefined();
  });

  it('takes a token of 16-256 printable characters', () => {
    expect(readEnv({ METRICS_TOKEN: 'abcdefghijklmnop' }).METRICS_TOKEN).toBe('abcdefghijklmnop');
  });

  it('refuses a short or spaced token without echoing it', () => {
    for (const bad of ['short-secret', 'has a space in the middle']) {
      let error: unknown;
      try {
        readEnv({ METRICS_TOKEN: bad });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SettingError);
      const message = (error as Error).message;
      expect(message).toMatch(/^Invalid setting METRICS_TOKEN: must be 16-256 printable/);
      expect(message).toContain(`(got ${bad.length} characters)`);
      expect(message).not.toContain(bad);
    }
  });
});
