import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { ROLES, type Role } from '../../cases/roles';
import type { CaseService } from '../../cases/service';
import type { Settings } from '../../expert/settings';
import type { FormDef } from '../../forms/registry';
import { format, messages } from '../../i18n';
import type { Logger } from '../../log';
import { gdprCard, rolesCard, schoolChannelCard } from '../../ui/caseCards';
import { renderCard } from '../../ui/cards';
import { langFor, msgsFor, turnLog } from '../context';
import { cardActivity, conversationRefOf } from '../replies';
import { onCardAction } from './actions';
import { actorOf } from './actor';
import { CASE_NUMBER } from './cases';
import { roster } from './roster';

export const SCHOOL_CHANNEL_PATTERN = /^\s*(opiskeluhuoltokanava|welfare channel|elevhälsokanal)\s*[.!]*\s*$/i;
export const ROLES_PATTERN = /^\s*(roolit|roles|roller)\s*[.!]*\s*$/i;
export const GDPR_PATTERN = /^\s*(tietopyyntö|tietopyynto|gdpr|access request|begäran om insyn)\s*[.!]*\s*$/i;
export const DELETE_PATTERN = new RegExp(String.raw`^\s*(poista asia|delete case|radera ärende)\s+(${CASE_NUMBER})\s*$`, 'i');

export interface AdminDeps {
  cases: CaseService;
  settings: Settings;
  forms: Map<string, FormDef>;
  isAdmin(context: TurnContext): boolean;
  log: Logger;
}

const roleData = z.object({ school: z.string().regex(/^[a-z0-9-]{1,40}$/), role: z.enum(ROLES as [Role, ...Role[]]), person: z.string().min(1).max(200) }).passthrough();
const removeData = z.object({ schoolId: z.string().regex(/^[a-z0-9-]{1,40}$/), role: z.enum(ROLES as [Role, ...Role[]]), userId: z.string().min(1).max(200) }).passthrough();
const gdprData = z.object({ pupilName: z.string().trim().min(1).max(100), pupilClass: z.string().trim().min(1).max(10) }).passthrough();

