import { spawn } from 'node:child_process';
import type { ContainerClient } from '@azure/storage-blob';
import type { Config } from '../config';
import type { Logger } from '../log';

/**
 * The original documents of imported plans, in Azure Blob Storage, so every instance can serve the page a
 * citation points to. Without BLOB_ENDPOINT / BLOB_CONNECTION_STRING the official Azurite emulator runs
 * embedded in memory on loopback, as the Cosmos store does. The SDK and the emulator load only when a
 * plan file is first stored or read (they add seconds to start-up otherwise).
 */
export interface BlobOptions {
  /** https://<account>.blob.core.windows.net — signed in with managed identity. */
  endpoint?: string;
  /** A connection string with a key (secret). */
  connectionString?: string;
  managedIdentityClientId?: string;
  container: string;
}

export const blobOptionsOf = (config: Config): BlobOptions => ({
  endpoint: config.BLOB_ENDPOINT,
  connectionString: config.BLOB_CONNECTION_STRING,
  managedIdentityClientId: config.AZURE_CLIENT_ID,
  container: config.BLOB_CONTAINER,
});

export interface StoredFile {
  bytes: Buffer;
  contentType: string;
}

/** Azurite's well-known development account (documented by Microsoft; not a secret). */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const TIMEOUT_MS = 30_000;

/** The connection string of an Azurite blob service at `url` (its development account). */
export const azuriteConnectionString = (url: string): string => `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};BlobEndpoint=${url}/${DEV_ACCOUNT};`;

interface Embedded {
  close(): Promise<void>;
}

export class Originals {
  private opened?: Promise<{ container: ContainerClient; embedded?: Embedded }>;

  constructor(
    private readonly opts: BlobOptions,
    private readonly log: Logger,
  ) {}

  private open(): Promise<{ container: ContainerClient; embedded?: Embedded }> {
    this.opened ??= this.connect().catch((err) => {
      this.opened = undefined;
      throw err;
    });
    return this.opened;
  }

  private async connect(): Promise<{ container: ContainerClient; embedded?: Embedded }> {
    const { BlobServiceClient } = await import('@azure/storage-blob');
    let service;
    let embedded: Embedded | undefined;
    if (this.opts.connectionString) service = BlobServiceClient.fromConnectionString(this.opts.connectionString);
    else if (this.opts.endpoint) {
      const { DefaultAzureCredential } = await import('@azure/identity');
      service = new BlobServiceClient(this.opts.endpoint, new DefaultAzureCredential({ managedIdentityClientId: this.opts.managedIdentityClientId }));
    } else {
      const server = await startAzurite();
      embedded = server;
      service = BlobServiceClient.fromConnectionString(azuriteConnectionString(server.url));
      this.log.warn({ event: 'blob.embedded' }, 'Embedded Azurite blob store: plan originals are kept in memory and lost when Opari stops');
    }
    const container = service.getContainerClient(this.opts.container);
    await container.createIfNotExists({ abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
    return { container, embedded };
  }

  async put(name: string, bytes: Buffer, contentType: string): Promise<void> {
    const { container } = await this.open();
    await container.getBlockBlobClient(name).uploadData(bytes, { blobHTTPHeaders: { blobContentType: contentType }, abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
  }

  /** The file, or undefined when there is no such blob. */
  async get(name: string): Promise<StoredFile | undefined> {
    const { container } = await this.open();
    const blob = container.getBlockBlobClient(name);
    try {
      const bytes = await blob.downloadToBuffer(0, undefined, { abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
      const props = await blob.getProperties({ abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
      return { bytes, contentType: props.contentType ?? 'application/octet-stream' };
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 404) return undefined;
      throw err;
    }
  }

  async delete(name: string): Promise<void> {
    const { container } = await this.open();
    await container.getBlockBlobClient(name).deleteIfExists({ abortSignal: AbortSignal.timeout(TIMEOUT_MS) });
  }

  async close(): Promise<void> {
    const opened = await this.opened?.catch(() => undefined);
    await opened?.embedded?.close();
  }
}

/**
 * Azurite's blob service in memory on a free loopback port, as its own process: in the bot's process its
 * Express server would receive restify's patched requests, and its telemetry stays off (no network here).
 */
export async function startAzurite(): Promise<Embedded & { url: string }> {
  const main = require.resolve('azurite/dist/src/blob/main.js');
  const args = ['--blobHost', '127.0.0.1', '--blobPort', '0', '--inMemoryPersistence', '--skipApiVersionCheck', '--loose', '--silent', '--disableTelemetry'];
  const child = spawn(process.execPath, [main, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => child.exitCode === null && child.signalCode === null && child.kill('SIGTERM');
  process.once('exit', stop);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`Azurite did not start: ${out.slice(-300)}`)), TIMEOUT_MS);
    const seen = (d: Buffer) => {
      out += d.toString('utf8');
      const m = /successfully listens on (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Azurite exited with ${code}: ${out.slice(-300)}`));
    });
  });
  return {
    url,
    close: async () => {
      process.removeListener('exit', stop);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      stop();
      await exited;
    },
  };
}
