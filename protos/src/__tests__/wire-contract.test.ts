import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import protobuf from 'protobufjs';
import { describe, expect, it } from 'vitest';
import { protoDir, protoFiles } from '../load.ts';
import { wireDiff } from '../wire-diff.ts';

const contractPath = join(protoDir, '..', '..', 'shared', 'gsdk-wire-contract.json');

function loadContract(): Record<string, unknown> {
  if (!existsSync(contractPath)) {
    throw new Error(
      `the wire contract is missing at ${contractPath}: shared/ must sit beside the checkout`,
    );
  }
  return JSON.parse(readFileSync(contractPath, 'utf8')) as Record<string, unknown>;
}

function loadOurs(): Record<string, unknown> {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(protoDir, target);
  root.loadSync([...protoFiles], { keepCase: true });
  return root.toJSON() as Record<string, unknown>;
}

describe('protos/ against ../shared/gsdk-wire-contract.json', () => {
  it('describes exactly the contract: services, methods, messages, fields and enum values', () => {
    const contract = loadContract();
    const differences = wireDiff(contract, loadOurs());
    expect(
      differences,
      `protos/ differs from the wire contract:\n${differences.join('\n')}`,
    ).toEqual([]);
  });

  it('reports a changed field number, a missing method and an extra enum value readably', () => {
    const contract = loadContract();
    const mutated = structuredClone(contract) as {
      nested: {
        gsdk: {
          nested: Record<
            string,
            {
              nested: Record<
                string,
                {
                  fields?: Record<string, { id: number }>;
                  methods?: Record<string, unknown>;
                  values?: Record<string, number>;
                }
              >;
            }
          >;
        };
      };
    };
    const connect = mutated.nested.gsdk.nested.connect!.nested;
    connect.DeviceInfo!.fields!.port!.id = 40;
    delete mutated.nested.gsdk.nested.connect_master!.nested.ConnectMaster!.methods!.SearchDevice;
    connect.Status!.values!.BOGUS = 9;
    const differences = wireDiff(contract, mutated);
    expect(differences).toContain(
      'field gsdk.connect.DeviceInfo.port: expected int32 = 4, found int32 = 40',
    );
    expect(differences).toContain(
      'missing method gsdk.connect_master.ConnectMaster.SearchDevice: expected (gsdk.connect_master.SearchDeviceRequest) returns (gsdk.connect_master.SearchDeviceResponse)',
    );
    expect(differences).toContain(
      'extra value gsdk.connect.Status.BOGUS: 9 is not in the contract',
    );
  });
});
