// /readyz must not say ready between binding the port and creating the first admin: the bench and
// deploy scripts sign in as soon as it does (a sign-in in that window failed with 401).
import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { MasterPool } from '../../master/master-pool.ts';
import type { StorageHealth } from '../../db/storage-health.ts';
import { healthRouter } from '../health.ts';

function appWith(starting: boolean) {
  let getListCalls = 0;
  const pool = {
    admin: () => ({
      gateway: {
        getList: async () => {
          getListCalls++;
          return { gatewayInfos: [] };
        },
      },
    }),
  } as unknown as MasterPool;
  const storage = { status: () => ({ writable: true, error: null }) } as unknown as StorageHealth;
  const app = express();
  app.use(
    healthRouter({
      pool,
      isDraining: () => false,
      isStarting: () => starting,
      storage,
      getSessionUser: async () => ({ id: 1, username: 'a', role: 'admin', tenantID: null }),
    }),
  );
  return { app, calls: () => getListCalls };
}

describe('/readyz while the first admin is being created', () => {
  it('answers 503 "starting" without asking the master', async () => {
    const { app, calls } = appWith(true);
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(503);
    expect(res.body.ready).toBe(false);
    expect(res.body.master.error).toBe('starting');
    expect(calls()).toBe(0);
  });

  it('answers 200 once started and the master answers', async () => {
    const { app, calls } = appWith(false);
    const res = await request(app).get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body.ready).toBe(true);
    expect(calls()).toBe(1);
  });
});
