import { Counter, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LabelTally } from '../label-tally.ts';

async function values(registry: Registry): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric('t_changes_total')!.get();
  return Object.fromEntries(metric.values.map((v) => [String(v.labels.gateway), v.value]));
}

describe('LabelTally', () => {
  it('adds what was counted to the counter at each scrape, once', async () => {
    const registry = new Registry();
    const tally = new LabelTally('gateway');
    new Counter({
      name: 't_changes_total',
      help: 'test',
      labelNames: ['gateway'],
      registers: [registry],
      collect() {
        tally.drainInto(this);
      },
    });
    tally.add('gw-1');
    tally.add('gw-1');
    tally.add('gw-2');
    expect(await values(registry)).toEqual({ 'gw-1': 2, 'gw-2': 1 });
    // A second scrape with nothing new counted adds nothing.
    expect(await values(registry)).toEqual({ 'gw-1': 2, 'gw-2': 1 });
    tally.add('gw-1');
    expect(await values(registry)).toEqual({ 'gw-1': 3, 'gw-2': 1 });
    expect(await registry.metrics()).toContain('t_changes_total{gateway="gw-1"} 3');
  });
});
