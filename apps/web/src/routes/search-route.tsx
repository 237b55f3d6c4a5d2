import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SearchedDevice } from '@cmc/api';
import { addAsyncConnections } from '../features/async-connections/api/add-async-connections.ts';
import { changeAcceptedDevices } from '../features/accept-filter/api/set-accept-filter.ts';
import { connectDevice } from '../features/connect/api/connect-device.ts';
import { useDeviceNames } from '../features/device-labels/api/list-device-labels.ts';
import { useSearchDevices } from '../features/search/api/search-devices.ts';
import { BulkAddBar, type BulkAddAction } from '../features/search/components/bulk-add-bar.tsx';
import { SearchForm } from '../features/search/components/search-form.tsx';
import { SearchProgress } from '../features/search/components/search-progress.tsx';
import {
  SearchResults,
  type RowState,
  type SearchAction,
} from '../features/search/components/search-results.tsx';
import { errorMessage } from '../lib/api-error.ts';
import { deviceDetailsOfGateway, queryKeys } from '../lib/query-keys.ts';
import { ErrorAlert } from '../ui/error-alert.tsx';
import { bulkAdd } from './compose/bulk-add-from-search.ts';
import { useManagedNow } from './compose/use-managed-now.ts';
import { GatewayPage } from './gateway-page.tsx';
import { useGatewayParam } from './use-gateway-param.ts';

const DONE: Record<SearchAction, string> = {
  connect: 'Connected',
  'async-session': 'Registered (session)',
  'async-db': 'Registered (saved)',
  'accept-session': 'Accepted (session filter)',
  'accept-db': 'Accepted (saved filter)',
};

export function Component() {
  const selection = useGatewayParam();
  const { gatewayID } = selection;
  const search = useSearchDevices();
  const queryClient = useQueryClient();
  const [started, setStarted] = useState<{ at: number; timeoutMs: number } | null>(null);
  const [states, setStates] = useState<ReadonlyMap<number, RowState>>(new Map());
  const devices = useManagedNow(search.data?.gatewayID ?? '', search.data?.devices);

  const setRow = (id: number, state: RowState) => setStates((m) => new Map(m).set(id, state));
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [bulk, setBulk] = useState<{ busy: boolean; summary: string | null }>({
    busy: false,
    summary: null,
  });
  const nameOf = useDeviceNames(search.data?.devices.map((d) => d.deviceID) ?? []);

  function select(ids: number[], checked: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }

  async function runBulk(action: BulkAddAction) {
    const gw = search.data?.gatewayID ?? gatewayID;
    const devices = (search.data?.devices ?? []).filter((d) => selected.has(d.deviceID));
    setBulk({ busy: true, summary: null });
    for (const d of devices) setRow(d.deviceID, { busy: true });
    const summary = await bulkAdd(gw, devices, action, (id, result) => {
      if (result.ok) {
        setRow(id, { done: DONE[action] });
        select([id], false);
      } else setRow(id, { error: result.error });
    });
    setBulk({ busy: false, summary });
    // New rows arrive as live `added` deltas: only this gateway's setup and device details.
    void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayConfig(gw) });
    void queryClient.invalidateQueries(deviceDetailsOfGateway(gw));
  }

  async function act(device: SearchedDevice, action: SearchAction) {
    const gw = search.data?.gatewayID ?? gatewayID;
    const info = {
      deviceID: device.deviceID,
      IPAddr: device.IPAddr,
      port: device.port,
      useSSL: device.useSSL,
    };
    setRow(device.deviceID, { busy: true });
    try {
      if (action === 'connect')
        await connectDevice(gw, {
          IPAddr: device.IPAddr,
          port: device.port,
          useSSL: device.useSSL,
        });
      else if (action === 'async-session' || action === 'async-db')
        await addAsyncConnections(gw, action === 'async-db' ? 'db' : 'session', [info]);
      else
        await changeAcceptedDevices(gw, action === 'accept-db' ? 'db' : 'session', [
          device.deviceID,
        ]);
      setRow(device.deviceID, { done: DONE[action] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.gatewayConfig(gw) });
      void queryClient.invalidateQueries(deviceDetailsOfGateway(gw));
    } catch (error) {
      setRow(device.deviceID, { error: errorMessage(error) });
    }
  }

  return (
    <GatewayPage
      title="Search devices"
      description="Finds devices on the gateway's subnet (UDP broadcast by the gateway)."
      selection={selection}
    >
      {() => (
        <>
          <section className="card">
            <div className="card-body stack">
              <SearchForm
                busy={search.isPending}
                serverError={search.error}
                onSearch={(timeoutMs) => {
                  setStates(new Map());
                  setSelected(new Set());
                  setBulk({ busy: false, summary: null });
                  setStarted({ at: Date.now(), timeoutMs });
                  search.mutate({ gatewayID, timeoutMs });
                }}
              />
              {search.isPending && started ? (
                <SearchProgress timeoutMs={started.timeoutMs} startedAt={started.at} />
              ) : null}
              <ErrorAlert error={search.error} title="Search failed" />
            </div>
          </section>
          {search.data ? (
            <section className="card" aria-labelledby="results-title">
              <div className="card-header">
                <h2 id="results-title">
                  {search.data.devices.length} device{search.data.devices.length === 1 ? '' : 's'}{' '}
                  found on {search.data.gatewayID}
                </h2>
              </div>
              <div className="card-body">
                <BulkAddBar
                  count={selected.size}
                  busy={bulk.busy}
                  summary={bulk.summary}
                  onRun={(action) => void runBulk(action)}
                  onClear={() => setSelected(new Set())}
                />
              </div>
              <div style={{ overflow: 'auto' }}>
                <SearchResults
                  devices={devices}
                  states={states}
                  onAction={(d, a) => void act(d, a)}
                  selected={selected}
                  onSelect={select}
                  nameOf={nameOf}
                />
              </div>
            </section>
          ) : null}
        </>
      )}
    </GatewayPage>
  );
}
