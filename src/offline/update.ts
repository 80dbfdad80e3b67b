import { updateStore } from './update-store';

export { updateStore };

/**
 * Registration (loaded after the first render; the banner's store is ./update-store.ts). The parts
 * of `navigator.serviceWorker` used here (a test passes a fake).
 */
export interface Container {
  readonly controller: unknown;
  register(url: string): Promise<Registration>;
  addEventListener(type: 'controllerchange', listener: () => void): void;
}
export interface Registration {
  readonly waiting: { postMessage(m: unknown): void } | null;
  readonly installing: Worker | null;
  addEventListener(type: 'updatefound', listener: () => void): void;
}
interface Worker {
  readonly state: string;
  postMessage(m: unknown): void;
  addEventListener(type: 'statechange', listener: () => void): void;
}

/**
 * Registers `sw.js` (next to index.html, wherever the app is served) and announces updates. A first
 * install (no controller yet) is not an update: nothing is said.
 */
export async function registerServiceWorker(container: Container, reload: () => void, url = './sw.js'): Promise<void> {
  const reg = await container.register(url);
  const offer = () => {
    if (!container.controller || !reg.waiting) return;
    const waiting = reg.waiting;
    updateStore.setState({
      available: true,
      apply: () => {
        let reloaded = false;
        container.addEventListener('controllerchange', () => {
          if (reloaded) return;
          reloaded = true;
          reload();
        });
        waiting.postMessage('skip-waiting');
      },
    });
  };
  offer();
  reg.addEventListener('updatefound', () => {
    const w = reg.installing;
    w?.addEventListener('statechange', () => {
      if (w.state === 'installed') offer();
    });
  });
}
