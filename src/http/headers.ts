import type { Response } from 'restify';

/**
 * Headers of every HTML page. The pages are static text with inline styles: no scripts, no forms, no
 * frames. They may be framed by Teams (a plan page opened in a tab or a stage view), by nobody else.
 */
export const HTML_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-cache',
  'content-security-policy': [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.cloud.microsoft https://*.office.com https://*.microsoft365.com',
  ].join('; '),
  'x-content-type-options': 'nosniff',
  // A signed FAQ link must not travel on to the sites its page links to.
  'referrer-policy': 'no-referrer',
};

export function sendHtml(res: Response, status: number, html: string): void {
  res.writeHead(status, HTML_HEADERS);
  res.end(html);
}
