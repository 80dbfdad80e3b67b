/**
 * The embed flag, with no imports: the app's first load reads it to pick the compact player, so it
 * must not pull in the codec (src/share/urlsync.ts re-exports these).
 */

/** The embed flag of the app's URL (`?embed` or `?embed=1`): a compact read-only player for iframes. */
export function isEmbed(search: string): boolean {
  const v = new URLSearchParams(search).get('embed');
  return v !== null && v !== '0' && v !== 'false';
}

/** The same page without the embed flag: the "open in the full simulator" link of the embed. */
export function fullSimulatorUrl(href: string): string {
  try {
    const u = new URL(href);
    u.searchParams.delete('embed');
    return u.toString();
  } catch {
    return href;
  }
}
