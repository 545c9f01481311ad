import type { Application, TurnState } from '@microsoft/teams-ai';
import type { TurnContext } from 'botbuilder';
import { messages, type Lang } from '../../i18n';
import { renderCard } from '../../ui/cards';
import { langFor, msgsFor } from '../context';
import { sendCard } from '../replies';
import { onCardAction } from './actions';

/** "apua", "help", "hjälp", and asking for help as such: "voitko auttaa?", "can you help me?", "kan du hjälpa mig?". */
export const HELP_PATTERN =
  /^\s*(apua|ohje|ohjeet|help|help me|hjälp|hjalp|\?|(voitko|voisitko|voiksä|voitsä|osaatko) (auttaa|avata)( mua| minua)?|auta|auttaisitko|(can|could) you help( me)?|kan du hjälpa( mig)?)\s*[.!?]*\s*$/i;
/** A greeting alone ("moi", "hyvää huomenta", "hej Opari") is answered with the help card, not a search. */
export const GREETING_PATTERN =
  /^\s*(hei|moi|moikka|moro|morjens|terve|hyvää (huomenta|päivää|iltaa)|huomenta|päivää|hello|hi|hey|good (morning|afternoon|evening)|hej|hejsan|tjena|god (morgon|dag|kväll)|mitä kuuluu|mitäs kuuluu|how are you|hur mår du|hur är läget)(\s+(opari|kaikille|all|everyone|alla|there))?\s*[.!?,:)]*\s*$/i;

/** "Mitä osaat?", "kuka sä oot", "what can you do", "vem är du": asking what Opari is is asking for help. */
export const ABOUT_PATTERN =
  /^\s*((mitä|mita|mitäs) (sä |sinä |sää )?(osaat|voit tehdä|osaat tehdä|teet)|(kuka|mikä|mika) (sä |sinä )?(olet|oot)|(mikä|mika) (on )?opari( on)?|what (can|do) you do|who are you|what are you|what is opari|vad (kan|gör) du( göra)?|vem är du|vad är du|vad är opari)(\s+opari)?\s*[.!?]*\s*$/i;
/** One emoji's parts: a pictograph, a skin tone, the emoji variation selector, a zero-width joiner. */
const EMOJI_PART = String.raw`(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D})`;
/** Goodbye ("hei hei", "heippa", "bye", "hej då"): a short reply, not a search. */
export const BYE_PATTERN = /^\s*(hei hei|moi moi|heippa|heido|nähdään|bye|bye bye|goodbye|see you|hej då|hejdå|vi ses)(\s+(opari|kaikille|all|everyone))?\s*[.!,:)]*\s*$/i;
/** Thanks, alone or with a word or two ("kiitti paljon", "tack så mycket", "thanks Opari 👍"). */
export const THANKS_PATTERN = new RegExp(
  String.raw`^\s*(kiitos|kiitti|kiitoksia|kiitos paljon|kiitti paljon|kiitos avusta|paljon kiitoksia|thanks|thank you|thx|cheers|tack|tackar|tack så mycket|tusen tack)(\s+(opari|paljon|a lot|so much|very much|så mycket))?[\s.!,:)]*(?:${EMOJI_PART}|\s)*$`,
  'iu',
);
/** Emoji alone (a 👍 or 🙂 after an answer), or "ok", "selvä", "bra": nothing to search. */
export const ACK_PATTERN = new RegExp(
  String.raw`^(?:${EMOJI_PART}|[\s.!])*(\p{Extended_Pictographic}|(ok|okei|okay|okej|selvä|jees|hyvä|hienoa|kiva|bra|great|nice|got it)(?![\p{L}\p{N}]))(?:${EMOJI_PART}|[\s.!])*$`,
  'iu',
);

export function welcomeCard(lang: Lang): Record<string, unknown> {
  return renderCard('welcome', { ...messages(lang).welcome, lang });
}

/** Welcome on install (personal, group chat, team), on "apua" / "help" / "hjälp", a greeting or "what can you do"; small talk. */
export function registerWelcome(app: Application<TurnState>): void {
  app.conversationUpdate('membersAdded', async (context, state) => {
    const botId = context.activity.recipient?.id;
    const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
    if (botAdded) await sendCard(context, welcomeCard(langFor(context, state)));
  });

  for (const pattern of [HELP_PATTERN, GREETING_PATTERN, ABOUT_PATTERN]) {
    app.message(pattern, async (context, state) => {
      await sendCard(context, welcomeCard(langFor(context, state)));
    });
  }
  // Goodbye, thanks, a lone emoji or an "ok" are not questions: a short reply, not "the plan does not answer this".
  const replies: [RegExp, (m: ReturnType<typeof msgsFor>) => string][] = [
    [BYE_PATTERN, (m) => m.welcome.bye],
    [THANKS_PATTERN, (m) => m.welcome.thanks],
    [ACK_PATTERN, (m) => m.welcome.nudge],
  ];
  for (const [pattern, pick] of replies) {
    app.message(pattern, async (context, state) => {
      await context.sendActivity(pick(msgsFor(context, state)));
    });
  }

  // Each button answers in the chat and keeps the welcome card as it is.
  const say = (pick: (m: ReturnType<typeof msgsFor>) => string) => async (context: TurnContext, state: TurnState) => {
    await context.sendActivity(pick(msgsFor(context, state)));
    return welcomeCard(langFor(context, state));
  };
  onCardAction(
    app,
    'welcome.ask',
    say((m) => m.plan.askPrompt),
  );
  // The forms and meetings buttons are answered by forms.ts and meetings.ts.
}
