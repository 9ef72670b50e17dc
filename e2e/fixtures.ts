/**
 * Test fixtures: the studio page object, and an automatic guard that fails a test on any console
 * error, page error, CSP violation, or request that leaves the app's origin (such requests are
 * aborted and recorded by a context-wide route).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { StudioPage } from './studio-page.ts';

interface Fixtures {
  /** The studio page object on the test's page. */
  studio: StudioPage;
  /** URLs of requests that tried to leave the app's origin (aborted). */
  offsiteRequests: string[];
  /** Console errors, page errors and CSP violations seen on any page of the context. */
  pageProblems: string[];
  /** Asserts, after the test, that both lists above are empty. */
  guard: void;
}

export const test = base.extend<Fixtures>({
  offsiteRequests: async ({ context, baseURL }, use) => {
    const appOrigin = new URL(baseURL ?? 'http://127.0.0.1').origin;
    const offsite: string[] = [];
    await context.route('**/*', async (route) => {
      const url = route.request().url();
      if (new URL(url).origin !== appOrigin) {
        offsite.push(url);
        await route.abort('blockedbyclient');
        return;
      }
      await route.continue();
    });
    await use(offsite);
  },

  pageProblems: async ({ context }, use) => {
    const problems: string[] = [];
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline/eval)'}`);
      });
    });
    const watch = (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    };
    context.pages().forEach(watch);
    context.on('page', watch);
    await use(problems);
  },

  guard: [
    async ({ offsiteRequests, pageProblems }, use) => {
      await use();
      expect(pageProblems, 'console errors, page errors or CSP violations').toEqual([]);
      expect(offsiteRequests, 'requests that left the origin').toEqual([]);
    },
    { auto: true },
  ],

  studio: async ({ page }, use) => {
    await use(new StudioPage(page));
  },
});

export { expect };
