import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { type CaseService, pupilLabel } from '../../cases/service';
import { type FormDef, SCHOOL_FIELD } from '../../forms/registry';
import { validateSubmission } from '../../forms/submit';
import { type Lang, messages, type Messages } from '../../i18n';
import type { Logger } from '../../log';
import type { PlanService } from '../../plan/answer';
import type { Settings } from '../../expert/settings';
import type { Faq } from '../../expert/faq';
import { caseSummaryCard } from '../../ui/caseCards';
import { formCard, formsListCard } from '../../ui/formCards';
import { langFor, msgsFor, turnLog } from '../context';
import type { CaseNotices } from '../caseNotices';
import { cardActivity } from '../replies';
import { onCardAction } from './actions';
import { actorOf, submitKey } from './actor';
import { answerView } from './answerView';
import { welcomeCard } from './welcome';

/** What a form card carries besides its fields: the answer card's question, the meeting a memo belongs to. */
const cardContext = z.object({
  question: z.string().optional().catch(undefined),
  meetingId: z
    .string()
    .regex(/^m[0-9a-f]{16}$/)
    .optional()
    .catch(undefined),
});

/** "lomakkeet", and as people ask for them: "näytä lomakkeet", "show me the forms", "visa blanketterna". */
export const FORMS_PATTERN =
  /^\s*((näytä|nayta|avaa) (mulle |minulle )?)?(lomakkeet|lomake)\s*[.!?]*\s*$|^\s*((show|open) (me )?(the )?)?forms\s*[.!?]*\s*$|^\s*((visa|öppna) (mig )?)?blanketter(na)?\s*[.!?]*\s*$/i;
/** "uusi asia", and as people ask for it: "avaa uusi asia -lomake", "open a new case form", "öppna ett nytt ärende". */
export const NEW_CASE_PATTERN =
  /^\s*((avaa|täytä|tayta|aloita|tee) )?(uusi asia|uuden asian)( -?lomake| -?lomakkeen)?\s*[.!?]*\s*$|^\s*((open|start) )?(a )?new case( form)?\s*[.!?]*\s*$|^\s*((öppna|starta) )?(ett )?nytt ärende( blankett)?\s*[.!?]*\s*$/i;

export interface FormDeps {
  plan: PlanService;
  faq: Faq;
  forms: Map<string, FormDef>;
  cases: CaseService;
  settings: Settings;
  log: Logger;
  /** The school channel's notice of a new case. */
  notices: CaseNotices;
  /** Meeting, agenda and memo forms are handled by the meetings feature. */
  submitMeetingForm(context: TurnContext, form: FormDef, values: Record<string, unknown>, meetingId: string | undefined): Promise<Record<string, unknown> | string>;
}

/** A form that identifies a pupil is filled only in a personal chat: in a channel everyone would see it. */
const identifiesPupil = (f: FormDef) => f.fields.some((x) => x.identifying);
const isPersonal = (context: TurnContext) => (context.activity.conversation?.conversationType ?? 'personal') === 'personal';

/** Forms: the catalogue, opening a form, validating and submitting it (a case, stored once). */
export function registerForms(app: Application<TurnState>, deps: FormDeps): void {
  const list = (lang: Lang, m: Messages) =>
    formsListCard([...deps.forms.values()], lang, m, Object.fromEntries([...deps.forms.values()].map((f) => [f.id, f.intro[lang].split('. ')[0].replace(/\.$/, '')])));

  /** Sends the form as a new message, or says why it cannot be opened here. */
  const openForm = async (context: TurnContext, form: FormDef | undefined, lang: Lang, m: Messages) => {
    if (!form) await context.sendActivity(m.forms.unknownForm);
    else if (identifiesPupil(form) && !isPersonal(context)) await context.sendActivity(m.forms.personalOnly);
    else await context.sendActivity(cardActivity(formCard(form, lang, m)));
  };

  app.message(FORMS_PATTERN, async (context, state) => {
    const lang = langFor(context, state);
    await context.sendActivity(cardActivity(list(lang, messages(lang))));
  });

  app.message(NEW_CASE_PATTERN, async (context, state) => {
    const lang = langFor(context, state);
    await openForm(context, deps.forms.get('uusi-asia'), lang, messages(lang));
  });

  onCardAction(app, 'welcome.forms', async (context, state) => {
    const lang = langFor(context, state);
    await context.sendActivity(cardActivity(list(lang, messages(lang))));
    return welcomeCard(lang);
  });

  onCardAction(app, 'forms.open', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    await openForm(context, deps.forms.get(String(data.formId ?? '')), lang, m);
    // The clicked card stays: an answer card (it carries its question) or the forms list.
    const { question } = cardContext.parse(data);
    return question !== undefined ? answerView(context, deps, question, lang) : list(lang, m);
  });

  onCardAction(app, 'form.submit', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = msgsFor(context, state);
    const form = deps.forms.get(String(data.formId ?? ''));
    if (!form) return m.forms.unknownForm;
    const log = turnLog(context, deps.log);
    if (identifiesPupil(form) && !isPersonal(context)) return formCard(form, lang, m, { generalError: m.forms.personalOnly });
    const { meetingId } = cardContext.parse(data);
    const v = validateSubmission(form, data);
    if (!v.ok) {
      log.info({ event: 'form.invalid', formId: form.id, fields: v.problems.map((p) => `${p.field}:${p.code}`), tooLarge: !!v.tooLarge });
      return formCard(form, lang, m, { values: v.raw, problems: v.problems, generalError: v.tooLarge ? m.forms.tooLarge : undefined, meetingId });
    }
    if (form.onSubmit !== 'case') return deps.submitMeetingForm(context, form, v.values, meetingId);
    const actor = actorOf(context);
    // One case per card, person and form: a double click, a Teams retry or a replayed invoke lands here again.
    const channel = await deps.settings.schoolChannel(actor.tenantId, String(v.values[SCHOOL_FIELD]));
    const { case: c, duplicate } = await deps.cases.submit(form, v.values, actor, submitKey(context, form.id), { notice: !!channel });
    log.info({ event: 'case.submitted', caseId: c.id, number: c.number, formId: form.id, duplicate });
    // Sent at least once: a replay finds it recorded (or takes over a try that failed or died).
    const notice = channel ? await deps.notices.deliver(c, lang) : 'noChannel';
    // The initiator's own summary may repeat what they typed about the pupil, in their personal chat only.
    const pupil = isPersonal(context) ? pupilLabel(v.values) : undefined;
    return caseSummaryCard(c, form, lang, m, { duplicate, notice, schools: deps.cases.schools, pupil });
  });
}
