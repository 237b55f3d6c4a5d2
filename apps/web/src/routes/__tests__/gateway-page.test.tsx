import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { GatewayPage } from '../gateway-page.tsx';
import type { GatewaySelection } from '../use-gateway-param.ts';

const selection = (over: Partial<GatewaySelection>): GatewaySelection => ({
  gatewayID: '',
  setGatewayID: () => {},
  gateways: [],
  pending: false,
  ...over,
});

const page = (s: GatewaySelection) =>
  renderToStaticMarkup(
    <GatewayPage title="Connect a device" description="Once." selection={s}>
      {(gatewayID) => <form data-gateway={gatewayID}>the form</form>}
    </GatewayPage>,
  );

describe('GatewayPage', () => {
  it('renders no body while there is no gateway: loading, then "no gateway to show"', () => {
    const loading = page(selection({ pending: true }));
    expect(loading).toContain('Connect a device');
    expect(loading).toContain('Loading gateways…');
    expect(loading).not.toContain('the form');
    const none = page(selection({}));
    expect(none).toContain('There is no gateway to show.');
    expect(none).not.toContain('the form');
  });

  it('renders the body for the chosen gateway', () => {
    const html = page(selection({ gatewayID: 'gateway2' }));
    expect(html).toContain('data-gateway="gateway2"');
    expect(html).not.toContain('No gateway');
  });
});
