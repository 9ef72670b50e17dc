#!/usr/bin/env node
// Installs what `npm start` and `npm test` need on a fresh Debian machine with Node 20:
// - npm dependencies, when node_modules is missing or older than package-lock.json (`npm ci`);
// - with --browser: Debian's chromium for the e2e tests, when it is missing and we are root.
// Uses Node built-ins only, since it runs before the dependencies exist.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const log = (msg) => process.stderr.write(`ensure-deps: ${msg}\n`);

function depsUpToDate() {
  const marker = 'node_modules/.package-lock.json';
  if (!existsSync(marker) || !existsSync('node_modules/.bin/vite')) return false;
  return statSync(marker).mtimeMs >= statSync('package-lock.json').mtimeMs;
}

if (!depsUpToDate()) {
  log('installing npm dependencies (npm ci)');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
}

if (process.argv.includes('--browser')) {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    if (process.getuid?.() === 0) {
      log(`installing Debian's chromium (${chromium} is missing)`);
      for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'chromium']]) {
        const r = spawnSync('apt-get', args, {
          stdio: ['ignore', 'inherit', 'inherit'],
          env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
        });
        if (r.status !== 0) log(`apt-get ${args.join(' ')} failed (exit ${r.status})`);
      }
    } else {
      log(
        `${chromium} is missing and this is not root: install it with 'sudo apt-get install -y chromium' for the e2e tests`,
      );
    }
  }
}
