import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { DeviceRow as Row } from '@cmc/api';
import { deviceTypeLabels, productTypeNames } from '@cmc/api';
import { DeviceFilters } from '../components/device-filters.tsx';
import { DeviceRow } from '../components/device-row.tsx';

interface Option {
  value: string;
  label: string;
}

function unescape(html: string): string {
  return html
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The options of the rendered "Type" select, in the order the user sees them. */
function typeOptions(): Option[] {
  const html = renderToStaticMarkup(
    <DeviceFilters filter={{}} gateways={['gateway1']} onChange={() => {}} />,
  );
  const select = /<label for="([^"]+)">Type<\/label><select id="\1"[^>]*>(.*?)<\/select>/.exec(
    html,
  );
  if (!select) throw new Error('no select labelled "Type" in the filter bar');
  return [...select[2]!.matchAll(/<option value="([^"]*)"[^>]*>(.*?)<\/option>/g)].map((m) => ({
    value: unescape(m[1]!),
    label: unescape(m[2]!),
  }));
}

/** The text of the type cell of a device row of this type, as the Devices page shows it. */
function rowTypeCell(type: string): string {
  const row: Row = {
    deviceID: 846,
    gatewayID: 'gateway1',
    type,
    IPAddr: '192.168.0.40',
    port: 51211,
    status: 'TCP_CONNECTED',
    connectionMode: 'SERVER_TO_DEVICE',
    useSSL: false,
    autoReconnect: true,
  };
  const html = renderToStaticMarkup(
    <MemoryRouter>
      <DeviceRow
        row={row}
        top={0}
        selectable={false}
        selected={false}
        error={undefined}
        onToggle={() => {}}
      />
    </MemoryRouter>,
  );
  // Cells: ID, gateway, type, …; each opens with `<span role="gridcell"`.
  const cell = html.split('<span role="gridcell"')[3];
  if (cell === undefined) throw new Error('device row has no type cell');
  return unescape(cell.replace(/^[^>]*>/, '').replace(/<[^>]+>/g, ''));
}

describe('device type filter', () => {
  const [any, ...types] = typeOptions();

  it('starts with "Any type", which filters nothing', () => {
    expect(any).toEqual({ value: '', label: 'Any type' });
  });

  it('offers every product type exactly once, by its canonical name', () => {
    // The gsdk package's names test checks productTypeNames against device.proto (one name per value).
    const values = types.map((t) => t.value);
    expect(new Set(values).size).toBe(values.length);
    expect([...values].sort()).toEqual([...productTypeNames].sort());
    expect(values.length).toBe(Object.keys(deviceTypeLabels).length - 3);
    expect(values).toContain('XPASS_S2');
    expect(values).not.toContain('ENTRY_MAX');
    expect(values).not.toContain('UNDEFINED');
    expect(values).not.toContain('UNKNOWN');
  });

  it('gives each type a label of its own, sorted by label', () => {
    const labels = types.map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
  });

  it('labels each type exactly as the device rows show it', () => {
    expect(types.length).toBeGreaterThan(0);
    for (const { value, label } of types)
      expect({ value, label: rowTypeCell(value) }).toEqual({ value, label });
  });

  it('uses the product names, not a second spelling of the type codes', () => {
    expect(types).toContainEqual({ value: 'DOOR_MODULE_20', label: 'DM-20 Door Module' });
    expect(types).toContainEqual({ value: 'RS485_SLAVE', label: 'RS-485 Slave Device' });
    expect(types).toContainEqual({ value: 'BIOSTATION_2A', label: 'BioStation 2a' });
    expect(types).toContainEqual({ value: 'XPASS_D2_REV', label: 'XPass D2 (Rev)' });
  });
});
