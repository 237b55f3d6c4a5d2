// Slave devices, tenants (Tenant API), console accounts and the audit log, against the real simulator.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { accountList, auditList, slaveDevicesResponse, tenantList } from '@cmc/api';
import { signIn, useSignedInHarness } from '../../__tests__/harness.ts';

const world = useSignedInHarness();

describe('slave devices', () => {
  it('reads session and DB slaves separately', async () => {
    const res = await world.viewer.get('/gateways/gateway2/slave-devices');
    expect(res.status).toBe(200);
    const body = slaveDevicesResponse.parse(res.body);
    expect(body.db).toEqual([
      { deviceID: 540092581, rs485SlaveDeviceIDs: [846, 847], wiegandSlaveDeviceIDs: [] },
    ]);
  });

  it('sets session slaves and adds/deletes DB slaves', async () => {
    const infos = [
      { deviceID: 540092581, rs485SlaveDeviceIDs: [900], wiegandSlaveDeviceIDs: [901] },
    ];
    expect(
      (
        await world.admin.put('/gateways/gateway2/slave-devices/session', {
          slaveDeviceInfos: infos,
        })
      ).status,
    ).toBe(200);
    expect((await world.admin.get('/gateways/gateway2/slave-devices')).body.session).toEqual(infos);
    const dbInfo = { deviceID: 540092578, rs485SlaveDeviceIDs: [910], wiegandSlaveDeviceIDs: [] };
    expect(
      (
        await world.admin.post('/gateways/gateway2/slave-devices/db', {
          slaveDeviceInfos: [dbInfo],
        })
      ).status,
    ).toBe(200);
    expect((await world.admin.get('/gateways/gateway2/slave-devices')).body.db).toContainEqual(
      dbInfo,
    );
    expect(
      (
        await world.admin.post('/gateways/gateway2/slave-devices/db/delete', {
          deviceIDs: [540092578],
        })
      ).status,
    ).toBe(200);
    const gone = await world.admin.post('/gateways/gateway2/slave-devices/db/delete', {
      deviceIDs: [540092578],
    });
    expect(gone.status).toBe(404);
    expect(gone.body.detail).toMatch(/540092578/);
  });

  it('validates slave lists and refuses viewers', async () => {
    const bad = await world.admin.put('/gateways/gateway2/slave-devices/session', {
      slaveDeviceInfos: [
        { deviceID: 540092581, rs485SlaveDeviceIDs: [-1], wiegandSlaveDeviceIDs: [] },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('body.slaveDeviceInfos.0.rs485SlaveDeviceIDs.0');
    expect(
      (await world.viewer.put('/gateways/gateway2/slave-devices/session', { slaveDeviceInfos: [] }))
        .status,
    ).toBe(403);
    expect((await world.viewer.get('/gateways/gateway3/slave-devices')).status).toBe(403);
  });
});

describe('tenants', () => {
  it('lists tenants and their gateways (admin only)', async () => {
    const res = await world.admin.get('/tenants');
    expect(res.status).toBe(200);
    const { tenants } = tenantList.parse(res.body);
    expect(tenants).toContainEqual({ tenantID: 'tenant1', gatewayIDs: ['gateway1', 'gateway2'] });
    expect(tenants).toContainEqual({ tenantID: 'tenant2', gatewayIDs: ['gateway3'] });
    expect((await world.viewer.get('/tenants')).status).toBe(403);
  });

  it('creates a tenant, moves a gateway to it, and deletes it', async () => {
    const created = await world.admin.post('/tenants', { tenantID: 'tenant3' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ tenantID: 'tenant3', gatewayIDs: [] });
    const dup = await world.admin.post('/tenants', { tenantID: 'tenant3' });
    expect(dup.status).toBe(409); // ALREADY_EXISTS: a conflict, with the master's words
    expect(dup.body.detail).toMatch(/already exists/);
    expect(
      (await world.admin.post('/tenants/tenant2/gateways/delete', { gatewayIDs: ['gateway3'] }))
        .body,
    ).toEqual({ tenantID: 'tenant2', gatewayIDs: [] });
    expect(
      (await world.admin.post('/tenants/tenant3/gateways', { gatewayIDs: ['gateway3'] })).body,
    ).toEqual({ tenantID: 'tenant3', gatewayIDs: ['gateway3'] });
    // The BFF follows the new owner at once: gateway3's devices are read with tenant3's client.
    const devices = await world.admin.get('/devices?gatewayID=gateway3');
    expect(devices.status).toBe(200);
    expect(devices.body.total).toBeGreaterThan(0);
    await world.admin.post('/tenants/tenant3/gateways/delete', { gatewayIDs: ['gateway3'] });
    await world.admin.post('/tenants/tenant2/gateways', { gatewayIDs: ['gateway3'] });
    expect((await world.admin.del('/tenants/tenant3')).status).toBe(204);
    expect((await world.admin.del('/tenants/tenant3')).status).toBe(404);
  });

  it('refuses the administrator tenant and bad IDs', async () => {
    const admTenant = await world.admin.post('/tenants', { tenantID: 'administrator' });
    expect(admTenant.status).toBe(400);
    expect(admTenant.body.errors[0].path).toBe('body.tenantID');
    expect((await world.admin.del('/tenants/administrator')).status).toBe(400);
    expect((await world.admin.post('/tenants', { tenantID: 'bad id!' })).status).toBe(400);
    expect((await world.viewer.post('/tenants', { tenantID: 'tenant9' })).status).toBe(403);
  });
});

describe('accounts', () => {
  it('creates a tenant viewer who then sees only that tenant', async () => {
    const res = await world.admin.post('/accounts', {
      username: 'viewer2',
      password: 'viewer2-password',
      role: 'tenant',
      tenantID: 'tenant2',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      username: 'viewer2',
      role: 'tenant',
      tenantID: 'tenant2',
      lockedUntil: null,
    });
    const v2 = await signIn(world.h.url, { username: 'viewer2', password: 'viewer2-password' });
    expect(
      (await v2.get('/gateways')).body.gateways.map((g: { gatewayID: string }) => g.gatewayID),
    ).toEqual(['gateway3']);
    expect((await v2.get('/gateways/gateway1')).status).toBe(403);
  });

  it('validates new accounts', async () => {
    const weak = await world.admin.post('/accounts', {
      username: 'x',
      password: 'short',
      role: 'admin',
      tenantID: 'tenant1',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'body.username',
      'body.password',
      'body.role',
    ]);
    const dup = await world.admin.post('/accounts', {
      username: 'VIEWER1',
      password: 'another-password',
      role: 'tenant',
      tenantID: 'tenant1',
    });
    expect(dup.status).toBe(409);
    const unknownTenant = await world.admin.post('/accounts', {
      username: 'viewer9',
      password: 'viewer9-password',
      role: 'tenant',
      tenantID: 'tenant9',
    });
    expect(unknownTenant.status).toBe(400);
    expect(unknownTenant.body.errors[0].path).toBe('body.tenantID');
    expect(
      (
        await world.viewer.post('/accounts', {
          username: 'viewer8',
          password: 'viewer8-password',
          role: 'tenant',
          tenantID: 'tenant1',
        })
      ).status,
    ).toBe(403);
  });

  it('resets a password (ending that account’s sessions) and deletes accounts', async () => {
    const list = accountList.parse((await world.admin.get('/accounts')).body);
    const v2 = list.accounts.find((a) => a.username === 'viewer2')!;
    const session = await signIn(world.h.url, {
      username: 'viewer2',
      password: 'viewer2-password',
    });
    expect(
      (await world.admin.post(`/accounts/${v2.id}/password`, { password: 'new-viewer2-password' }))
        .status,
    ).toBe(204);
    expect((await session.get('/auth/me')).status).toBe(401);
    expect(
      (
        await request(world.h.url)
          .post('/api/v1/auth/login')
          .send({ username: 'viewer2', password: 'viewer2-password' })
      ).status,
    ).toBe(401);
    await signIn(world.h.url, { username: 'viewer2', password: 'new-viewer2-password' });
    expect((await world.admin.del(`/accounts/${v2.id}`)).status).toBe(204);
    expect((await world.admin.del(`/accounts/${v2.id}`)).status).toBe(404);
    const self = list.accounts.find((a) => a.username === 'admin')!;
    expect((await world.admin.del(`/accounts/${self.id}`)).status).toBe(409);
    expect((await world.admin.del('/accounts/abc')).status).toBe(400);
  });
});

describe('audit log', () => {
  it('pages and filters by user, action, outcome and time', async () => {
    const all = auditList.parse((await world.admin.get('/audit?pageSize=5')).body);
    expect(all.items).toHaveLength(5);
    expect(all.total).toBeGreaterThan(5);
    const page2 = auditList.parse((await world.admin.get('/audit?pageSize=5&page=2')).body);
    expect(page2.items[0]!.id).toBeLessThan(all.items[4]!.id);
    const creates = auditList.parse(
      (await world.admin.get('/audit?action=accounts.create&outcome=success')).body,
    );
    expect(creates.items).toHaveLength(1);
    expect(creates.items[0]).toMatchObject({
      username: 'admin',
      summary: 'create tenant viewer viewer2 for tenant tenant2',
    });
    expect(JSON.stringify(creates.items)).not.toContain('viewer2-password');
    const future = auditList.parse(
      (await world.admin.get(`/audit?from=${new Date(Date.now() + 60_000).toISOString()}`)).body,
    );
    expect(future.total).toBe(0);
    const bad = await world.admin.get('/audit?from=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.from');
    expect((await world.viewer.get('/audit')).status).toBe(403);
  });
});
