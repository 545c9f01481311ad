import type { FaqEntry } from '../expert/faq';
import { messages } from '../i18n';
import type { Lang } from '../plan/analyze';
import { anchorOf, type PlanService } from '../plan/answer';
import { blocksToHtml, inlineHtml } from '../plan/markdown';
import { bodyLangOf, headingOf, neighboursOf, pathOf, type PlanSection, planTitleOf } from '../plan/model';
import { formatInstantDay } from '../time/format';
import { html, join, raw } from './html';

/** A readable HTML page of one plan section with its neighbours: the "Open whole section" target. */

export function renderPlanPage(service: PlanService, id: string, lang: Lang): string | undefined {
  const plan = service.plan;
  const section = plan.sections.get(id);
  if (!section) return undefined;
  const ui = messages(lang).planPage;
  const link = (s: PlanSection) => html`<a href="${service.url(s.id, lang).replace(/^https?:\/\/[^/]+/, '')}">${headingOf(s, lang)}</a>`;
  const bodyLang = bodyLangOf(section, lang);
  const { prev, next } = neighboursOf(plan, id);
  const parent = section.parentId ? plan.sections.get(section.parentId) : undefined;
  const children = section.childIds.map((c) => plan.sections.get(c)!).filter(Boolean);
  const planTitle = planTitleOf(plan.meta, lang);
  const notice = plan.meta.notice?.[lang] ?? plan.meta.notice?.[plan.meta.lang];
  const langLinks = join(
    (['fi', 'sv', 'en'] as Lang[]).map((l) => (l === lang ? html`<strong>${l}</strong>` : html`<a href="/plan/${id}?lang=${l}" hreflang="${l}">${l}</a>`)),
    ' · ',
  );
  const toc = plan.topLevel.map((t) => html`<li${t === id || t === section.parentId ? raw(' class="here"') : ''}>${link(plan.sections.get(t)!)}</li>`);
  const original = service.originalUrl(section);
  const pages = section.source?.page ? ` (${ui.page} ${section.source.page}${section.source.lastPage && section.source.lastPage !== section.source.page ? `–${section.source.lastPage}` : ''})` : '';
  const formLinks = section.forms.map((f) => plan.sections.get(`lomakkeisto/${f}`)).filter((s): s is PlanSection => !!s);
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${headingOf(section, lang)} – ${planTitle}</title>
<style>
  body { font-family: "Segoe UI", system-ui, sans-serif; margin: 0; color: #242424; background: #fafafa; line-height: 1.55; }
  header { background: #0e7c86; color: #fff; padding: .8rem 1.5rem; display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
  header a { color: #fff; }
  .wrap { display: grid; grid-template-columns: 16rem 1fr; gap: 2rem; max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
  nav ol { padding-left: 1.2rem; font-size: .92rem; } nav li.here > a { font-weight: 700; }
  main { background: #fff; padding: 1.5rem 2rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); max-width: 48rem; }
  .crumbs { color: #616161; font-size: .9rem; } .notice { background: #fff4ce; padding: .6rem .9rem; border-radius: 6px; font-size: .9rem; }
  .meta { color: #616161; font-size: .9rem; border-top: 1px solid #e0e0e0; margin-top: 2rem; padding-top: 1rem; }
  .pager { display: flex; justify-content: space-between; margin-top: 1.5rem; gap: 1rem; }
  article :target { background: #fff4ce; outline: .4rem solid #fff4ce; border-radius: 2px; scroll-margin-top: 1rem; }
  article :target + ul, article :target + ol { background: #fff4ce; }
  @media (max-width: 800px) { .wrap { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header><span>${planTitle}</span><span>${langLinks}</span></header>
<div class="wrap">
<nav aria-label="${ui.contents}"><strong>${ui.contents}</strong><ol>${toc}</ol></nav>
<main>
${notice ? html`<p class="notice">${raw(inlineHtml(notice))}</p>` : ''}
<p class="crumbs">${join(pathOf(plan, section, lang), ' › ')}</p>
<h1>${headingOf(section, lang)}</h1>
${bodyLang !== lang ? html`<p class="notice">${messages(lang).planLanguage.page[bodyLang]}</p>` : ''}
<article lang="${bodyLang}">
${raw(blocksToHtml(section.body[bodyLang] ?? [], 0, anchorOf))}
</article>
${children.length ? html`<h2>${ui.sub}</h2><ul>${children.map((c) => html`<li>${link(c)}</li>`)}</ul>` : ''}
<div class="meta">
${parent ? html`<p>${ui.up}: ${link(parent)}</p>` : ''}
${section.law.length ? html`<p>${ui.law}: ${join(section.law, ', ')}</p>` : ''}
${formLinks.length ? html`<p>${ui.forms}: ${join(formLinks.map(link), ', ')}</p>` : ''}
${section.reviewed ? html`<p>${ui.reviewed}: ${section.reviewed}</p>` : ''}
${original ? html`<p><a class="original" href="${original.replace(/^https?:\/\/[^/]+/, '')}">${ui.original}${pages}</a></p>` : ''}
</div>
<p class="pager"><span>${prev ? html`← ${ui.prev}: ${link(prev)}` : ''}</span><span>${next ? html`${ui.next}: ${link(next)} →` : ''}</span></p>
</main>
</div>
</body>
</html>`.value;
}

/** An expert's answer kept as FAQ: the question, the answer, who answered and when. */
export function renderFaqPage(service: PlanService, e: FaqEntry): string {
  const planTitle = planTitleOf(service.plan.meta, e.lang);
  const ui = messages(e.lang).planPage;
  return html`<!doctype html>
<html lang="${e.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e.question} – ${planTitle}</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#242424}.meta{color:#616161;font-size:.9rem}</style>
</head><body>
<p class="meta">${planTitle} · ${ui.faqAnswer}</p>
<h1>${e.question}</h1>
<p>${raw(inlineHtml(e.answer))}</p>
<p class="meta">${ui.answeredBy}: ${e.answeredBy} · ${formatInstantDay(e.createdAt, e.lang)}</p>
</body></html>`.value;
}

/** A signed FAQ link past its time: the way to a fresh one, in the three languages (the page cannot know which). */
export function renderExpiredPage(): string {
  return `<!doctype html>
<html lang="fi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Opari</title>
<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#242424}</style>
</head><body>
${(['fi', 'sv', 'en'] as const).map((l) => `<p lang="${l}">${messages(l).planPage.expired}</p>`).join('\n')}
</body></html>`;
}
