import { useEffect, useId, useState } from 'react';
import {
  connectedStatuses,
  deviceStatusNames,
  failureStatuses,
  type ConnectionMode,
  type DeviceStatus,
} from '@cmc/api';
import { deviceTypeOptions } from '../../../lib/device-types.ts';
import { statusDisplay } from '../../../lib/device-status.ts';
import { SelectField } from '../../../ui/field.tsx';

export interface DeviceFilter {
  gatewayID?: string | undefined;
  status?: DeviceStatus[] | undefined;
  mode?: ConnectionMode | undefined;
  ssl?: boolean | undefined;
  type?: string[] | undefined;
  q?: string | undefined;
}

const STATUS_OPTIONS = [
  { value: '', label: 'Any status' },
  { value: connectedStatuses.join(','), label: 'Connected (any)' },
  { value: failureStatuses.join(','), label: 'Failing (any)' },
  ...deviceStatusNames.map((s) => ({ value: s, label: statusDisplay(s).label })),
];

const TYPE_OPTIONS = [{ value: '', label: 'Any type' }, ...deviceTypeOptions()];

interface Props {
  filter: DeviceFilter;
  gateways: readonly string[];
  onChange: (filter: DeviceFilter) => void;
}

export function DeviceFilters({ filter, gateways, onChange }: Props) {
  const searchId = useId();
  const [text, setText] = useState(filter.q ?? '');
  // Typing should not fire a request per key stroke.
  useEffect(() => {
    if ((filter.q ?? '') === text) return;
    const timer = setTimeout(() => onChange({ ...filter, q: text || undefined }), 300);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  return (
    <div className="toolbar" role="search" aria-label="Filter devices">
      <div className="field" style={{ minWidth: 220 }}>
        <label htmlFor={searchId}>Search ID, name or IP</label>
        <input
          id={searchId}
          className="input"
          type="search"
          placeholder="e.g. 5441 or 192.168.0."
          value={text}
          maxLength={100}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <SelectField
        label="Gateway"
        value={filter.gatewayID ?? ''}
        onChange={(v) => onChange({ ...filter, gatewayID: v || undefined })}
        options={[
          { value: '', label: 'All gateways' },
          ...gateways.map((g) => ({ value: g, label: g })),
        ]}
      />
      <SelectField
        label="Status"
        value={filter.status?.join(',') ?? ''}
        onChange={(v) =>
          onChange({ ...filter, status: v ? (v.split(',') as DeviceStatus[]) : undefined })
        }
        options={STATUS_OPTIONS}
      />
      <SelectField
        label="Mode"
        value={filter.mode ?? ''}
        onChange={(v) =>
          onChange({ ...filter, mode: (v || undefined) as ConnectionMode | undefined })
        }
        options={[
          { value: '', label: 'Any mode' },
          { value: 'SERVER_TO_DEVICE', label: 'Server → device' },
          { value: 'DEVICE_TO_SERVER', label: 'Device → server' },
        ]}
      />
      <SelectField
        label="SSL"
        value={filter.ssl === undefined ? '' : String(filter.ssl)}
        onChange={(v) => onChange({ ...filter, ssl: v === '' ? undefined : v === 'true' })}
        options={[
          { value: '', label: 'Any' },
          { value: 'true', label: 'On' },
          { value: 'false', label: 'Off' },
        ]}
      />
      <SelectField
        label="Type"
        value={filter.type?.join(',') ?? ''}
        onChange={(v) => onChange({ ...filter, type: v ? [v] : undefined })}
        options={TYPE_OPTIONS}
      />
    </div>
  );
}
