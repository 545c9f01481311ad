import { format, type Lang, type Messages } from '../i18n';
import type { Answer, SectionRef } from '../plan/answer';
import { plainInline } from '../plan/markdown';
import type { PlanVersion } from '../plan/publish/versions';
import { formatDayDate } from '../time/format';
import { renderCard } from './cards';

/** Cards of the plan's upload: the draft's preview (try, publish, discard) and the versions to restore. */

const TREE_ROWS = 25;
/** Teams cuts a citation's name at 80 characters (longer gives no error, only a cut title). */
const CITATION_NAME = 80;

/** "s. 14", "s. 14–15" / "p. 14" for a section of an imported PDF; empty otherwise. */
export function pageLabel(ref: { page?: number; lastPage?: number }, m: Messages): string {
  if (!ref.page) return '';
  return ref.lastPage && ref.lastPage !== ref.page ? format(m.planAdmin.pages, { page: ref.page, last: ref.lastPage }) : format(m.planAdmin.page, { page: ref.page });
}

/** "3.2 Kotiopetus (s. 14)": how a section is cited. */
export function sourceOf(ref: SectionRef, m: Messages): string {
  const page = pageLabel(ref, m);
  return page ? `${ref.title} (${page})` : ref.title;
}

/**
 * A citation's name: the section's own number and title first, then its page, within Teams' limit. The
 * page goes first when something must go, and a title longer than the limit ends at a word with "…".
 */
export function citationName(ref: SectionRef, m: Messages): string {
  const full = sourceOf(ref, m);
  if (full.length <= CITATION_NAME) return full;
  if (ref.title.length <= CITATION_NAME) return ref.title;
  const cut = ref.title.slice(0, CITATION_NAME - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), CITATION_NAME / 2))}…`;
}

const dateOf = (iso: string | undefined, lang: Lang) => (iso ? formatDayDate(iso, lang) : '');

export function previewCard(version: PlanVersion, m: Messages, opts: { question?: string; tried?: Answer } = {}): Record<string, unknown> {
  const p = m.planAdmin;
  const facts = [format(p.facts, { sections: version.sections, subsections: version.subsections, words: version.words })];
  if (version.pages) facts.push(format(p.pagesFact, { pages: version.pages }));
  facts.push(format(p.fileFact, { file: version.file.name }));
  const top = version.tree.filter((r) => r.depth === 0);
  const children = (id: string) => version.tree.filter((r) => r.depth === 1 && r.id.startsWith(`${id}/`)).length;
  const tree = top.slice(0, TREE_ROWS).map((r) => {
    const parts = [`${r.number ? `${r.number} ` : ''}${r.title}`];
    const n = children(r.id);
    if (n > 0) parts.push(format(p.subsections, { count: n }));
    const page = pageLabel(r, m);
    if (page) parts.push(page);
    return { text: parts.join(' · ') };
  });
  if (top.length > TREE_ROWS) tree.push({ text: format(p.more, { count: top.length - TREE_ROWS }) });
  const warnings = version.warnings.length ? version.warnings.map((text) => ({ text: `• ${text}`, color: 'Warning' })) : [{ text: p.noWarnings, color: 'Good' }];
  let tryTitle = '';
  let tryPassage: { text: string }[] = [];
  if (opts.tried?.kind === 'answer') {
    const best = opts.tried.best;
    tryTitle = format(p.tryAnswer, { source: sourceOf(best, m) });
    tryPassage = best.passages
      .flatMap((q) => q.blocks)
      .flatMap((b) => (b.kind === 'list' ? b.items.map((i) => `• ${i}`) : b.kind === 'paragraph' ? [b.text] : []))
      .slice(0, 4)
      .map((text) => ({ text: plainInline(text) }));
  } else if (opts.tried) tryTitle = p.tryNone;
  return renderCard('plan-preview', {
    title: format(p.previewTitle, { title: version.title }),
    facts: facts.join(' · '),
    treeTitle: p.treeTitle,
    tree,
    warningsTitle: p.warningsTitle,
    warnings,
    tryTitle,
    tryPassage,
    question: opts.question ?? '',
    versionId: version.versionId,
    labels: { try: p.tryLabel, placeholder: p.tryPlaceholder, required: p.tryRequired, tryButton: p.tryButton, publish: p.publishButton, discard: p.discardButton },
  });
}

/** The published version and the earlier ones, each earlier one with a Restore button. */
export function versionsCard(versions: PlanVersion[], current: string | undefined, m: Messages, lang: Lang, notice = ''): Record<string, unknown> {
  const p = m.planAdmin;
  return renderCard('plan-versions', {
    notice,
    title: p.versionsTitle,
    empty: p.noVersions,
    versions: versions.map((v) => ({
      text: format(p.versionLine, { title: v.title, file: v.file.name, date: dateOf(v.publishedAt ?? v.createdAt, lang) }),
      state: v.versionId === current ? p.current : '',
      restore: v.versionId === current ? '' : p.restoreButton,
      versionId: v.versionId,
    })),
  });
}
