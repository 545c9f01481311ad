import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Activity, TurnContext } from 'botbuilder';
import { extname } from 'node:path';
import { z } from 'zod';
import { format, type Lang, messages, type Messages } from '../../i18n';
import type { Logger } from '../../log';
import type { PlanService } from '../../plan/answer';
import { ImportError, type ImportFailure } from '../../plan/import/blocks';
import { download } from '../../plan/publish/download';
import type { PlanLibrary } from '../../plan/publish/library';
import type { ConversationRef } from '../../store/conversationRefs';
import { previewCard, versionsCard } from '../../ui/planAdminCards';
import { langFor, msgsFor, turnLog } from '../context';
import { cardActivity, conversationRefOf, tenantOf } from '../replies';
import { onCardAction } from './actions';
import { MAX_QUESTION } from './answerView';

/**
 * A region's own plan from Teams: an admin sends the document in a personal chat (supportsFiles), Opari
 * acknowledges at once (the turn limit is 15 s), imports it in the background and posts a preview card to
 * try a question, publish or discard; `suunnitelman versiot` lists the versions to restore.
 */
export const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';
export const VERSIONS_PATTERN = /^\s*(suunnitelman versiot|plan versions|planens versioner)\s*[.!]*\s*$/i;
const SUPPORTED = new Set(['.pdf', '.docx', '.html', '.htm']);

export interface PlanAdminDeps {
  plan: PlanService;
  library: PlanLibrary;
  isAdmin(context: TurnContext): boolean;
  /** Local mode only: the Playground and tests serve downloads over http. */
  allowHttpDownloads: boolean;
  send(ref: ConversationRef, activity: Partial<Activity>): Promise<void>;
  log: Logger;
}

const fileSchema = z.object({ name: z.string().min(1).max(255), content: z.object({ downloadUrl: z.string().url() }) });
const versionData = z.object({ versionId: z.string().regex(/^v-\d{8}-[0-9a-f]{8}$/) }).passthrough();
const tryData = versionData.extend({ question: z.string().trim().max(MAX_QUESTION).default('') });

/** The file a Teams user attached, if any (its name and its short-lived download URL). */
function fileOf(activity: Activity): { name: string; url: string } | undefined {
  for (const a of activity.attachments ?? []) {
    if (a.contentType !== FILE_INFO) continue;
    const parsed = fileSchema.safeParse(a);
    if (parsed.success) return { name: parsed.data.name, url: parsed.data.content.downloadUrl };
  }
  return undefined;
}

const FAILURE: Record<ImportFailure, keyof Messages['planAdmin']> = {
  empty: 'empty',
  unsupported: 'wrongType',
  encrypted: 'encrypted',
  noText: 'noText',
  invalid: 'invalid',
  tooLarge: 'tooLarge',
  output: 'invalid',
};

/** Imports run one at a time on an instance: each takes a core for seconds. */
let queue: Promise<unknown> = Promise.resolve();

