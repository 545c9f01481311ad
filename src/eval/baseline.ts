import MiniSearch from 'minisearch';
import type { Plan } from '../plan/model';
import { plainInline } from '../plan/markdown';

/**
 * The comparison: MiniSearch, a good general-purpose search library, with default settings on the same
 * sections (title, keywords and body in all languages). It has no threshold: it declines only when
 * nothing matches at all.
 */
export function miniSearchBaseline(plan: Plan): (question: string) => string[] {
  const docs = [...plan.sections.values()].map((s) => ({
    id: s.id,
    title: Object.values(s.title).join(' '),
    keywords: Object.values(s.keywords).flat().join(' '),
    text: Object.values(s.body)
      .flat()
      .map((b) => (b.kind === 'list' ? b.items.join(' ') : b.text))
      .map(plainInline)
      .join(' '),
  }));
  const ms = new MiniSearch({ fields: ['title', 'keywords', 'text'] });
  ms.addAll(docs);
  return (question) =>
    ms
      .search(question)
      .slice(0, 5)
      .map((r) => String(r.id));
}
