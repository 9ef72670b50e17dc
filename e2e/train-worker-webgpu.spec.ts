/**
 * The training worker on WebGPU in headless Chromium (--enable-unsafe-webgpu, SwiftShader's Vulkan
 * adapter where there is no GPU): it starts WebGPU and trains the reference CNN for 2 epochs.
 */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS } from '../playwright.config.ts';
import { expectTrained, openHarness, startHarness, trainTwoEpochs } from './train-worker/harness.ts';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...CHROMIUM_ARGS,
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan',
      '--use-webgpu-adapter=swiftshader',
    ],
  },
});

let harness: Awaited<ReturnType<typeof startHarness>>;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  harness = await startHarness('train-worker-webgpu');
});

test.afterAll(async () => harness?.close());

test('trains 2 epochs on WebGPU with --enable-unsafe-webgpu', async ({ page }) => {
  const problems: string[] = [];
  await openHarness(page, harness.origin, problems);
  expectTrained(await trainTwoEpochs(page, 'webgpu'), 'webgpu');
  expect(problems).toEqual([]);
});
