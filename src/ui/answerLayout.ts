/**
 * The answer card's and the no-answer card's layouts, built in code rather than bound from a template in cards/
 * like every other card: one of them goes out on every question, and the templating engine spent more on them
 * than the rest of the card's making (adaptive-expressions evaluates each `${…}` with a fresh memory and path
 * parse). The answer card, top to bottom: the emergency banner, the section's path and title, the language
 * note, the quoted passages under their headings, the source line, open + form buttons, follow-ups, and
 * feedback (or its thanks).
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

type Emergency = AnswerLayoutData['emergency'];
const emergencyBanner = (e: Emergency): Element => ({
  type: 'Container',
  style: 'attention',
  bleed: true,
  items: [text(e.title, { weight: 'Bolder', size: 'Medium', wrap: true, style: 'heading' }), ...e.lines.map((l) => text(l.text, { wrap: true, spacing: 'Small' }))],
});

export function answerLayout(d: AnswerLayoutData): Record<string, unknown> {
  const body: Element[] = [];
  if (d.emergency.show) body.push(emergencyBanner(d.emergency));
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

export interface NoAnswerLayoutData {
  emergency: Emergency;
  title: string;
  text: string;
  closestTitle: string;
  closest: { title: string; id: string; question: string }[];
  /** What the section says where the region has yet to write the guidance asked for (its placeholder), and a link to it. */
  unwritten?: { languageNote: string; lines: { text: string }[]; url: string; open: string };
  expertText: string;
  expertButton: string;
  /** Ask an expert is offered (not for a question whose right place is known: pay, IT, the office). */
  expertOffer: boolean;
  /** Said instead of the offer once the question went to the experts. */
  expertSent: string;
  question: string;
  labels: { reminder: string; question: string; required: string; send: string };
}

/**
 * "The plan does not answer this": the emergency banner, why, the closest sections as buttons, and Ask an
 * expert with the question prefilled for editing (or what became of it).
 */
export function noAnswerLayout(d: NoAnswerLayoutData): Record<string, unknown> {
  const body: Element[] = [];
  if (d.emergency.show) body.push(emergencyBanner(d.emergency));
  body.push(text(d.title, { size: 'Medium', weight: 'Bolder', wrap: true, style: 'heading' }));
  body.push(text(d.text, { wrap: true }));
  if (d.unwritten) {
    if (d.unwritten.languageNote !== '') body.push(text(d.unwritten.languageNote, { isSubtle: true, size: 'Small', wrap: true }));
    body.push({ type: 'Container', id: 'placeholder', style: 'emphasis', items: d.unwritten.lines.map((l) => text(l.text, { wrap: true, spacing: 'Small' })) });
    body.push({ type: 'ActionSet', actions: [{ type: 'Action.OpenUrl', title: d.unwritten.open, url: d.unwritten.url }] });
  }
  if (d.closest.length > 0) {
    body.push(text(d.closestTitle, { weight: 'Bolder', size: 'Small', spacing: 'Medium' }));
    body.push({ type: 'ActionSet', actions: d.closest.map((c) => ({ type: 'Action.Execute', title: c.title, verb: 'plan.open', data: { sectionId: c.id, question: c.question } })) });
  }
  const offer = d.expertOffer && d.expertSent === '';
  if (offer) body.push(text(d.expertText, { wrap: true, isSubtle: true, spacing: 'Medium' }));
  if (d.expertSent !== '') body.push(text(d.expertSent, { wrap: true, weight: 'Bolder', spacing: 'Medium' }));
  if (offer) {
    body.push({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ShowCard',
          title: d.expertButton,
          card: {
            type: 'AdaptiveCard',
            body: [
              text(d.labels.reminder, { wrap: true, size: 'Small', color: 'Attention' }),
              {
                type: 'Input.Text',
                id: 'expertQuestion',
                label: d.labels.question,
                isMultiline: true,
                maxLength: 500,
                isRequired: true,
                errorMessage: d.labels.required,
                value: d.question,
              },
            ],
            actions: [{ type: 'Action.Execute', title: d.labels.send, verb: 'expert.ask', style: 'positive', data: { question: d.question } }],
          },
        },
      ],
    });
  }
  return { type: 'AdaptiveCard', version: '1.5', body };
}
