// Device names and notes against the real simulator and SQLite: admin-only writes, tenant-scoped
// reads, names in device rows and the text filter, field errors, audit with old and new values.
import { describe, expect, it } from 'vitest';
import { auditList, deviceLabel, deviceLabelList, deviceList } from '@cmc/api';
import { useSignedInHarness } from '../../__tests__/harness.ts';

const world = useSignedInHarness();

async function firstDeviceOf(gatewayID: string): Promise<number> {
  const res = await world.admin.get(`/devices?gatewayID=${gatewayID}`);
  if (res.status !== 200) throw new Error(`device list: ${res.status} ${JSON.stringify(res.body)}`);
  const list = deviceList.parse(res.body);
  const id = list.items[0]?.deviceID;
  if (id === undefined) throw new Error(`gateway ${gatewayID} manages no device`);
  return id;
}

describe('device labels', () => {
  it('an admin names a device; the name is in its row, found by the text filter, and audited', async () => {
    const id = await firstDeviceOf('gateway1');
    const put = await world.admin.put(`/devices/${id}/label`, {
      name: '  Loading Dock East ',
      notes: 'Behind the roller door.\r\nKey at reception.',
    });
    expect(put.status).toBe(200);
    const label = deviceLabel.parse(put.body);
    expect(label).toMatchObject({
      deviceID: id,
      name: 'Loading Dock East',
      notes: 'Behind the roller door.\nKey at reception.',
      updatedBy: 'admin',
    });

    const found = deviceList.parse((await world.admin.get('/devices?q=dock%20EAST')).body);
    expect(found.items.map((r) => [r.deviceID, r.name])).toEqual([[id, 'Loading Dock East']]);
    const detail = await world.admin.get(`/devices/${id}`);
    expect(detail.body.device.name).toBe('Loading Dock East');

    // Renamed: the cached row is rebuilt, the old name no longer matches.
    await world.admin.put(`/devices/${id}/label`, { name: 'Dock 2', notes: '' }).expect(200);
    expect(deviceList.parse((await world.admin.get('/devices?q=east')).body).total).toBe(0);
    const renamed = deviceList.parse((await world.admin.get('/devices?q=dock%202')).body);
    expect(renamed.items.map((r) => r.name)).toEqual(['Dock 2']);

    const audit = auditList.parse(
      (await world.admin.get('/audit?action=device-labels.set&pageSize=5')).body,
    );
    const [latest, first] = audit.items;
    expect(latest).toMatchObject({ outcome: 'success', deviceIDs: [id], username: 'admin' });
    expect(latest!.summary).toContain('"Loading Dock East"');
    expect(latest!.summary).toContain('→ "Dock 2"');
    expect(first!.summary).toMatch(/label none → "Loading Dock East" \(notes: "Behind the roller/);
  });

  it('tenant viewers read names of devices on their gateways only, and cannot write', async () => {
    const mine = await firstDeviceOf('gateway2');
    const theirs = await firstDeviceOf('gateway3'); // tenant2's gateway
    await world.admin.put(`/devices/${mine}/label`, { name: 'Tenant one door' }).expect(200);
    await world.admin.put(`/devices/${theirs}/label`, { name: 'Tenant two secret' }).expect(200);

    const seen = deviceLabelList.parse(
      (await world.viewer.get(`/device-labels?deviceIDs=${mine},${theirs}`)).body,
    );
    expect(seen.labels.map((l) => l.name)).toEqual(['Tenant one door']);
    const all = deviceLabelList.parse((await world.viewer.get('/device-labels')).body);
    expect(all.labels.map((l) => l.name)).not.toContain('Tenant two secret');
    const rows = deviceList.parse((await world.viewer.get('/devices?q=tenant')).body);
    expect(rows.items.map((r) => r.name)).toEqual(['Tenant one door']);

    const admin = deviceLabelList.parse(
      (await world.admin.get(`/device-labels?deviceIDs=${theirs}`)).body,
    );
    expect(admin.labels.map((l) => l.name)).toEqual(['Tenant two secret']);

    const refused = await world.viewer.put(`/devices/${mine}/label`, { name: 'Mine now' });
    expect(refused.status).toBe(403);
    await world.viewer.post(`/devices/${mine}/label/delete`).expect(403);
    const failed = auditList.parse(
      (await world.admin.get('/audit?action=device-labels.set&outcome=failure')).body,
    );
    // Refused before validation, so the device is named in the summary (raw path parameters).
    expect(failed.items[0]).toMatchObject({ username: 'viewer1', error: expect.any(String) });
    expect(failed.items[0]!.summary).toContain(String(mine));
  });

  it('refuses bad names and notes with a field error and keeps the old label', async () => {
    const id = await firstDeviceOf('gateway1');
    await world.admin.put(`/devices/${id}/label`, { name: 'Kept' }).expect(200);
    const cases: Array<[object, string, RegExp]> = [
      [{ name: '' }, 'body.name', /must not be empty/],
      [{ name: '   ' }, 'body.name', /must not be empty/],
      [{ name: 'x'.repeat(65) }, 'body.name', /at most 64 characters/],
      [{ name: 'evil\u202Egnp.exe' }, 'body.name', /control or text-direction/],
      [{ name: 'two\nlines' }, 'body.name', /control or text-direction/],
      [{ name: 'ok', notes: 'n'.repeat(1001) }, 'body.notes', /at most 1000 characters/],
      [{ name: 'ok', notes: 'bell\u0007' }, 'body.notes', /control or text-direction/],
      [{ name: 42 }, 'body.name', /must be text/],
    ];
    for (const [body, path, message] of cases) {
      const res = await world.admin.put(`/devices/${id}/label`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ path, message: expect.stringMatching(message) });
    }
    // 64 characters counted as characters, not UTF-16 units.
    await world.admin.put(`/devices/${id}/label`, { name: '🚪'.repeat(64) }).expect(200);
    await world.admin.put(`/devices/${id}/label`, { name: 'Kept' }).expect(200);
    await world.admin.put('/devices/0/label', { name: 'x' }).expect(400);
    const list = deviceLabelList.parse(
      (await world.admin.get(`/device-labels?deviceIDs=${id}`)).body,
    );
    expect(list.labels[0]!.name).toBe('Kept');
    await world.admin.get('/device-labels?deviceIDs=1,abc').expect(400);
  });

  it('removing a label takes the name out of the row; removing it again is a 404', async () => {
    const id = await firstDeviceOf('gateway1');
    await world.admin.put(`/devices/${id}/label`, { name: 'Soon gone' }).expect(200);
    await world.admin.post(`/devices/${id}/label/delete`).expect(200);
    const detail = await world.admin.get(`/devices/${id}`);
    expect(detail.body.device).not.toHaveProperty('name');
    const again = await world.admin.post(`/devices/${id}/label/delete`);
    expect(again.status).toBe(404);
    expect(again.body.detail).toContain(`device ${id} has no name`);
    const audit = auditList.parse(
      (await world.admin.get('/audit?action=device-labels.delete&pageSize=2')).body,
    );
    expect(audit.items[1]).toMatchObject({ outcome: 'success', deviceIDs: [id] });
    expect(audit.items[1]!.summary).toContain('"Soon gone" (notes: "") → none');
  });
});
