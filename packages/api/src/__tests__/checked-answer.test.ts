// Long answers checked on a sample (client/checked-answer.ts): the same verdict as checking every
// item whenever the sample can give it, the whole answer checked whenever it cannot.
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { checkAnswer, SAMPLED_ITEMS } from '../client/checked-answer.ts';
import { deviceList, type DeviceRow } from '../devices.ts';

const row = (deviceID: number): DeviceRow => ({
  deviceID,
  gatewayID: 'gateway1',
  type: 'BIOSTATION_L2',
  IPAddr: '10.0.0.1',
  port: 51211,
  status: 'TCP_CONNECTED',
  connectionMode: 'SERVER_TO_DEVICE',
  useSSL: false,
  autoReconnect: true,
});

const answer = (n: number) => ({
  items: Array.from({ length: n }, (_, i) => row(i + 1)),
  total: n,
  page: 1,
  pageSize: 10_000,
  unavailableGateways: [],
});

describe('checkAnswer', () => {
  it('checks only the first items of a long list, and hands back the answer itself', () => {
    const body = answer(5000);
    const spy = vi.spyOn(deviceList, 'safeParse');
    const checked = checkAnswer(deviceList, body);
    expect(checked.success).toBe(true);
    expect(checked.data).toBe(body);
    expect(spy).toHaveBeenCalledTimes(1);
    expect((spy.mock.calls[0]![0] as { items: unknown[] }).items).toHaveLength(SAMPLED_ITEMS);
    spy.mockRestore();
  });

  it('samples answers whose keys come in another order than the schema’s', () => {
    const body = answer(5000);
    body.items = body.items.map(
      (r) => Object.fromEntries(Object.entries(r).reverse()) as DeviceRow,
    );
    const spy = vi.spyOn(deviceList, 'safeParse');
    expect(checkAnswer(deviceList, body).data).toBe(body);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
  });

  it('refuses an answer of another shape from its first items', () => {
    const body = answer(5000) as { items: unknown[] };
    body.items = body.items.map((r) => ({ ...(r as object), status: 3 }));
    const checked = checkAnswer(deviceList, body);
    expect(checked.success).toBe(false);
    expect(checked.error?.issues[0]?.path).toEqual(['items', 0, 'status']);
  });

  it('checks the whole answer when the check would change the sample (defaults, stripped keys)', () => {
    const withDefault = z.object({
      items: z.array(z.object({ id: z.number(), tag: z.string().default('none') })),
    });
    const body = { items: Array.from({ length: 200 }, (_, id) => ({ id })) };
    const checked = checkAnswer(withDefault, body);
    expect(checked.success).toBe(true);
    expect(checked.data).not.toBe(body);
    expect((checked.data as z.output<typeof withDefault>).items[199]?.tag).toBe('none');
    // An unknown key would be stripped by the schema: the answer is checked (and stripped) whole.
    const extra = answer(100) as { items: Array<Record<string, unknown>> };
    extra.items = extra.items.map((r) => ({ ...r, unknownKey: 1 }));
    const stripped = checkAnswer(deviceList, extra);
    expect(stripped.success).toBe(true);
    expect((stripped.data as { items: object[] }).items[99]).not.toHaveProperty('unknownKey');
  });

  it('does not sample short lists, and checks answers that are not objects whole', () => {
    const body = answer(SAMPLED_ITEMS);
    const spy = vi.spyOn(deviceList, 'safeParse');
    expect(checkAnswer(deviceList, body).success).toBe(true);
    expect((spy.mock.calls[0]![0] as { items: unknown[] }).items).toHaveLength(SAMPLED_ITEMS);
    spy.mockRestore();
    expect(checkAnswer(z.array(z.number()), [1, 2, 'x']).success).toBe(false);
  });
});
