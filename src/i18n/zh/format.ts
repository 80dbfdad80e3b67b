/**
 * Small helpers shared by the Simplified Chinese catalogs: spacing between Chinese and Latin text
 * (docs/glossary-zh.md: a space between them, none next to full-width punctuation), quotes for user
 * data, and numbers through Intl.
 */

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff]/;
/** Printable ASCII except the space. */
const LATIN = /[!-~]/;

function glue(a: string, b: string): string {
  if (a === '' || b === '') return a + b;
  const x = a.charAt(a.length - 1);
  const y = b.charAt(0);
  if ((CJK.test(x) && LATIN.test(y)) || (LATIN.test(x) && CJK.test(y))) return `${a} ${b}`;
  return a + b;
}

/**
 * Template tag: puts a space where an interpolated value meets Chinese text on either side
 * ("会话过期间隔为 ${n} 秒" can be written "会话过期间隔为${n}秒"), and nowhere else.
 */
export function zh(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out = glue(out, String(v));
    out = glue(out, strings[i + 1] ?? '');
  });
  return out;
}

/** Joins pieces with the same spacing rule as `zh`. */
export function join(...parts: string[]): string {
  return parts.reduce((a, b) => glue(a, b), '');
}

/** User data (topics, payloads, names) in Chinese quotes. */
export const q = (s: unknown) => `“${String(s)}”`;

const NF = new Intl.NumberFormat('zh-CN');
export const num = (n: unknown) => NF.format(Number(n));

export const hex = (n: unknown) =>
  `0x${Number(n ?? 0)
    .toString(16)
    .toUpperCase()
    .padStart(2, '0')}`;

/** Virtual milliseconds as seconds with three decimals: "1.500 秒". */
export const sec = (msValue: unknown) => `${(Number(msValue) / 1000).toFixed(3)} 秒`;
