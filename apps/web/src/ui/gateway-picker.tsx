import { SelectField } from './field.tsx';

/** Which gateway a per-gateway page works on; kept in the URL by the route. */
export function GatewayPicker({
  gateways,
  value,
  onChange,
}: {
  gateways: ReadonlyArray<{ gatewayID: string; connected: boolean }>;
  value: string;
  onChange: (gatewayID: string) => void;
}) {
  return (
    <div style={{ minWidth: 220 }}>
      <SelectField
        label="Gateway"
        value={value}
        onChange={onChange}
        options={[
          ...(value === '' ? [{ value: '', label: 'Choose a gateway…' }] : []),
          ...gateways.map((g) => ({
            value: g.gatewayID,
            label: `${g.gatewayID}${g.connected ? '' : ' (disconnected)'}`,
          })),
        ]}
      />
    </div>
  );
}
