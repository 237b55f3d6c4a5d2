/**
 * Row selection that can span the whole filtered set, not just the loaded page: "all matching"
 * remembers the filter it was made under and the rows the user unticked afterwards, so 10,000
 * matching devices never need to be held as a list until an action actually runs.
 */
export type Selection =
  | { kind: 'some'; ids: ReadonlySet<number> }
  | { kind: 'all'; filterKey: string; total: number; excluded: ReadonlySet<number> };

export const emptySelection: Selection = { kind: 'some', ids: new Set() };

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'some' ? selection.ids.has(id) : !selection.excluded.has(id);
}

export function toggle(selection: Selection, id: number): Selection {
  if (selection.kind === 'some') {
    const ids = new Set(selection.ids);
    if (ids.has(id)) ids.delete(id);
    else ids.add(id);
    return { kind: 'some', ids };
  }
  const excluded = new Set(selection.excluded);
  if (excluded.has(id)) excluded.delete(id);
  else excluded.add(id);
  if (excluded.size >= selection.total) return emptySelection;
  return { ...selection, excluded };
}

/** Ticks or unticks every row currently visible (the loaded page). */
export function setMany(
  selection: Selection,
  ids: readonly number[],
  selected: boolean,
): Selection {
  if (selection.kind === 'some') {
    const next = new Set(selection.ids);
    for (const id of ids) {
      if (selected) next.add(id);
      else next.delete(id);
    }
    return { kind: 'some', ids: next };
  }
  const excluded = new Set(selection.excluded);
  for (const id of ids) {
    if (selected) excluded.delete(id);
    else excluded.add(id);
  }
  return { ...selection, excluded };
}

export function selectAllMatching(filterKey: string, total: number): Selection {
  return { kind: 'all', filterKey, total, excluded: new Set() };
}

export function selectedCount(selection: Selection): number {
  return selection.kind === 'some'
    ? selection.ids.size
    : Math.max(0, selection.total - selection.excluded.size);
}

/** A selection made under another filter no longer describes what the user sees: drop it. */
export function reconcileFilter(selection: Selection, filterKey: string): Selection {
  return selection.kind === 'all' && selection.filterKey !== filterKey ? emptySelection : selection;
}

/**
 * The device IDs an action applies to. For "all matching", `allMatchingIds` is the full ID list
 * of the filtered set, fetched from the server when the action runs.
 */
export function resolveSelection(
  selection: Selection,
  allMatchingIds?: readonly number[],
): number[] {
  if (selection.kind === 'some') return [...selection.ids];
  if (!allMatchingIds)
    throw new Error(
      'resolveSelection: the IDs of every matching device are needed for an "all matching" selection',
    );
  return allMatchingIds.filter((id) => !selection.excluded.has(id));
}

/** Whether every one of `ids` is selected (drives the header checkbox). */
export function allSelected(selection: Selection, ids: readonly number[]): boolean {
  return ids.length > 0 && ids.every((id) => isSelected(selection, id));
}
