/**
 * The five rhythm classes in the studio: the Class select repaints the strip (equal to Node's
 * `synthesize`), the single-beat views show the class's beats (a PVC beside a sinus beat, the WPW
 * delta wave…), only the chosen class's parameter section is shown, the link keeps the class, and the
 * variety view shows 12 records of the class whose thumbnails open that exact record.
 */
import type { Page } from '@playwright/test';
import { recordSeed, synthesize, validateParams, type SynthParams } from '../src/synth/index.ts';
import type { PlottedBeatView, PlottedVarietyThumb } from '../src/types/pqrst-test-api.d.ts';
import { expect, test } from './fixtures.ts';
import type { StudioPage } from './studio-page.ts';

const VARIETY_COUNT = 12;

/** The parameter section of each class, and what its beat views must show. */
const CLASSES = {
  af: { section: 'Atrial fibrillation', views: [{ title: /AF/, parts: ['f-waves'], noP: true }] },
  afl: { section: 'Atrial flutter', views: [{ title: /[Ff]lutter/, parts: ['F-waves'], noP: true }] },
  pvc: {
    section: 'PVC',
    views: [
      { title: /^Sinus beat$/, parts: ['P', 'R', 'T'], noP: false },
      { title: /PVC/, parts: ['QRS', 'T'], noP: true },
    ],
  },
  wpw: { section: 'WPW', views: [{ title: /[Pp]re-excited/, parts: ['delta', 'P', 'R'], noP: false }] },
  nsr: { section: null, views: [{ title: /^Sinus beat$/, parts: ['P', 'Q', 'R', 'S', 'T'], noP: false }] },
} as const;
const SECTIONS = ['Atrial fibrillation', 'Atrial flutter', 'PVC', 'WPW'];

/** The parameter panel's section titled `section` (a class's section: "<section> (class …)"). */
function sectionOf(page: Page, section: string) {
  return page
    .locator('.param-panel details')
    .filter({ has: page.locator('summary', { hasText: new RegExp(`^${section} \\(class`) }) });
}

function varietyOf(page: Page): Promise<PlottedVarietyThumb[]> {
  return page.evaluate(() => window.__pqrst.getVariety());
}

function beatViewsOf(page: Page): Promise<PlottedBeatView[]> {
  return page.evaluate(() => window.__pqrst.getBeatViews());
}

/** The variety records of `params`: seeds recordSeed(seed, class, i), i = 0…11. */
function expectedVariety(params: SynthParams): PlottedVarietyThumb[] {
  return Array.from({ length: VARIETY_COUNT }, (_, i) => ({
    seed: recordSeed(params.seed, params.className, i),
    className: params.className,
  }));
}

/** Wait until the variety view shows the records of `params`. */
async function expectVarietyOf(studio: StudioPage, params: SynthParams): Promise<void> {
  await expect.poll(() => varietyOf(studio.page)).toEqual(expectedVariety(params));
  const thumbs = studio.page.getByTestId('variety-thumb');
  expect(await thumbs.count()).toBeGreaterThanOrEqual(VARIETY_COUNT);
  for (const [i, { seed, className }] of expectedVariety(params).entries()) {
    await expect(thumbs.nth(i)).toContainText(`seed ${seed} · ${className}`);
  }
}

/** The strip equals Node's `synthesize` of the page's parameters, sample for sample. */
async function expectStripIsNodes(studio: StudioPage): Promise<SynthParams> {
  await studio.whenIdle();
  const params = validateParams(await studio.params());
  const strip = await studio.strip();
  expect(strip.mv).toEqual(Array.from(synthesize(params).signalMv));
  return params;
}

for (const [className, expected] of Object.entries(CLASSES)) {
  test(`choosing ${className} in the Class select repaints the strip, beat views, panel and variety view`, async ({
    studio,
    page,
  }) => {
    // nsr is the default class: start from another one to see it change.
    await studio.open(className === 'nsr' ? '#preset=default&className=af' : '');
    const before = await studio.strip();
    const paints = await studio.paintCount();
    await studio.select('Class').selectOption(className);
    await studio.whenIdle();
    expect(await studio.paintCount()).toBeGreaterThan(paints);
    const params = await expectStripIsNodes(studio);
    expect(params.className).toBe(className);
    expect((await studio.strip()).mv).not.toEqual(before.mv);

    // The link keeps the class (nsr is the default preset's, so it stays out of the link).
    const hash = new URL(page.url()).hash;
    if (className === 'nsr') expect(hash).not.toContain('className=');
    else expect(hash).toContain(`className=${className}`);

    // Only the chosen class's parameter section is shown, and it is open.
    for (const section of SECTIONS) {
      await expect(sectionOf(page, section)).toHaveCount(section === expected.section ? 1 : 0);
    }
    if (expected.section) await expect(sectionOf(page, expected.section)).toHaveAttribute('open', '');

    // The beat views: one per expected view, with the expected parts (pvc: a sinus beat and a PVC).
    await expect
      .poll(async () => {
        const views = await beatViewsOf(page);
        return (
          views.length === expected.views.length &&
          expected.views.every((v, i) => v.title.test(views[i].title))
        );
      })
      .toBe(true);
    const views = await beatViewsOf(page);
    for (const [i, view] of expected.views.entries()) {
      for (const part of view.parts) expect(views[i].parts).toContain(part);
      if (view.noP) expect(views[i].parts).not.toContain('P');
    }

    await expect(page.getByRole('heading', { name: `Variety: 12 records of ${className}` })).toBeVisible();
    await expectVarietyOf(studio, params);
  });
}

for (const className of ['af', 'pvc'] as const) {
  test(`clicking the 5th ${className} variety thumbnail opens that exact record`, async ({
    studio,
    page,
  }) => {
    await studio.open();
    await studio.select('Class').selectOption(className);
    await page.getByRole('spinbutton', { name: 'Seed', exact: true }).fill('31337');
    const params = await expectStripIsNodes(studio);
    expect(params.seed).toBe(31337);
    await expectVarietyOf(studio, params);

    await page.getByTestId('variety-thumb').nth(4).click();
    await studio.whenIdle();
    const opened = await expectStripIsNodes(studio);
    expect(opened).toEqual({ ...params, seed: recordSeed(params.seed, className, 4) });
    expect(new URL(page.url()).hash).toContain(`seed=${opened.seed}`);
    // The variety view follows: its first record is now the one on the strip.
    await expectVarietyOf(studio, opened);
    await expect(page.getByTestId('variety-thumb').first()).toHaveAttribute('aria-current', 'true');
  });
}

test('variety thumbnails are buttons: Enter and Space open their record', async ({ studio, page }) => {
  await studio.open('#preset=default&className=wpw&seed=500');
  const params = await studio.params();
  await expectVarietyOf(studio, params);
  const thumbs = page.getByTestId('variety-thumb');

  await thumbs.nth(1).focus();
  await page.keyboard.press('Enter');
  await studio.whenIdle();
  const second = await expectStripIsNodes(studio);
  expect(second.seed).toBe(recordSeed(500, 'wpw', 1));
  await expectVarietyOf(studio, second);

  await thumbs.nth(2).focus();
  await page.keyboard.press('Space');
  await studio.whenIdle();
  const third = await expectStripIsNodes(studio);
  expect(third.seed).toBe(recordSeed(second.seed, 'wpw', 2));
});
