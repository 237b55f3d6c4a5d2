import { describe, expect, it } from 'vitest';
import { roundOrder } from '../device-list-rounds.ts';

describe('roundOrder', () => {
  it('puts the direct reads (-1) first, between and last in turn, each BFF request once', () => {
    expect(roundOrder(0, 2)).toEqual([-1, 0, 1]);
    expect(roundOrder(1, 2)).toEqual([0, -1, 1]);
    expect(roundOrder(2, 2)).toEqual([0, 1, -1]);
    expect(roundOrder(3, 2)).toEqual([-1, 0, 1]);
    expect(roundOrder(5, 0)).toEqual([-1]);
  });
});
