import { credentials, Metadata, type Client, type ServiceError } from '@grpc/grpc-js';
import { loadGsdk } from '@cmc/protos';
import type { Simulator } from '@cmc/master-sim';

type ServiceName = 'ConnectMaster' | 'Login';

/**
 * A grpc-js client with mutual TLS but no token call credential, so tests can send what the
 * gsdk client never would: no token, a bad token, a logged-out token.
 */
export function rawClient(
  sim: Simulator,
  service: ServiceName,
  tls: { caCert?: string; clientCert?: string; clientKey?: string; noClientCert?: boolean } = {},
): Client {
  const { grpc } = loadGsdk();
  const ctor =
    service === 'ConnectMaster' ? grpc.gsdk.connect_master.ConnectMaster : grpc.gsdk.login.Login;
  const ca = Buffer.from(tls.caCert ?? sim.certs.caCert);
  const ssl = tls.noClientCert
    ? credentials.createSsl(ca)
    : credentials.createSsl(
        ca,
        Buffer.from(tls.clientKey ?? sim.certs.adminKey),
        Buffer.from(tls.clientCert ?? sim.certs.adminCert),
      );
  return new ctor(sim.address, ssl);
}

/** One unary call by method name, with optional `token` metadata; rejects with the ServiceError. */
export function rawUnary(
  client: Client,
  method: string,
  request: object,
  options: { token?: string } = {},
): Promise<unknown> {
  const { grpc } = loadGsdk();
  const definitions = {
    ...grpc.gsdk.connect_master.ConnectMaster.service,
    ...grpc.gsdk.login.Login.service,
  } as Record<
    string,
    {
      path: string;
      requestSerialize: (v: object) => Buffer;
      responseDeserialize: (b: Buffer) => unknown;
    }
  >;
  const definition = definitions[method];
  if (!definition) throw new Error(`no method ${method}`);
  const metadata = new Metadata();
  if (options.token !== undefined) metadata.set('token', options.token);
  return new Promise((resolve, reject) => {
    client.makeUnaryRequest(
      definition.path,
      definition.requestSerialize,
      definition.responseDeserialize,
      request,
      metadata,
      { deadline: Date.now() + 5_000 },
      (error: ServiceError | null, response?: unknown) =>
        error ? reject(error) : resolve(response),
    );
  });
}
