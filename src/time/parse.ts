import { isoDate, isIsoDate } from './date';

/**
 * Dates as people type them in a form: '13.2.2027' (the Finnish way, also used in Swedish and English
 * here) or '2027-02-13'. Impossible dates ('30.2.2027') are refused, never rolled over.
 */
function parseFormDate(text: string): string | undefined {
  const s = text.trim();
  if (isIsoDate(s)) return s;
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (!m) return undefined;
  try {
    return isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  } catch {
    return undefined;
  }
}

/** "13.2.2027, 7.5.2027" → ['2027-02-13', '2027-05-07']; undefined when empty or any part is not a real date. */
export function parseDateList(text: string): string[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  if (parts.length === 0) return undefined;
  const out: string[] = [];
  for (const p of parts) {
    const date = parseFormDate(p);
    if (!date) return undefined;
    out.push(date);
  }
  return out;
}
