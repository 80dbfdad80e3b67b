/** Text helpers with no dependencies (safe in the app's first load). */

/** A value quoted for a message, cut to `max` characters with an ellipsis (never a megabyte echoed). */
export function shorten(s: string, max = 40): string {
  if (s.length <= max) return s;
  // Do not cut a surrogate pair in half.
  let end = max - 1;
  const c = s.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return `${s.slice(0, end)}…`;
}
