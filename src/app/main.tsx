import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
import { loadedMessages, loadMessages } from '../i18n/messages';
import { uiEn } from '../i18n/ui-en';
import { createWorkerRunner } from '../runner/worker-runner';
import { isEmbed } from '../share/embed';
import { browserStorage, hasBootInput } from '../share/storage';
import { defaultScenario } from '../store/defaults';
import { noticeStore } from '../store/notice';
import { scenarioStore } from '../store/scenario';
import { viewStore } from '../store/view';
import { App } from './App';
import { bootLocale } from './language';

/**
 * Boot (docs/share-links.md): the link in the URL fragment, else the autosaved scenario, else the
 * default. The decoder is fetched before the first render only when there is a fragment or an
 * autosave, so a first visit loads nothing more than the shell. A bad link opens the fallback and
 * says what was wrong. The embedded player (`?embed=1`) reads only the link: a course page shows
 * the scenario it links to, never the visitor's own autosave, and it autosaves nothing.
 */
async function start(root: HTMLElement): Promise<void> {
  const embed = isEmbed(location.search);
  const storage = embed ? null : browserStorage();
  // The language first: the boot notice (a bad link) is worded in it.
  await bootLocale(browserStorage());
  let bootFailed = false;
  if (hasBootInput(location.hash, storage)) {
    try {
      const locale = viewStore.getState().locale;
      const [{ bootScenario }, t, words] = await Promise.all([
        import('../share/boot'),
        loadMessages(locale, 'share'),
        loadMessages(locale, 'engine'),
      ]);
      const boot = bootScenario({ hash: location.hash, storage, fallback: defaultScenario }, t, words);
      // The opened scenario is where the history starts: Undo does not step back to the default.
      scenarioStore.setState({ scenario: boot.scenario, past: [], future: [] });
      if (boot.message)
        noticeStore.getState().noticeShown({
          message: boot.summary ?? boot.message,
          details: boot.details,
          outcome: boot.summary ? (boot.outcome ?? undefined) : undefined,
          downloads: boot.downloads,
        });
    } catch {
      // The decoder could not be fetched (offline, a new deployment): the default scenario opens,
      // and nothing is written over the link or the autosave it could not read.
      bootFailed = true;
      noticeStore.getState().noticeShown({
        message: (loadedMessages(viewStore.getState().locale, 'ui') ?? uiEn).boundary.bootFailed,
        details: [],
      });
    }
  }
  // A shared explorer link (#explore=...) opens the explorer.
  if (!embed && /^#(?:.*&)?explore=/.test(location.hash)) viewStore.getState().viewSwitched('explorer');
  createRoot(root).render(
    <StrictMode>
      <App runner={createWorkerRunner()} embed={embed} />
    </StrictMode>,
  );
  // After the first render: the URL and the autosave follow the edits; pasted links are opened.
  if (!bootFailed)
    import('./sync').then(
      (m) => m.startSync({ embed, storage }),
      () => {},
    );
}

// Offline use (src/offline): the built app caches itself; updates wait until the person reloads.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  import('../offline/update')
    .then((m) => m.registerServiceWorker(navigator.serviceWorker, () => location.reload()))
    .catch(() => {});

const root = document.getElementById('root');
if (root) void start(root);
