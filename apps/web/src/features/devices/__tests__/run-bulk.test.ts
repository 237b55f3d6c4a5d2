import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api-error.ts';
import { planChunks, runBulk } from '../api/run-bulk.ts';

describe('bulk actions', () => {
  it('groups by gateway and splits into API-sized chunks', () => {
    const refs = [
      ...Array.from({ length: 2500 }, (_, i) => ({ deviceID: i + 1, gatewayID: 'g1' })),
      { deviceID: 9001, gatewayID: 'g2' },
    ];
    const chunks = planChunks(refs);
    expect(chunks.map((c) => [c.gatewayID, c.deviceIDs.length])).toEqual([
      ['g1', 1000],
      ['g1', 1000],
      ['g1', 500],
      ['g2', 1],
    ]);
  });

  it("keeps each device's own error from Multi results and fails every device of a refused call", async () => {
    const command = vi.fn(async (gatewayID: string, ids: number[]) => {
      if (gatewayID === 'g2')
        throw new ApiError({
          status: 503,
          title: 'Unavailable',
          detail: 'gateway g2 is not connected',
        });
      return {
        results: ids.map((id) =>
          id === 2
            ? { deviceID: id, ok: false, code: 5, message: 'device is not connected' }
            : { deviceID: id, ok: true },
        ),
        succeeded: ids.length - 1,
        failed: 1,
      };
    });
    const progress: number[] = [];
    const outcome = await runBulk(
      [
        { deviceID: 1, gatewayID: 'g1' },
        { deviceID: 2, gatewayID: 'g1' },
        { deviceID: 3, gatewayID: 'g2' },
      ],
      command,
      (done) => progress.push(done),
    );
    expect(outcome.succeeded).toBe(1);
    expect([...outcome.failures]).toEqual([
      [2, 'device is not connected'],
      [3, 'gateway g2 is not connected'],
    ]);
    expect(progress).toEqual([2, 3]);
  });

  it('counts plain { ok } answers as success for every device sent', async () => {
    const outcome = await runBulk(
      [
        { deviceID: 1, gatewayID: 'g' },
        { deviceID: 2, gatewayID: 'g' },
      ],
      async () => ({ ok: true }),
    );
    expect(outcome).toEqual({ succeeded: 2, failures: new Map() });
  });
});
