// Raw grpc-js clients straight on the master (no @cmc/gsdk layer): the floor the BFF is compared with.
import { credentials, Metadata, type ClientReadableStream } from '@grpc/grpc-js';
import { loadGsdk } from '@cmc/protos';
import type { ConnectMasterClient } from '@cmc/protos/generated/gsdk/connect_master/ConnectMaster.ts';
import type { LoginClient } from '@cmc/protos/generated/gsdk/login/Login.ts';
import type { DeviceInfo__Output } from '@cmc/protos/generated/gsdk/connect/DeviceInfo.ts';
import type { StatusChange__Output } from '@cmc/protos/generated/gsdk/connect/StatusChange.ts';

export interface MasterAccess {
  address: string;
  caCert: string;
  adminCert: string;
  adminKey: string;
}

const DEADLINE_MS = 10_000;

/** One channel, logged in per tenant with LoginAdmin (the way the BFF's pool does it). */
export class RawMaster {
  private readonly login: LoginClient;
  readonly cm: ConnectMasterClient;
  private readonly tokens = new Map<string, string>();

  constructor(private readonly access: MasterAccess) {
    const { grpc } = loadGsdk();
    const creds = credentials.createSsl(
      Buffer.from(access.caCert),
      Buffer.from(access.adminKey),
      Buffer.from(access.adminCert),
    );
    // The simulator's certificate names localhost; an IP address is not a TLS server name.
    const options = {
      'grpc.ssl_target_name_override': 'localhost',
      'grpc.default_authority': 'localhost',
      'grpc.max_receive_message_length': 75_497_472,
    };
    this.login = new grpc.gsdk.login.Login(access.address, creds, options);
    this.cm = new grpc.gsdk.connect_master.ConnectMaster(access.address, creds, options);
  }

  async metadata(tenantID: string): Promise<Metadata> {
    let token = this.tokens.get(tenantID);
    if (!token) {
      token = await new Promise<string>((resolve, reject) =>
        this.login.LoginAdmin(
          { adminTenantCert: this.access.adminCert, tenantID },
          { deadline: Date.now() + DEADLINE_MS },
          (err, res) =>
            err || !res
              ? reject(err ?? new Error('LoginAdmin answered nothing'))
              : resolve(res.jwtToken),
        ),
      );
      this.tokens.set(tenantID, token);
    }
    const md = new Metadata();
    md.set('token', token);
    return md;
  }

  async getDeviceList(tenantID: string, gatewayID: string): Promise<DeviceInfo__Output[]> {
    const md = await this.metadata(tenantID);
    return new Promise((resolve, reject) =>
      this.cm.GetDeviceList(
        { gatewayID },
        md,
        { deadline: Date.now() + DEADLINE_MS },
        (err, res) =>
          err || !res
            ? reject(err ?? new Error('GetDeviceList answered nothing'))
            : resolve(res.deviceInfos),
      ),
    );
  }

  /** queueSize 0, as the BFF subscribes (the master's default queue). */
  async subscribeStatus(tenantID: string): Promise<ClientReadableStream<StatusChange__Output>> {
    return this.cm.SubscribeStatus({ queueSize: 0 }, await this.metadata(tenantID));
  }

  close(): void {
    this.login.close();
    this.cm.close();
  }
}
