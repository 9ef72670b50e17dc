/*
 * PQRST Studio's service worker: after the first visit the studio loads and works offline.
 * On install it caches the app shell and every file of the build listed in /precache-manifest.json
 * (JS chunks, workers, CSS, the TF.js wasm binaries), written by the build (vite.config.ts). Pages are
 * fetched network first (a new deployment is picked up online) with the cached page as the fallback;
 * everything else of this origin is served from the cache first (build files have hashed names) and
 * cached when first fetched. Other origins are never touched (the CSP allows none anyway).
 */
const SHELL = ['/', '/index.html', '/favicon.svg'];
const PREFIX = 'pqrst-studio-';

async function manifest() {
  try {
    const response = await fetch('/precache-manifest.json', { cache: 'no-store' });
    if (!response.ok) return { version: 'dev', files: [] };
    return await response.json();
  } catch {
    return { version: 'dev', files: [] };
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const { version, files } = await manifest();
      const cache = await caches.open(PREFIX + version);
      await cache.addAll([...SHELL, ...files.map((f) => '/' + f)]);
      await caches.open(PREFIX + 'current').then((c) => c.put('/__version', new Response(version)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const current = await (await caches.open(PREFIX + 'current')).match('/__version');
      const version = current ? await current.text() : '';
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && name !== PREFIX + version && name !== PREFIX + 'current') {
          await caches.delete(name);
        }
      }
      await self.clients.claim();
    })(),
  );
});

async function cacheName() {
  const current = await (await caches.open(PREFIX + 'current')).match('/__version');
  return PREFIX + (current ? await current.text() : 'dev');
}

async function networkFirst(request) {
  const cache = await caches.open(await cacheName());
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put('/index.html', response.clone());
    return response;
  } catch (error) {
    const cached =
      (await cache.match('/index.html', { ignoreVary: true })) ??
      (await caches.match('/index.html', { ignoreVary: true }));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { ignoreVary: true });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic') {
    const cache = await caches.open(await cacheName());
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === '/sw.js' || url.pathname === '/precache-manifest.json') return;
  if (request.mode === 'navigate') event.respondWith(networkFirst(request));
  else event.respondWith(cacheFirst(request));
});
