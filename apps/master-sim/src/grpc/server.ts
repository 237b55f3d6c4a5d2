import { Server, ServerCredentials } from '@grpc/grpc-js';
import { loadGsdk } from '@cmc/protos';
import { hostPort } from '../util/ip.ts';
import { connectMasterService } from './connect-master-service.ts';
import type { SimContext } from './context.ts';
import { gatewayService } from './gateway-service.ts';
import { loginService } from './login-service.ts';
import { tenantService } from './tenant-service.ts';

/** The real master's default maximum message size. */
const MAX_MESSAGE_BYTES = 75_497_472;

/** Starts the gRPC server with mandatory mutual TLS; resolves with the bound port. */
export async function startGrpcServer(
  ctx: SimContext,
  host: string,
  port: number,
): Promise<{ server: Server; port: number }> {
  const { grpc } = loadGsdk();
  const server = new Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  server.addService(grpc.gsdk.login.Login.service, loginService(ctx));
  server.addService(grpc.gsdk.tenant.Tenant.service, tenantService(ctx));
  server.addService(grpc.gsdk.gateway.Gateway.service, gatewayService(ctx));
  server.addService(grpc.gsdk.connect_master.ConnectMaster.service, connectMasterService(ctx));

  const credentials = ServerCredentials.createSsl(
    Buffer.from(ctx.certs.caCert),
    [
      {
        private_key: Buffer.from(ctx.certs.serverKey),
        cert_chain: Buffer.from(ctx.certs.serverCert),
      },
    ],
    true, // checkClientCertificate: no client certificate signed by our CA, no handshake
  );
  const bound = await new Promise<number>((resolve, reject) => {
    server.bindAsync(hostPort(host, port), credentials, (err, p) =>
      err ? reject(err) : resolve(p),
    );
  });
  return { server, port: bound };
}

/** Stops accepting calls, ends open streams, and closes; forced after a grace period. */
export async function stopGrpcServer(server: Server, graceMs = 2000): Promise<void> {
  await new Promise<void>((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, graceMs);
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}
