import { describe, expect, it } from 'vitest';
import { filterKey, paramsFromSearch, searchFromParams } from '../url-state.ts';

describe('devices view <-> URL', () => {
  it('round-trips a filtered, sorted, paged view', () => {
    const search = new URLSearchParams(
      'gateway=gw2&status=TCP_CONNECTED,TLS_CONNECTED&mode=DEVICE_TO_SERVER&ssl=false&type=BIOSTATION_L2&q=192.168.&sort=IPAddr&order=desc&page=3&pageSize=100',
    );
    const params = paramsFromSearch(search);
    expect(params).toEqual({
      gatewayID: 'gw2',
      status: ['TCP_CONNECTED', 'TLS_CONNECTED'],
      mode: 'DEVICE_TO_SERVER',
      ssl: false,
      type: ['BIOSTATION_L2'],
      q: '192.168.',
      sort: 'IPAddr',
      order: 'desc',
      page: 3,
      pageSize: 100,
    });
    expect(paramsFromSearch(searchFromParams(params))).toEqual(params);
  });

  it('falls back to defaults for hand-edited nonsense instead of sending it to the server', () => {
    const params = paramsFromSearch(
      new URLSearchParams('status=BOGUS&mode=SIDEWAYS&ssl=maybe&sort=password&page=-2&pageSize=77'),
    );
    expect(params).toMatchObject({
      status: undefined,
      mode: undefined,
      ssl: undefined,
      sort: 'deviceID',
      order: 'asc',
      page: 1,
      pageSize: 1000,
    });
    expect(searchFromParams(params).toString()).toBe('');
  });

  it('identifies the filtered set apart from its page and order', () => {
    const a = paramsFromSearch(new URLSearchParams('gateway=g1&page=1'));
    const b = paramsFromSearch(new URLSearchParams('gateway=g1&page=4&sort=status&order=desc'));
    const c = paramsFromSearch(new URLSearchParams('gateway=g2'));
    expect(filterKey(a)).toBe(filterKey(b));
    expect(filterKey(a)).not.toBe(filterKey(c));
  });
});
