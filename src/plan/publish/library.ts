import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import type { Logger } from '../../log';
import type { Originals } from '../../store/originals';
import type { PlanService } from '../answer';
import { ImportError } from '../import/blocks';
import { sectionTree } from '../import/sections';
import { parsePlan, PlanLoadError } from '../load';
import { statusOf } from '../../store/errors';
import { todayInHelsinki } from '../../time/helsinki';
import { MAX_PLAN_BYTES } from './download';
import { type PlanVersion, type PlanVersions } from './versions';

/**
 * A region's own plan, uploaded and published by an admin: imported into a draft (sections in Cosmos,
 * the original in Blob Storage), tried, then published — or discarded, and an earlier one restored.
 * Publishing moves the `current` pointer; every instance's PlanWatcher follows it within seconds.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
};
const DRAFTS_KEPT = 3;

export const contentTypeOf = (fileName: string): string => CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream';

/** A file name safe as a blob name and in a URL path: no folders, no control characters. */
const safeName = (name: string) => name.replace(/[\\/\p{Cc}]/gu, '_').slice(-120) || 'plan';

/** The day in Finland: a plan uploaded at 00:30 Finnish time is dated that day, not the UTC day before. */
const today = () => todayInHelsinki();

/** 'v-20261204-1a2b3c4d': the day it was imported and eight hex digits of the upload key's hash. */
const versionIdOf = (uploadKey: string) => `v-${today().replace(/-/g, '')}-${createHash('sha256').update(uploadKey).digest('hex').slice(0, 8)}`;

export class PlanLibrary {
  /** Draft services built on this instance, newest last: a "try" needs the draft's index. */
  private readonly drafts = new Map<string, PlanService>();

  constructor(
    private readonly versions: PlanVersions,
    private readonly originals: Originals,
    private readonly live: PlanService,
    private readonly log: Logger,
  ) {}

  /**
   * The draft an upload makes: its id comes from the upload's key (the Teams message that carried the file), so
   * a message delivered twice makes one draft. Undefined until it is imported.
   */
  async draftOf(uploadKey: string): Promise<PlanVersion | undefined> {
    return this.versions.get(versionIdOf(uploadKey));
  }

  /**
   * Imports an uploaded document into a draft, once per `uploadKey`: when two instances import the same upload,
   * the second gets the first's draft. Throws ImportError (localized by its reason) and stores nothing then.
   */
  async importDraft(bytes: Buffer, fileName: string, by: string, uploadKey: string): Promise<PlanVersion> {
    const name = safeName(fileName);
    if (bytes.length > MAX_PLAN_BYTES) throw new ImportError('the file is larger than 50 MB', 'tooLarge');
    const started = Date.now();
    // The readers (mammoth, parse5, pdfjs) load on the first upload, not at every start.
    const { importDocument } = await import('../import');
    const result = await importDocument(bytes, name, { date: today(), keepOriginal: true });
    const files = result.files.map((f) => ({ path: f.path, text: String(f.content) }));
    try {
      parsePlan(files, name);
    } catch (err) {
      if (err instanceof PlanLoadError) throw new ImportError(`the document gave no usable sections (${err.problems[0]})`, 'invalid');
      throw err;
    }
    const versionId = versionIdOf(uploadKey);
    const blob = `${versionId}/${name}`;
    await this.originals.put(blob, bytes, contentTypeOf(name));
    const version = await this.versions
      .create(
        {
          id: versionId,
          versionId,
          status: 'draft',
          file: { name, contentType: contentTypeOf(name), size: bytes.length, blob },
          title: result.plan.title ?? name,
          sections: result.sections,
          subsections: result.subsections,
          words: result.words,
          pages: result.pages,
          tree: sectionTree(result.plan),
          warnings: result.plan.warnings.map((w) => w.message),
          createdBy: by,
          createdAt: new Date().toISOString(),
        },
        files,
      )
      .catch(async (err: unknown) => {
        const first = statusOf(err) === 409 ? await this.versions.get(versionId) : undefined;
        if (!first) throw err;
        return first;
      });
    this.log.info({ event: 'plan.draft.created', versionId, sections: result.sections + result.subsections, words: result.words, ms: Date.now() - started });
    return version;
  }

  /** A version answered as a draft (try a question), built once per instance. */
  async draftService(versionId: string): Promise<{ version: PlanVersion; service: PlanService } | undefined> {
    const version = await this.versions.get(versionId);
    if (!version || version.status === 'discarded') return undefined;
    let service = this.drafts.get(versionId);
    if (!service) {
      service = this.live.withPlan(parsePlan(await this.versions.files(version), version.file.name), versionId);
      this.drafts.set(versionId, service);
      if (this.drafts.size > DRAFTS_KEPT) this.drafts.delete(this.drafts.keys().next().value!);
    }
    return { version, service };
  }

  /**
   * Publishes a draft (or restores an earlier version): it becomes `current`, the one it replaces is kept
   * as archived. This instance switches at once; the others when their watcher next reads the pointer.
   */
  async publish(versionId: string, by: string): Promise<{ version: PlanVersion; replaced?: string } | undefined> {
    const version = await this.versions.setStatus(versionId, ['draft', 'archived', 'published'], 'published', { publishedAt: new Date().toISOString(), publishedBy: by });
    if (!version) return undefined;
    const replaced = await this.versions.point(versionId);
    if (replaced) await this.versions.setStatus(replaced, ['published'], 'archived');
    this.live.replace(parsePlan(await this.versions.files(version), version.file.name), versionId);
    this.log.info({ event: 'plan.published', versionId, replaced: replaced ?? null });
    return { version, replaced };
  }

  /** Drops a draft and its original; a published or archived version is never discarded. */
  async discard(versionId: string): Promise<PlanVersion | undefined> {
    const version = await this.versions.setStatus(versionId, ['draft'], 'discarded');
    if (!version) return undefined;
    this.drafts.delete(versionId);
    await this.originals.delete(version.file.blob);
    this.log.info({ event: 'plan.draft.discarded', versionId });
    return version;
  }

  /** Versions an admin can act on: the published one and the earlier ones, newest first. */
  async history(): Promise<PlanVersion[]> {
    return (await this.versions.list()).filter((v) => v.status === 'published' || v.status === 'archived');
  }

  /** The original document of a version (or of the plan kept as files: `local`). */
  original(versionId: string, file: string) {
    return this.originals.get(`${versionId}/${safeName(file)}`);
  }
}
