import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@cmc/api';
import { auditSentence, jsonParts } from '../audit-summary.ts';

function entry(over: Partial<AuditEntry>): AuditEntry {
  return {
    id: 1,
    at: '2026-12-01T03:00:00.000Z',
    username: 'admin',
    role: 'admin',
    action: 'devices.ssl',
    gatewayID: null,
    deviceIDs: [],
    summary: '',
    outcome: 'success',
    error: null,
    sourceAddress: '127.0.0.1',
    requestId: null,
    ...over,
  };
}

describe('jsonParts', () => {
  it('finds each JSON object, strings with braces included, and skips a truncated one', () => {
    expect(jsonParts('Set x {"gatewayID":"g1"} {"a":"}{","b":[1]} {"cut":"…')).toEqual([
      { gatewayID: 'g1' },
      { a: '}{', b: [1] },
    ]);
    expect(jsonParts('no json here')).toEqual([]);
  });
});

describe('auditSentence', () => {
  it('says what an SSL change did, on how many devices of which gateway', () => {
    const ssl = entry({
      action: 'devices.ssl',
      gatewayID: 'gateway1',
      deviceIDs: [1, 2],
      summary: 'enable SSL on 2 devices',
    });
    expect(auditSentence(ssl)).toBe('Enabled SSL on 2 devices of gateway1');
    expect(auditSentence({ ...ssl, summary: 'disable SSL on 2 devices', outcome: 'failure' })).toBe(
      'Could not disable SSL on 2 devices of gateway1',
    );
  });

  it('reads the route-level JSON: params and body', () => {
    expect(
      auditSentence(
        entry({
          action: 'accept-filter.set-db',
          gatewayID: 'gateway2',
          summary:
            'Set the accept filter in the master\'s DB {"gatewayID":"gateway2"} {"filter":{"allowAll":false,"deviceIDs":[5,6,7],"IPAddrs":[],"subnetMasks":[]}}',
        }),
      ),
    ).toBe(
      "Set the accept filter of gateway2 in the master's database to allow only 3 listed devices",
    );
    expect(
      auditSentence(
        entry({
          action: 'devices.disconnect',
          gatewayID: 'gateway2',
          deviceIDs: [540092579],
          summary: 'Disconnect devices {"gatewayID":"gateway2"} {"deviceIDs":[540092579]}',
        }),
      ),
    ).toBe('Disconnected device 540092579 of gateway2');
    expect(
      auditSentence(
        entry({ action: 'tenants.delete', summary: 'Delete a tenant {"tenantID":"acme"}' }),
      ),
    ).toBe('Deleted tenant acme');
    expect(
      auditSentence(
        entry({
          action: 'tenants.create',
          summary: 'Add a tenant {"tenantID":"acme","gatewayIDs":["gateway3"]}',
        }),
      ),
    ).toBe('Added tenant acme with gateway3');
    expect(
      auditSentence(
        entry({
          action: 'devices.connection-mode',
          gatewayID: 'gateway1',
          deviceIDs: [1, 2, 3],
          summary: 'set connection mode DEVICE_TO_SERVER on 3 devices',
        }),
      ),
    ).toBe('Changed the connection mode of 3 devices of gateway1 to Device → server');
  });

  it('names who tried to sign in, and keeps unknown actions readable without JSON', () => {
    expect(
      auditSentence(
        entry({ action: 'auth.login', username: 'mallory', outcome: 'failure', summary: 'x' }),
      ),
    ).toBe('Could not sign in as mallory');
    expect(
      auditSentence(entry({ action: 'things.frob', summary: 'Frob things {"gatewayID":"g"}' })),
    ).toBe('Frob things');
  });
});
