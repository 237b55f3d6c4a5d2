// The type filter's choices: every product type once, in the order localeCompare gives its labels.
import { describe, expect, it } from 'vitest';
import { productTypeNames } from '@cmc/api';
import { deviceTypeOptions } from '../device-types.ts';

describe('deviceTypeOptions', () => {
  it('lists every product type once, sorted as localeCompare sorts the labels', () => {
    const options = deviceTypeOptions();
    expect(options.map((o) => o.value).sort()).toEqual([...productTypeNames].sort());
    const labels = options.map((o) => o.label);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });
});
