import { describe, expect, it } from 'vitest';
import {
  allSelected,
  emptySelection,
  isSelected,
  reconcileFilter,
  resolveSelection,
  selectAllMatching,
  selectedCount,
  setMany,
  toggle,
} from '../selection.ts';

describe('selection across the filtered set', () => {
  it('toggles single rows', () => {
    let s = toggle(emptySelection, 5);
    s = toggle(s, 7);
    s = toggle(s, 5);
    expect(resolveSelection(s)).toEqual([7]);
    expect(selectedCount(s)).toBe(1);
  });

  it('"all matching" counts the whole filtered set and remembers exclusions', () => {
    let s = selectAllMatching('f1', 10_000);
    expect(selectedCount(s)).toBe(10_000);
    expect(isSelected(s, 123456)).toBe(true); // a row never loaded is selected too
    s = toggle(s, 3);
    expect(selectedCount(s)).toBe(9_999);
    expect(isSelected(s, 3)).toBe(false);
    const all = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const ids = resolveSelection(s, all);
    expect(ids).toHaveLength(9_999);
    expect(ids).not.toContain(3);
  });

  it('needs the full ID list to resolve "all matching"', () => {
    expect(() => resolveSelection(selectAllMatching('f', 3))).toThrow(/every matching device/);
  });

  it('drops an "all matching" selection when the filter changes, keeps explicit picks', () => {
    expect(reconcileFilter(selectAllMatching('a', 5), 'b')).toBe(emptySelection);
    const some = toggle(emptySelection, 1);
    expect(reconcileFilter(some, 'b')).toBe(some);
  });

  it('page checkbox selects and unselects the visible rows in both modes', () => {
    let s = setMany(emptySelection, [1, 2, 3], true);
    expect(allSelected(s, [1, 2, 3])).toBe(true);
    s = setMany(s, [2], false);
    expect(allSelected(s, [1, 2, 3])).toBe(false);
    let all = selectAllMatching('f', 50);
    all = setMany(all, [1, 2], false);
    expect(selectedCount(all)).toBe(48);
    all = setMany(all, [1], true);
    expect(selectedCount(all)).toBe(49);
  });

  it('unticking every row of an "all matching" selection empties it', () => {
    let s = selectAllMatching('f', 2);
    s = toggle(s, 1);
    s = toggle(s, 2);
    expect(s).toBe(emptySelection);
  });
});
