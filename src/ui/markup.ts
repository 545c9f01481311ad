/**
 * Text from the plan (imported from a region's own documents) or from an FAQ entry, on its way into Teams,
 * which renders Markdown in card text blocks and Markdown/HTML in message text. Emphasis is the plan's own;
 * links are not, unless they are plain web links; markup must never reach a message's text.
 */
/** [label](address "title"), the address allowed one level of parentheses (as in `alert(1)`). */
const LINK = /\[([^\]]*)\]\(\s*<?((?:[^()\s<>]|\([^()\s]*\))*)>?(?:\s+"[^"]*")?\s*\)/g;
const TAG = /<\/?[A-Za-z!][^>]*>/g;

/** For a card's TextBlock: **bold** and *italic* stay, a link stays only with an http(s) address, HTML tags go. */
export function cardMarkdown(text: string): string {
  return text.replace(TAG, '').replace(LINK, (whole: string, label: string, url: string) => (/^https?:\/\/[^\s]+$/i.test(url) ? whole : label));
}

/** For an activity's text or a citation's name: no links, no tags, no characters Teams reads as markup. */
export function plainText(text: string): string {
  return text
    .replace(LINK, '$1')
    .replace(TAG, '')
    .replace(/[[\]<>*_`~|\\]/g, '')
    .replace(/^\s*#+\s*/, '')
    .trim();
}
