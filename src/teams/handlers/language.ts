import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Lang } from '../../i18n';
import { welcomeCard } from './welcome';
import { sendCard } from '../replies';

/** "kieli ruotsi" / "language english" / "språk finska": the user's UI language, kept in user state. */
export const LANGUAGE_PATTERN = /^\s*(kieli|language|språk|sprak)\s*:?\s*(\p{L}+)\s*$/iu;

const names: Record<string, Lang> = {
  suomi: 'fi', finnish: 'fi', finska: 'fi', fi: 'fi', suomeksi: 'fi',
  ruotsi: 'sv', swedish: 'sv', svenska: 'sv', sv: 'sv', ruotsiksi: 'sv',
  englanti: 'en', english: 'en', engelska: 'en', en: 'en', englanniksi: 'en',
};

export function registerLanguage(app: Application<TurnState>): void {
  app.message(LANGUAGE_PATTERN, async (context, state) => {
    const word = LANGUAGE_PATTERN.exec(context.activity.text ?? '')?.[2]?.toLowerCase() ?? '';
    const lang = names[word];
    if (!lang) {
      await context.sendActivity('suomi · svenska · english');
      return;
    }
    (state.user as { lang?: Lang }).lang = lang;
    await sendCard(context, welcomeCard(lang));
  });
}
