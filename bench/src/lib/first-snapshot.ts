// One live connection as the web app opens it (light join snapshot): when did the BFF serve the
// first snapshot, and when the first one in which every gateway is live (its state complete)?
import { io as connect, type Socket } from 'socket.io-client';
import type { LiveClientToServerEvents, LiveServerToClientEvents } from '@cmc/api';
import { now, sleep } from './clock.ts';
import { LIGHT_JOIN } from './fleet-plan.ts';

export interface FirstSnapshot {
  /** Epoch ms of the first snapshot, and of the first whose gateways were all live. */
  firstAt: number;
  liveAt: number;
  gateways: number;
}

export async function waitFirstLiveSnapshot(
  url: string,
  cookie: string,
  timeoutMs = 60_000,
): Promise<FirstSnapshot> {
  const socket: Socket<LiveServerToClientEvents, LiveClientToServerEvents> = connect(url, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { ...LIGHT_JOIN, deltas: true },
    reconnection: false,
    forceNew: true,
    extraHeaders: { Cookie: cookie },
  });
  try {
    let firstAt = 0;
    let liveAt = 0;
    let gateways = 0;
    const modes = new Map<string, string>();
    const allLive = () => modes.size > 0 && [...modes.values()].every((m) => m === 'live');
    socket.on('snapshot', (s) => {
      firstAt ||= now();
      for (const g of s.gateways) modes.set(g.gatewayID, g.mode);
      gateways = modes.size;
      if (!liveAt && allLive()) liveAt = now();
    });
    socket.on('mode', (m) => {
      for (const id of m.gatewayIDs) modes.set(id, m.mode);
      if (!liveAt && firstAt && allLive()) liveAt = now();
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (e) =>
        reject(new Error(`socket.io connect failed: ${e.message}`)),
      );
    });
    const ack = await socket.timeout(timeoutMs).emitWithAck('join', { gatewayIDs: 'all' });
    if (!ack.ok) throw new Error(`join refused: ${ack.error} ${ack.message}`);
    const deadline = now() + timeoutMs;
    while (!liveAt) {
      if (now() > deadline) throw new Error(`the BFF was not live within ${timeoutMs} ms`);
      await sleep(5);
    }
    return { firstAt, liveAt, gateways };
  } finally {
    socket.disconnect();
  }
}
