import { useId, useMemo, useState } from 'react';
import type { Scenario } from '../../engine/types';
import { LOCALE_NAMES, withLocaleParam } from '../../i18n/locale';
import { useLocale, useMessages } from '../../i18n/react';
import { canonicalJson } from '../../share/canonical';
import { linkSize, shareLink } from '../../share/codec';
import { type Download, downloadText, fileName } from './download';

export interface ShareMenuProps {
  scenario: Scenario;
  /** The app's address; its fragment is replaced by the scenario's (e.g. `location.href`). */
  baseUrl: string;
  /** Copies text; the default is the Clipboard API. */
  onCopy?: (text: string) => Promise<void>;
  onDownload?: Download;
}

const clipboard = (text: string) => navigator.clipboard.writeText(text);

/**
 * "Copy link" with a size meter: above 2,000 characters it warns that the link may not fit a chat
 * message or a QR code and points to "Download JSON"; a scenario too large for any link can only
 * be downloaded. Self-contained: plain props, no store.
 */
export function ShareMenu({ scenario, baseUrl, onCopy = clipboard, onDownload = downloadText }: ShareMenuProps) {
  const t = useMessages('share');
  const id = useId();
  const locale = useLocale();
  // The link carries the language only when the sharer asks (off by default: the reader's own
  // choice or browser language applies), even if this page was opened with `?lang=`.
  const [withLanguage, setWithLanguage] = useState(false);
  const link = useMemo(
    () => shareLink(scenario, withLocaleParam(baseUrl, withLanguage ? locale : null)),
    [scenario, baseUrl, withLanguage, locale],
  );
  const size = linkSize(link);
  const [copy, setCopy] = useState<{ link: string; ok: boolean } | null>(null);
  const copied = copy?.link === link ? copy : null;

  const doCopy = async () => {
    try {
      await onCopy(link);
      setCopy({ link, ok: true });
    } catch {
      setCopy({ link, ok: false });
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="grid grid-cols-1 gap-2">
      <h2 id={`${id}-h`} className="text-sm font-semibold">
        {t.share.heading}
      </h2>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className="btn" onClick={doCopy} disabled={size.level === 'tooLong'}>
          {t.share.copyLink}
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => onDownload(fileName(scenario.title, 'json'), canonicalJson(scenario, 2), 'application/json')}
        >
          {t.share.downloadJson}
        </button>
      </div>
      <meter
        aria-label={t.share.meterLabel}
        aria-valuetext={t.share.meterValue(size.chars, size.warnAt)}
        min={0}
        max={size.warnAt}
        high={size.warnAt * 0.9}
        optimum={0}
        value={Math.min(size.chars, size.warnAt)}
        className="w-full"
      />
      <p className="text-xs tabular-nums text-slate-600 dark:text-slate-400">
        {t.share.meterValue(size.chars, size.warnAt)}
      </p>
      {size.level === 'long' && (
        <p className="text-sm text-amber-800 dark:text-amber-300">{t.share.long(size.chars, size.warnAt)}</p>
      )}
      {size.level === 'tooLong' && <p className="text-sm text-rose-700 dark:text-rose-300">{t.share.tooLong}</p>}
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={withLanguage} onChange={(e) => setWithLanguage(e.target.checked)} />
        {t.share.withLanguage(LOCALE_NAMES[locale])}
      </label>
      <label className="grid gap-1 text-xs">
        <span>{t.share.linkLabel}</span>
        <input
          readOnly
          value={size.level === 'tooLong' ? '' : link}
          onFocus={(e) => e.currentTarget.select()}
          className="field font-mono text-xs"
        />
      </label>
      <p role="status" className="text-sm">
        {copied ? (copied.ok ? t.share.copied : t.share.copyFailed) : ''}
      </p>
    </section>
  );
}
