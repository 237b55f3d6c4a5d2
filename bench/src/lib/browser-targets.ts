// The browser scenario's summary entries: issue 6's at 10,000 devices, issue 12's at 100,000.
import { entry, type SummaryEntry } from './results.ts';
import type { Distribution } from './stats.ts';
import type { Watch } from './page-measures.ts';

export interface BrowserFigures {
  paged: boolean;
  label: string;
  totalText: string;
  loads: number;
  usable: Distribution;
  api: Distribution;
  filtered: Distribution;
  busy: Watch;
  idle: Watch;
  initialKB: number;
  allKB: number;
}

export function browserTargets(a: BrowserFigures): SummaryEntry[] {
  return a.paged
    ? [
        entry({
          name: `Devices page usable: first rows shown, default page of ${a.totalText} (p50 of ${a.loads}) ${a.label}`,
          measured: a.usable.p50,
          unit: 'ms',
          target: '<= 1000',
          baseline: a.api.p50,
          baselineIs: 'the list API answered (same loads)',
          met: a.usable.p50 <= 1000,
        }),
        entry({
          name: `Devices page usable: status filter picked -> filtered rows shown (p50 of ${a.loads}) ${a.label}`,
          measured: a.filtered.p50,
          unit: 'ms',
          target: '<= 1000',
          baseline: a.usable.p50,
          baselineIs: 'first rows shown after navigation (same loads)',
          met: a.filtered.p50 <= 1000,
        }),
        entry({
          name: `longest task at 1,000 changes/s ${a.label}`,
          measured: a.busy.maxLongTaskMs,
          unit: 'ms',
          target: '<= 50',
          baseline: a.idle.maxLongTaskMs,
          baselineIs: 'longest task, same page idle (0 = none)',
          met: a.busy.maxLongTaskMs <= 50,
        }),
        entry({
          name: 'initial JS gzipped (issue 12 limit)',
          measured: a.initialKB,
          unit: 'KB',
          target: '<= 150',
          baseline: a.allKB,
          baselineIs: 'all JS of the build gzipped',
          met: a.initialKB <= 150,
        }),
      ]
    : [
        // Issue 6's promise is every load within 1.5 s, so the slowest load is the figure checked
        // (the table above prints the p50 beside it).
        entry({
          name: `Devices page usable with ${a.totalText} rows (slowest of ${a.loads} loads) ${a.label}`,
          measured: a.usable.max,
          unit: 'ms',
          target: '<= 1500',
          baseline: a.usable.p50,
          baselineIs: 'p50 of the same loads',
          met: a.usable.max <= 1500,
        }),
        entry({
          name: `longest task at 1,000 changes/s ${a.label}`,
          measured: a.busy.maxLongTaskMs,
          unit: 'ms',
          target: '<= 100',
          baseline: a.idle.maxLongTaskMs,
          baselineIs: 'longest task, same page idle (0 = none)',
          met: a.busy.maxLongTaskMs <= 100,
        }),
        entry({
          name: 'initial JS gzipped',
          measured: a.initialKB,
          unit: 'KB',
          target: '<= 200',
          baseline: a.allKB,
          baselineIs: 'all JS of the build gzipped',
          met: a.initialKB <= 200,
        }),
      ];
}
