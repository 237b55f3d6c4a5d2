import { describe, expect, it } from 'vitest';
import { topSelfTime, type CpuProfile } from '../cpu-profile.ts';

describe('topSelfTime', () => {
  it('sums sample time per function and ranks it', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 } },
        {
          id: 2,
          callFrame: {
            functionName: 'encode',
            url: 'file:///a/node_modules/.pnpm/socket.io-parser@4/node_modules/socket.io-parser/index.js',
            lineNumber: 9,
          },
        },
        { id: 3, callFrame: { functionName: 'apply', url: 'file:///repo/live.ts', lineNumber: 0 } },
      ],
      samples: [2, 2, 3, 2],
      // Each sample lasts until the next one: the last has no duration.
      timeDeltas: [0, 1000, 1000, 1000],
      startTime: 0,
      endTime: 5000,
    };
    const top = topSelfTime(profile);
    expect(top[0]).toMatchObject({ fn: 'encode', where: 'socket.io-parser/index.js:10', ms: 2 });
    expect(top[1]).toMatchObject({ fn: 'apply', ms: 1 });
    expect(top[0]!.percent).toBeCloseTo(66.67, 1);
  });

  it('keeps only the samples inside a window of seconds from the start', () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: 'early', url: '', lineNumber: 0 } },
        { id: 2, callFrame: { functionName: 'late', url: '', lineNumber: 0 } },
      ],
      samples: [1, 2, 2],
      timeDeltas: [0, 2_000_000, 500_000],
      startTime: 0,
      endTime: 3_000_000,
    };
    expect(topSelfTime(profile, 5, { from: 1, to: 3 }).map((t) => t.fn)).toEqual(['late']);
  });
});
