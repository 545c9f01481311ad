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

/**
 * Listens on `port`, or with 0 on a port the system picks for which `avoid` is false: the bot passes the ports it
 * and the Playground are about to listen on, which the system may hand out again once whoever chose them let them go.
 */
export async function startEmbeddedCosmos(port = 0, host = '127.0.0.1', avoid: (port: number) => boolean = () => false): Promise<EmbeddedCosmos> {
  // Keep-alive: the client reuses its connections instead of a new TCP connection for every request.
  let server: Server = createHttpServer({ keepAlive: true });
  await listen(server, port, host);
  // A port to avoid stays held while the next is picked, so that the system cannot give it back again (five at most:
  // the system hands out one of tens of thousands).
  const held: Server[] = [];
  while (port === 0 && held.length < 5 && avoid(portOf(server))) {
    held.push(server);
    server = createHttpServer({ keepAlive: true });
    await listen(server, 0, host);
  }
  await Promise.all(held.map((h) => new Promise((r) => h.close(r))));
  const actual = portOf(server);
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

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

const portOf = (server: Server) => (server.address() as AddressInfo).port;

export { EMBEDDED_KEY } from './embeddedThread';
