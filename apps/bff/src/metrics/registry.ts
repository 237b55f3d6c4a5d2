// The BFF's Prometheus metrics (GET /metrics, metrics-router.ts). One registry per BFF instance,
// not prom-client's global one, so several BFFs in one test process do not add up each other's
// figures. Modules that produce a figure get the metric object from here and only update it.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { LabelTally } from './label-tally.ts';

export interface BffMetrics {
  registry: Registry;
  /**
   * Device status changes received from the master streams, per gateway: counted here and added to
   * `cmc_device_status_changes_total` at scrape time.
   */
  statusChanges: LabelTally<'gateway'>;
  /** Managed devices per gateway and status name, from the master's lists at scrape time. */
  devicesByStatus: Gauge<'gateway' | 'status'>;
  /** Device gateways connected to the master (1) or not (0), per gateway; set at scrape time. */
  gatewayUp: Gauge<'gateway'>;
  gatewaysUp: Gauge;
  /** Whether the master answered the scrape's Gateway API read (1) or not (0). */
  masterUp: Gauge;
  /** Open socket.io connections of this instance. */
  socketSessions: Gauge;
  /** Unary master RPCs: seconds by method (`ConnectMaster.GetDeviceList`) and gRPC code name. */
  rpcDuration: Histogram<'method' | 'code'>;
  /** Master reads answered by joining an identical read in flight: RPCs not made (shared-reads.ts). */
  readsJoined: Counter<'method'>;
  /** Alarms now active (alerts module: set or inc/dec it). */
  alarmsActive: Gauge<'severity'>;
  /** Webhook deliveries by outcome, e.g. 'delivered', 'failed', 'retried' (alerts module: inc it). */
  webhookDeliveries: Counter<'outcome'>;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): BffMetrics {
  const registry = new Registry();
  // Process figures (CPU, RSS, event loop lag) are what an operator checks first on a slow console.
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'cmc_' });
  const registers = [registry];
  const statusChanges = new LabelTally('gateway');
  new Counter({
    name: 'cmc_device_status_changes_total',
    help: 'Device status changes received from the master, per gateway',
    labelNames: ['gateway'],
    registers,
    collect() {
      statusChanges.drainInto(this);
    },
  });
  return {
    registry,
    statusChanges,
    devicesByStatus: new Gauge({
      name: 'cmc_devices',
      help: 'Managed devices by gateway and status (connect.Status name)',
      labelNames: ['gateway', 'status'],
      registers,
    }),
    gatewayUp: new Gauge({
      name: 'cmc_gateway_up',
      help: 'Device gateway connected to the master (1) or not (0)',
      labelNames: ['gateway'],
      registers,
    }),
    gatewaysUp: new Gauge({
      name: 'cmc_gateways_up',
      help: 'Device gateways connected to the master',
      registers,
    }),
    masterUp: new Gauge({
      name: 'cmc_master_up',
      help: 'The master answered the Gateway API read of this scrape (1) or not (0)',
      registers,
    }),
    socketSessions: new Gauge({
      name: 'cmc_socket_sessions',
      help: 'Open live (socket.io) connections on this BFF instance',
      registers,
    }),
    rpcDuration: new Histogram({
      name: 'cmc_master_rpc_duration_seconds',
      help: 'Duration of unary master RPCs by method and gRPC status code',
      labelNames: ['method', 'code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    readsJoined: new Counter({
      name: 'cmc_master_reads_joined_total',
      help: 'Master reads answered by an identical read already in flight, by method (no RPC made)',
      labelNames: ['method'],
      registers,
    }),
    alarmsActive: new Gauge({
      name: 'cmc_alarms_active',
      help: 'Alarms now active, by severity',
      labelNames: ['severity'],
      registers,
    }),
    webhookDeliveries: new Counter({
      name: 'cmc_webhook_deliveries_total',
      help: 'Webhook deliveries by outcome',
      labelNames: ['outcome'],
      registers,
    }),
  };
}
