/** Whether a terminal would act on this UTF-16 code unit (C0, DEL, C1, bidirectional controls). */
function isControl(c: number): boolean {
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0x061c ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x202a && c <= 0x202e) ||
    (c >= 0x2066 && c <= 0x2069)
  );
}

/**
 * Escapes what a terminal would act on: C0 and C1 controls (escape sequences, carriage returns,
 * line breaks inside a value), DEL, bidirectional overrides, and lone surrogates. Written as
 * \uXXXX, which also keeps a JSON line valid JSON with the same value.
 */
export function terminalSafe(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let bad = isControl(c);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
      bad = true;
    } else if (c >= 0xdc00 && c <= 0xdfff) bad = true;
    if (bad) {
      out += `${s.slice(from, i)}\\u${c.toString(16).padStart(4, '0')}`;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}
