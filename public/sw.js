/*
 * Twofold's service worker: lets a phone reopen its board with no network
 * (the words themselves are kept by y-indexeddb). It caches the app shell
 * only — pages and build assets, never /api, sockets or anyone's content.
 */
const CACHE = 'twofold-shell-v1';
const SHELL_PATHS = /^\/(w|join)\//;
const STATIC_PATHS = /^\/_next\/static\//;

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

/** The page tells us what it loaded before we were in control, so a reload offline finds it all. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'twofold:cache' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => {
    try {
      const url = new URL(u, self.location.origin);
      return url.origin === self.location.origin && (SHELL_PATHS.test(url.pathname) || STATIC_PATHS.test(url.pathname));
    } catch {
      return false;
    }
  });
  event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(urls.map((u) => cache.add(u).catch(() => undefined)))));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (STATIC_PATHS.test(url.pathname)) {
    // Build assets never change under the same name: cache first.
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
            return response;
          }),
      ),
    );
  } else if (request.mode === 'navigate' && SHELL_PATHS.test(url.pathname)) {
    // Pages: the network first (fresh nonce, fresh build), the last copy when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) caches.open(CACHE).then((cache) => cache.put(request, response.clone()));
          return response;
        })
        .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit || Response.error())),
    );
  }
});
