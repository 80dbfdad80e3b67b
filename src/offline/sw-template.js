/// <reference lib="webworker" />
// The service worker (docs/decisions.md, "Web"): every file of the build is cached at install, and
// served from that cache first, so after one visit the app opens and runs offline, and an open tab
// keeps getting the very files of its own version (a redeploy never swaps code under it). A new
// version installs in the background and waits; the page says so and reloads into it when the
// person asks (message `skip-waiting`). scripts/offline-plugin.ts prepends VERSION and FILES.
/* global VERSION, FILES */
const CACHE = `mqtt-will-lab-${VERSION}`;
const scope = self;
const url = (f) => new URL(f, scope.registration.scope).href;

scope.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map(url))));
});

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('mqtt-will-lab-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => scope.clients.claim()),
  );
});

scope.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') scope.skipWaiting();
});

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== scope.location.origin) return;
  // The app is one page (its state is in the fragment): every navigation in scope is index.html.
  const key = request.mode === 'navigate' ? url('index.html') : request.url;
  event.respondWith(
    caches.open(CACHE).then((cache) => cache.match(key, { ignoreSearch: true }).then((hit) => hit ?? fetch(request))),
  );
});
