import type { Application, TurnState } from '@microsoft/teams-ai';
import { type Lang, messages } from '../../i18n';
import { langFor, type UserLanguage } from '../context';
import { cardActivity, tenantOf } from '../replies';
import { welcomeCard } from './welcome';

/** "kieli ruotsi" / "language english" / "språk finska": the user's UI language, kept in user state; the command alone gets the choices. */
export const LANGUAGE_PATTERN = /^\s*(kieli|language|språk|sprak)(?:\s*:?\s*(\p{L}+))?\s*[.!?]*\s*$/iu;

const names: Record<string, Lang> = {
  suomi: 'fi',
  finnish: 'fi',
  finska: 'fi',
  fi: 'fi',
  suomeksi: 'fi',
  ruotsi: 'sv',
  swedish: 'sv',
  svenska: 'sv',
  sv: 'sv',
  ruotsiksi: 'sv',
  englanti: 'en',
  english: 'en',
  engelska: 'en',
  en: 'en',
  englanniksi: 'en',
};

export interface LanguageDeps {
  /** Records the choice on the person's personal chats: what Opari sends them on its own follows it. */
  setLang(tenantId: string, aadObjectId: string, lang: Lang): Promise<void>;
}

export function registerLanguage(app: Application<TurnState>, deps: LanguageDeps): void {
  app.message(LANGUAGE_PATTERN, async (context, state) => {
    const word = LANGUAGE_PATTERN.exec(context.activity.text ?? '')?.[2]?.toLowerCase() ?? '';
    const lang = names[word];
    if (!lang) {
      await context.sendActivity(messages(langFor(context, state)).language.choose);
      return;
    }
    const user = state.user as UserLanguage;
    user.lang = lang;
    user.recent = lang;
    const aad = context.activity.from?.aadObjectId;
    if (aad) await deps.setLang(tenantOf(context.activity) ?? 'none', aad, lang);
    // Confirmed in the new language, whatever language the command was typed in.
    await context.sendActivity(cardActivity(welcomeCard(lang), messages(lang).language.changed));
  });
}
