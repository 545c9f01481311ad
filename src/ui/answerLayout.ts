/**
 * The answer card's layout, built in code rather than bound from a template in cards/ like every other card:
 * it goes out on every question, and the templating engine spent more on it than the rest of the card's
 * making (adaptive-expressions evaluates each `${…}` with a fresh memory and path parse). Top to bottom: the
 * emergency banner, the section's path and title, the language note, the quoted passages under their
 * headings, the source line, open + form buttons, follow-ups, and feedback (or its thanks).
 */

export interface AnswerLayoutData {
  emergency: { show: boolean; title: string; lines: { text: string }[] };
  path: string;
  title: string;
  languageNote: string;
  passages: { heading: string; lines: { text: string }[] }[];
  source: string;
  url: string;
  forms: { title: string; formId: string; question: string }[];
  labels: { open: string; more: string; helpful: string; notHelpful: string };
  followUps: { title: string; id: string; question: string }[];
  question: string;
  sectionIds: string;
  feedbackDone: string;
  lang: string;
}

type Element = Record<string, unknown>;

const text = (t: string, style: Element = {}): Element => ({ type: 'TextBlock', text: t, ...style });

export function answerLayout(d: AnswerLayoutData): Record<string, unknown> {
  const body: Element[] = [];
  if (d.emergency.show) {
    body.push({
      type: 'Container',
      style: 'attention',
      bleed: true,
      items: [text(d.emergency.title, { weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }), ...d.emergency.lines.map((l) => text(l.text, { wrap: true, spacing: 'Small' }))],
    });
  }
  if (d.path !== '') body.push(text(d.path, { isSubtle: true, size: 'Small', wrap: true }));
  body.push(text(d.title, { size: 'Large', weight: 'Bolder', wrap: true, style: 'heading', spacing: 'Small' }));
  if (d.languageNote !== '') body.push(text(d.languageNote, { isSubtle: true, size: 'Small', wrap: true }));
  body.push({
    type: 'Container',
    id: 'passages',
    items: d.passages.map((p) => ({
      type: 'Container',
      items: [...(p.heading !== '' ? [text(p.heading, { weight: 'Bolder', wrap: true })] : []), ...p.lines.map((l) => text(l.text, { wrap: true, spacing: 'Small' }))],
    })),
  });
  body.push(text(d.source, { isSubtle: true, size: 'Small', wrap: true, spacing: 'Medium' }));
  body.push({
    type: 'ActionSet',
    actions: [
      { type: 'Action.OpenUrl', title: d.labels.open, url: d.url },
      ...d.forms.map((f) => ({ type: 'Action.Execute', title: `📝 ${f.title}`, verb: 'forms.open', data: { formId: f.formId, question: f.question, lang: d.lang } })),
    ],
  });
  if (d.followUps.length > 0) {
    body.push(text(d.labels.more, { weight: 'Bolder', size: 'Small', spacing: 'Medium' }));
    body.push({
      type: 'ActionSet',
      actions: d.followUps.map((f) => ({ type: 'Action.Execute', title: f.title, verb: 'plan.open', data: { sectionId: f.id, question: f.question, lang: d.lang } })),
    });
  }
  if (d.feedbackDone !== '') body.push(text(d.feedbackDone, { isSubtle: true, size: 'Small', wrap: true }));
  else {
    const vote = (v: 'up' | 'down', title: string, tooltip: string) => ({
      type: 'Action.Execute',
      title,
      tooltip,
      verb: 'plan.feedback',
      data: { vote: v, question: d.question, sectionIds: d.sectionIds, lang: d.lang },
    });
    body.push({ type: 'ActionSet', spacing: 'Medium', actions: [vote('up', '👍', d.labels.helpful), vote('down', '👎', d.labels.notHelpful)] });
  }
  return { type: 'AdaptiveCard', version: '1.5', body };
}