/** Admin acts: school channels, role grants, GDPR export and case deletion. Each is refused to non-admins. */
export function registerAdmin(app: Application<TurnState>, deps: AdminDeps): void {
  const schools = () => [...deps.cases.schools.values()];
  const guard = async (context: TurnContext, state: TurnState) => {
    if (deps.isAdmin(context)) return true;
    await context.sendActivity(msgsFor(context, state).cases.adminOnly);
    return false;
  };

  app.message(SCHOOL_CHANNEL_PATTERN, async (context, state) => {
    const m = msgsFor(context, state);
    if (!(await guard(context, state))) return;
    if (conversationRefOf(context.activity).scope !== 'channel') {
      await context.sendActivity(m.cases.channelOnly);
      return;
    }
    await context.sendActivity(cardActivity(schoolChannelCard(schools(), m)));
  });

  onCardAction(app, 'school.channel.set', async (context, state, data) => {
    const lang = langFor(context, state);
    const m = messages(lang);
    if (!deps.isAdmin(context)) return m.cases.adminOnly;
    const school = deps.cases.schools.get(String(data.school ?? ''));
    const ref = conversationRefOf(context.activity);
    if (!school) return schoolChannelCard(schools(), m);
    if (ref.scope !== 'channel') return m.cases.channelOnly;
    await deps.settings.setSchoolChannel(ref.tenantId, school.id, { ref, setBy: context.activity.from.aadObjectId ?? context.activity.from.id, setAt: new Date().toISOString(), lang });
    turnLog(context, deps.log).info({ event: 'school.channel.set', schoolId: school.id });
    return format(m.cases.channelSet, { school: school.name });
  });

  const showRoles = async (context: TurnContext, state: TurnState, notice = '') => {
    const actor = actorOf(context);
    return rolesCard(await deps.cases.roles.all(actor.tenantId), schools(), await roster(context), langFor(context, state), msgsFor(context, state), notice);
  };

  app.message(ROLES_PATTERN, async (context, state) => {
    if (!(await guard(context, state))) return;
    await context.sendActivity(cardActivity(await showRoles(context, state)));
  });

  onCardAction(app, 'roles.add', async (context, state, data) => {
    const m = msgsFor(context, state);
    if (!deps.isAdmin(context)) return m.cases.adminOnly;
    const parsed = roleData.safeParse(data);
    if (!parsed.success) return showRoles(context, state);
    const person = (await roster(context)).find((p) => p.id === parsed.data.person);
    if (!person || !deps.cases.schools.has(parsed.data.school)) return showRoles(context, state);
    const actor = actorOf(context);
    await deps.cases.grantRole(actor, parsed.data.school, parsed.data.role, { userId: person.id, aadObjectId: person.aadObjectId, name: person.name });
    turnLog(context, deps.log).info({ event: 'role.granted', schoolId: parsed.data.school, role: parsed.data.role });
    return showRoles(context, state, m.cases.roleAdded);
  });

  onCardAction(app, 'roles.remove', async (context, state, data) => {
    const m = msgsFor(context, state);
    if (!deps.isAdmin(context)) return m.cases.adminOnly;
    const parsed = removeData.safeParse(data);
    if (!parsed.success) return showRoles(context, state);
    const actor = actorOf(context);
    const grant = (await deps.cases.roles.all(actor.tenantId)).find((g) => g.schoolId === parsed.data.schoolId && g.role === parsed.data.role && g.user.userId === parsed.data.userId);
    if (grant) await deps.cases.revokeRole(actor, grant);
    turnLog(context, deps.log).info({ event: 'role.revoked', schoolId: parsed.data.schoolId, role: parsed.data.role });
    return showRoles(context, state, m.cases.roleRemoved);
  });

  app.message(GDPR_PATTERN, async (context, state) => {
    const m = msgsFor(context, state);
    if (!(await guard(context, state))) return;
    if (conversationRefOf(context.activity).scope !== 'personal') {
      await context.sendActivity(m.forms.personalOnly);
      return;
    }
    await context.sendActivity(cardActivity(gdprCard(m)));
  });

  onCardAction(app, 'gdpr.export', async (context, state, data) => {
    const m = msgsFor(context, state);
    if (!deps.isAdmin(context)) return m.cases.adminOnly;
    if (conversationRefOf(context.activity).scope !== 'personal') return m.forms.personalOnly;
    const parsed = gdprData.safeParse(data);
    if (!parsed.success) return gdprCard(m);
    const views = await deps.cases.exportPupil(parsed.data.pupilName, parsed.data.pupilClass, actorOf(context));
    turnLog(context, deps.log).info({ event: 'gdpr.exported', cases: views.length });
    return gdprCard(m, { views, forms: deps.forms, lang: langFor(context, state), schools: deps.cases.schools });
  });

  app.message(DELETE_PATTERN, async (context, state) => {
    const m = msgsFor(context, state);
    if (!(await guard(context, state))) return;
    const number = DELETE_PATTERN.exec(context.activity.text ?? '')![2].toUpperCase();
    const c = await deps.cases.findByNumber(number, actorOf(context));
    if (!c) {
      await context.sendActivity(m.cases.notFound);
      return;
    }
    await context.sendActivity(cardActivity(renderCard('case-delete', { text: format(m.cases.deleteConfirm, { number }), button: m.cases.deleteButton, number })));
  });

  onCardAction(app, 'case.delete', async (context, state, data) => {
    const m = msgsFor(context, state);
    if (!deps.isAdmin(context)) return m.cases.adminOnly;
    const number = String(data.number ?? '').toUpperCase();
    const actor = actorOf(context);
    const c = /^[A-Z]{1,6}-\d{4}-\d{4}$/.test(number) ? await deps.cases.findByNumber(number, actor) : undefined;
    if (!c) return m.cases.notFound;
    await deps.cases.deleteCase(c, actor);
    turnLog(context, deps.log).info({ event: 'case.deleted', caseId: c.id });
    return format(m.cases.deleted, { number });
  });
}
