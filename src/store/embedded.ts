import { createHttpServer } from '@vercel/cosmosdb-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The embedded Cosmos-compatible store (@vercel/cosmosdb-server), in memory, on loopback only.
 * Plain HTTP: measured ~3x faster than its TLS mode under load; the client turns endpoint discovery off
 * for http endpoints (see cosmos.ts), otherwise the SDK follows the advertised https locations.
 */
export interface EmbeddedCosmos {
  endpoint: string;
  port: number;
  /** Its HTTP server: local persistence watches it for writes. */
  server: Server;
  stop(): Promise<void>;
}

export async function startEmbeddedCosmos(port = 0, host = '127.0.0.1'): Promise<EmbeddedCosmos> {
  // Keep-alive: the client reuses its connections instead of a new TCP connection for every request.
  const server: Server = createHttpServer({ keepAlive: true });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://${host}:${actual}`,
    port: actual,
    server,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

export { EMBEDDED_KEY } from './embeddedThread';