export function registerPlanAdmin(app: Application<TurnState>, deps: PlanAdminDeps): void {
  const importUpload = async (ref: ConversationRef, file: { name: string; url: string }, upload: { by: string; key: string }, lang: Lang, log: Logger) => {
    const m = messages(lang);
    try {
      // A message Teams delivered again (its reply was lost) does not make a second draft.
      if (await deps.library.draftOf(upload.key)) return void log.info({ event: 'plan.upload.redelivered' });
      const bytes = await download(file.url, { allowHttp: deps.allowHttpDownloads }).catch((err: unknown) => {
        if (err instanceof ImportError) throw err;
        throw Object.assign(new Error('download failed'), { name: 'DownloadFailed' });
      });
      const version = await deps.library.importDraft(bytes, file.name, upload.by, upload.key);
      await deps.send(ref, cardActivity(previewCard(version, m)));
    } catch (err) {
      const reason = err instanceof ImportError ? err.reason : (err as Error).name === 'DownloadFailed' ? 'download' : 'error';
      log.warn({ event: 'plan.upload.failed', reason, type: (err as Error)?.name, status: (err as { statusCode?: number }).statusCode ?? null });
      const text = err instanceof ImportError ? m.planAdmin[FAILURE[err.reason]] : reason === 'download' ? m.planAdmin.downloadFailed : m.planAdmin.invalid;
      await deps
        .send(ref, { type: 'message', text: format(text, { file: file.name }) })
        .catch((e: { statusCode?: number }) => log.warn({ event: 'plan.upload.reply-failed', status: e?.statusCode ?? null }));
    }
  };

  app.message(
    async (context) => context.activity.type === 'message' && fileOf(context.activity) !== undefined,
    async (context, state) => {
      const m = msgsFor(context, state);
      const file = fileOf(context.activity)!;
      const ref = conversationRefOf(context.activity);
      if (!deps.isAdmin(context)) return void (await context.sendActivity(m.planAdmin.adminOnly));
      if (ref.scope !== 'personal') return void (await context.sendActivity(m.planAdmin.personalOnly));
      if (!SUPPORTED.has(extname(file.name).toLowerCase())) return void (await context.sendActivity(format(m.planAdmin.wrongType, { file: file.name })));
      await context.sendActivity(format(m.planAdmin.received, { file: file.name }));
      const log = turnLog(context, deps.log);
      log.info({ event: 'plan.upload.received' });
      const by = context.activity.from.aadObjectId ?? context.activity.from.id;
      const lang = langFor(context, state);
      const key = [tenantOf(context.activity) ?? 'none', ref.conversationId, context.activity.id ?? file.url].join('|');
      queue = queue.then(() => importUpload(ref, file, { by, key }, lang, log));
    },
  );

  const showVersions = async (m: Messages, lang: Lang, notice = '') => versionsCard(await deps.library.history(), deps.plan.source, m, lang, notice);

  app.message(VERSIONS_PATTERN, async (context, state) => {
    const m = msgsFor(context, state);
    if (!deps.isAdmin(context)) return void (await context.sendActivity(m.cases.adminOnly));
    await context.sendActivity(cardActivity(await showVersions(m, langFor(context, state))));
  });

  onCardAction(app, 'plan.draft.try', async (context, state, data) => {
    const m = msgsFor(context, state);
    const parsed = tryData.safeParse(data);
    if (!deps.isAdmin(context)) return m.planAdmin.adminOnly;
    if (!parsed.success) return m.planAdmin.gone;
    const draft = await deps.library.draftService(parsed.data.versionId);
    if (!draft) return m.planAdmin.gone;
    const question = parsed.data.question;
    const tried = question ? draft.service.answer(question, langFor(context, state)) : undefined;
    turnLog(context, deps.log).info({ event: 'plan.draft.tried', versionId: draft.version.versionId, kind: tried?.kind ?? null });
    return previewCard(draft.version, m, { question, tried });
  });

  onCardAction(app, 'plan.draft.publish', async (context, state, data) => {
    const m = msgsFor(context, state);
    const parsed = versionData.safeParse(data);
    if (!deps.isAdmin(context)) return m.planAdmin.adminOnly;
    const draft = parsed.success ? await deps.library.draftService(parsed.data.versionId) : undefined;
    if (!draft || draft.version.status !== 'draft') return m.planAdmin.gone;
    const done = await deps.library.publish(draft.version.versionId, context.activity.from.aadObjectId ?? context.activity.from.id);
    if (!done) return m.planAdmin.gone;
    return showVersions(m, langFor(context, state), format(m.planAdmin.published, { title: done.version.title }));
  });

  onCardAction(app, 'plan.draft.discard', async (context, state, data) => {
    const m = msgsFor(context, state);
    const parsed = versionData.safeParse(data);
    if (!deps.isAdmin(context)) return m.planAdmin.adminOnly;
    const discarded = parsed.success ? await deps.library.discard(parsed.data.versionId) : undefined;
    return discarded ? format(m.planAdmin.discarded, { title: discarded.title }) : m.planAdmin.gone;
  });

  onCardAction(app, 'plan.version.restore', async (context, state, data) => {
    const m = msgsFor(context, state);
    const parsed = versionData.safeParse(data);
    if (!deps.isAdmin(context)) return m.planAdmin.adminOnly;
    const version = parsed.success ? (await deps.library.history()).find((v) => v.versionId === parsed.data.versionId) : undefined;
    const done = version ? await deps.library.publish(version.versionId, context.activity.from.aadObjectId ?? context.activity.from.id) : undefined;
    if (!done) return m.planAdmin.gone;
    return showVersions(m, langFor(context, state), format(m.planAdmin.restored, { title: done.version.title }));
  });
}
