import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { DeviceRow as Row } from '@cmc/api';
import { allSelected, isSelected, type Selection } from '../../../lib/selection.ts';
import { useLiveState } from '../../../live/live-store.ts';
import type { SortField } from '../api/list-devices.ts';
import { COLUMNS_READONLY, COLUMNS_SELECTABLE, DeviceRow } from './device-row.tsx';
import { observeRectAfterLayout, scrollToAfterLayout } from './observe-rect-after-layout.ts';

const ROW_HEIGHT = 36;
/** The scroll area is as tall as the rows (and the header) need, at most this share of the viewport. */
const VIEWPORT_SHARE = 0.62;
const contentHeight = (rows: number) => rows * ROW_HEIGHT + ROW_HEIGHT;

const HEADERS: Array<{ label: string; sort?: SortField; title?: string }> = [
  { label: 'Device ID', sort: 'deviceID' },
  { label: 'Gateway', sort: 'gatewayID' },
  { label: 'Type', sort: 'type' },
  { label: 'Address', sort: 'IPAddr' },
  { label: 'Status', sort: 'status' },
  { label: 'Mode', sort: 'connectionMode' },
  { label: 'SSL', sort: 'useSSL' },
  { label: 'Last up', sort: 'lastConnectedAt', title: 'Last connected' },
  { label: 'Last down', title: 'Last disconnected' },
  { label: 'Last failure / result' },
];

interface Props {
  rows: readonly Row[];
  selectable: boolean;
  selection: Selection;
  errors: ReadonlyMap<number, string>;
  sort: SortField;
  order: 'asc' | 'desc';
  onSort: (field: SortField) => void;
  onToggle: (deviceID: number) => void;
  onTogglePage: (selected: boolean) => void;
}

/** Virtualised: only the rows in view (plus a few) exist in the DOM, so 10,000 rows scroll smoothly. */
export function DeviceTable({
  rows,
  selectable,
  selection,
  errors,
  sort,
  order,
  onSort,
  onToggle,
  onTogglePage,
}: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The live channel knows a gateway left or rejoined before the list is read again.
  const gatewayConnected = useLiveState((s) => s.gatewayConnected);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]?.deviceID ?? index,
    // The size the style below gives the scroll area, known without a layout; the observer then
    // reports the size as laid out.
    initialRect: {
      width: 0,
      height: Math.min(window.innerHeight * VIEWPORT_SHARE, contentHeight(rows.length)),
    },
    observeElementRect: observeRectAfterLayout,
    scrollToFn: scrollToAfterLayout,
  });
  const ids = rows.map((r) => r.deviceID);
  const pageAll = selectable && allSelected(selection, ids);

  return (
    <div className="vt" role="grid" aria-rowcount={rows.length + 1} aria-label="Devices">
      <div
        className="vt-scroll"
        ref={scrollRef}
        tabIndex={0}
        aria-label="Device rows, scrollable"
        // As tall as the rows need, at most most of the viewport; it scrolls beyond that.
        style={{ height: `min(${VIEWPORT_SHARE * 100}vh, ${contentHeight(rows.length)}px)` }}
      >
        <div
          className="vt-head"
          role="row"
          style={{ gridTemplateColumns: selectable ? COLUMNS_SELECTABLE : COLUMNS_READONLY }}
        >
          {selectable ? (
            <span role="columnheader">
              <input
                type="checkbox"
                checked={pageAll}
                onChange={(e) => onTogglePage(e.target.checked)}
                aria-label="Select every device on this page"
              />
            </span>
          ) : null}
          {HEADERS.map((h) => (
            <span
              key={h.label}
              role="columnheader"
              title={h.title}
              aria-sort={
                h.sort && h.sort === sort
                  ? order === 'asc'
                    ? 'ascending'
                    : 'descending'
                  : undefined
              }
            >
              {h.sort ? (
                <button type="button" onClick={() => onSort(h.sort as SortField)}>
                  {h.label}
                  {h.sort === sort ? (order === 'asc' ? ' ▲' : ' ▼') : ''}
                </button>
              ) : (
                h.label
              )}
            </span>
          ))}
        </div>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="rowgroup">
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <DeviceRow
                key={row.deviceID}
                row={row}
                top={item.start}
                selectable={selectable}
                selected={selectable && isSelected(selection, row.deviceID)}
                error={errors.get(row.deviceID)}
                gatewayOffline={
                  gatewayConnected[row.gatewayID] === undefined
                    ? row.gatewayOffline === true
                    : !gatewayConnected[row.gatewayID]
                }
                onToggle={onToggle}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
