import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import type { DeviceDetail, DeviceRow as Row } from '@cmc/api';
import { DeviceRow } from '../components/device-row.tsx';
import { DeviceSettings } from '../components/device-settings.tsx';

// Rows arrive without labels and without the facts the BFF has not seen; the UI fills both in.
const bare: Row = {
  deviceID: 846,
  gatewayID: 'gateway1',
  type: 'XPASS_D2_KEYPAD',
  IPAddr: '192.168.0.40',
  port: 51211,
  status: 'TCP_NOT_ALLOWED',
  connectionMode: 'DEVICE_TO_SERVER',
  useSSL: false,
  autoReconnect: true,
};
const withFacts: Row = {
  ...bare,
  type: 'BIOSTATION_L2',
  status: 'TLS_CONNECTED',
  lastConnectedAt: '2023-11-14T22:13:20.000Z',
  lastDisconnectedAt: '2023-11-14T22:10:00.000Z',
  lastFailure: 'TCP_NOT_ALLOWED',
  flapping: true,
};

function cells(row: Row): string[] {
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
  // Each cell opens with `<span role="gridcell"`; nested spans put their class first.
  return html
    .split('<span role="gridcell"')
    .slice(1)
    .map((part) => part.replace(/^[^>]*>/, '').replace(/<[^>]+>/g, ''));
}

function settings(device: Row): string {
  const detail: DeviceDetail = {
    device,
    asyncConnection: { session: null, db: null },
    acceptedByFilter: { session: false, db: false },
    slaves: { session: null, db: null },
  };
  return renderToStaticMarkup(
    <MemoryRouter>
      <DeviceSettings detail={detail} />
    </MemoryRouter>,
  );
}

describe('device row', () => {
  it('shows the product name for the type code', () => {
    const [, , type] = cells(bare);
    expect(type).toBe('XPass D2 Keypad');
    expect(cells(withFacts)[2]).toBe('BioStation L2');
  });

  it('shows a type the console does not know as its code', () => {
    expect(cells({ ...bare, type: 'UNKNOWN_250' })[2]).toBe('UNKNOWN_250');
  });

  it('shows dashes and no flapping mark while the facts are omitted', () => {
    const c = cells(bare);
    expect(c[4]).toBe('Not allowed');
    expect(c[7]).toBe('—');
    expect(c[8]).toBe('—');
    expect(c[9]).toBe('');
  });

  it('shows the facts when the row has them', () => {
    const c = cells(withFacts);
    expect(c[4]).toBe('Connected (TLS)↯');
    expect(c[7]).toMatch(/ago$/);
    expect(c[8]).toMatch(/ago$/);
    expect(c[9]).toMatch(/accept filter/);
  });
});

describe('device settings', () => {
  it('shows the product name, and dashes for omitted facts', () => {
    const html = settings(bare);
    expect(html).toContain('<dd>XPass D2 Keypad</dd>');
    expect(html).not.toContain('Flapping');
    expect(html).toMatch(/<dt>Last connected<\/dt><dd title="—">—<\/dd>/);
    expect(html).toMatch(/<dt>Last failure<\/dt><dd>—<\/dd>/);
  });

  it('shows flapping and the last failure when present', () => {
    const html = settings(withFacts);
    expect(html).toContain('<dd>BioStation L2</dd>');
    expect(html).toContain('Flapping');
    // In words from the one status table, without the wire name.
    expect(html).toMatch(/<dt>Last failure<\/dt><dd>Not allowed — [^<]*accept filter[^<]*<\/dd>/);
    expect(html).not.toContain('TCP_NOT_ALLOWED');
  });
});
