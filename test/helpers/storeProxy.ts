import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A proxy in front of the embedded store for one instance's client: it sees every request, and can hold
 * them all — to the store and to the other instances, that instance then looks frozen (or dead).
 */
export interface StoreProxy {
  endpoint: string;
  requests: { method: string; path: string }[];
  /** Holds every request from now on. */
  freeze(): void;
  /** Holds every request after the next one that matches (that one still goes through). */
  freezeAfter(match: (q: { method: string; path: string }) => boolean): void;
  thaw(): void;
  stop(): Promise<void>;
}

export async function storeProxy(target: string): Promise<StoreProxy> {
  const requests: { method: string; path: string }[] = [];
  let held: (() => void)[] | undefined;
  let trigger: ((q: { method: string; path: string }) => boolean) | undefined;
  const t = new URL(target);
  const server: Server = createServer((req, res) => {
    const forward = () => {
      const q = { method: req.method ?? '', path: decodeURIComponent(req.url ?? '') };
      requests.push(q);
      if (trigger?.(q)) {
        trigger = undefined;
        held = [];
      }
      const upstream = request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    };
    if (held) held.push(forward);
    else forward();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    freeze: () => (held = held ?? []),
    freezeAfter: (match) => (trigger = match),
    thaw: () => {
      const waiting = held ?? [];
      held = undefined;
      for (const f of waiting) f();
    },
    stop: () =>
      new Promise<void>((r) => {
        held = undefined;
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
