import type { Container } from '@azure/cosmos';
import { readDoc, updateDoc } from '../../store/documents';
import { statusOf } from '../../store/errors';
import { withStoreRetry } from '../../store/retry';
import type { TreeRow } from '../import/sections';
import type { PlanFile } from '../load';

/**
 * Plan versions in Cosmos (container `plans`, partition key /versionId): a version document, its section
 * files in chunks (a Cosmos item holds at most 2 MB; a long plan's Markdown is more), and one `current`
 * pointer document whose ETag every instance watches, as the FAQ's version document is watched.
 */
export type VersionStatus = 'draft' | 'published' | 'archived' | 'discarded';

export interface PlanVersion {
  id: string;
  versionId: string;
  kind: 'version';
  status: VersionStatus;
  /** The uploaded file: its name, type, size and blob. */
  file: { name: string; contentType: string; size: number; blob: string };
  title: string;
  sections: number;
  subsections: number;
  words: number;
  pages?: number;
  /** The first two levels of the tree, for the preview card. */
  tree: TreeRow[];
  warnings: string[];
  chunks: number;
  createdBy: string;
  createdAt: string;
  publishedAt?: string;
  publishedBy?: string;
  _etag?: string;
}

interface FileChunk {
  id: string;
  versionId: string;
  kind: 'files';
  files: PlanFile[];
}

export interface Pointer {
  id: 'current';
  versionId: 'current';
  kind: 'pointer';
  /** The published version; none while the plan kept as files (PLAN_DIR) is in force. */
  current?: string;
  /** Earlier published versions, newest first: what an admin can restore. */
  history: string[];
  updatedAt: string;
  _etag?: string;
}

/** Stays well under Cosmos' 2 MB per item, with room for the JSON around the text. */
const CHUNK_CHARS = 700_000;
const HISTORY = 20;

export class PlanVersions {
  constructor(private readonly container: Container) {}

  /** Writes the files first and the version document last, so a version that exists is whole. */
  async create(version: Omit<PlanVersion, 'chunks' | 'kind'>, files: PlanFile[]): Promise<PlanVersion> {
    const chunks: PlanFile[][] = [[]];
    let size = 0;
    for (const f of files) {
      if (size + f.text.length > CHUNK_CHARS && chunks[chunks.length - 1].length > 0) {
        chunks.push([]);
        size = 0;
      }
      chunks[chunks.length - 1].push(f);
      size += f.text.length;
    }
    for (const [i, part] of chunks.entries()) {
      const chunk: FileChunk = { id: `${version.versionId}:${i}`, versionId: version.versionId, kind: 'files', files: part };
      await withStoreRetry(() => this.container.items.upsert(chunk));
    }
    const doc: PlanVersion = { ...version, kind: 'version', chunks: chunks.length };
    const { resource } = await withStoreRetry(() => this.container.items.create(doc));
    return resource as unknown as PlanVersion;
  }

  get(versionId: string): Promise<PlanVersion | undefined> {
    return readDoc<PlanVersion>(this.container, versionId, versionId);
  }

  async files(version: PlanVersion): Promise<PlanFile[]> {
    const out: PlanFile[] = [];
    for (let i = 0; i < version.chunks; i++) {
      const chunk = await readDoc<FileChunk>(this.container, `${version.versionId}:${i}`, version.versionId);
      if (!chunk) throw new Error(`plan version ${version.versionId} is missing part ${i}`);
      out.push(...chunk.files);
    }
    return out;
  }

  /** Changes a version's status under its ETag; undefined when it is gone. */
  setStatus(versionId: string, from: VersionStatus[], to: VersionStatus, extra: Partial<PlanVersion> = {}): Promise<PlanVersion | undefined> {
    return updateDoc<PlanVersion>(this.container, versionId, versionId, (v) => (from.includes(v.status) ? { ...v, ...extra, status: to } : undefined), 'plan');
  }

  pointer(): Promise<Pointer | undefined> {
    return readDoc<Pointer>(this.container, 'current', 'current');
  }

  /**
   * Points `current` at a version under the pointer's ETag (412: someone published at the same moment,
   * read again); the version it replaces goes to the history. Returns the version replaced.
   */
  async point(versionId: string): Promise<string | undefined> {
    const now = new Date().toISOString();
    try {
      await withStoreRetry(() => this.container.items.create<Pointer>({ id: 'current', versionId: 'current', kind: 'pointer', current: versionId, history: [], updatedAt: now }));
      return undefined;
    } catch (err) {
      if (statusOf(err) !== 409) throw err;
    }
    let replaced: string | undefined;
    await updateDoc<Pointer>(
      this.container,
      'current',
      'current',
      (p) => {
        replaced = p.current;
        if (p.current === versionId) return undefined;
        const history = [p.current, ...p.history.filter((h) => h !== versionId && h !== p.current)].filter((h): h is string => !!h).slice(0, HISTORY);
        return { ...p, current: versionId, history, updatedAt: now };
      },
      'plan',
    );
    return replaced === versionId ? undefined : replaced;
  }

  /** Every version, newest first (the list an admin restores from). */
  async list(): Promise<PlanVersion[]> {
    const { resources } = await this.container.items.query<PlanVersion>({ query: "SELECT * FROM c WHERE c.kind = 'version'" }).fetchAll();
    return resources.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }
}
