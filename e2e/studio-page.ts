/** Page object of the studio: its controls by accessible name, and the typed test hook. */
import { expect, type Locator, type Page } from '@playwright/test';
import type { SynthParams } from '../src/synth/index.ts';
import type { PlottedStrip } from '../src/types/pqrst-test-api.d.ts';

/** The studio page. */
export class StudioPage {
  constructor(readonly page: Page) {}

  /** Open the studio at `/` plus `hash`, and wait until the first strip is painted. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.page.waitForFunction(() => window.__pqrst?.paintCount > 0, null, { timeout: 60_000 });
    await this.whenIdle();
  }

  /** Reload the page (its state comes back from the URL hash) and wait for the first paint. */
  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.waitForFunction(() => window.__pqrst?.paintCount > 0, null, { timeout: 60_000 });
    await this.whenIdle();
  }

  /** Wait until no synthesis is pending and the newest result is painted. */
  whenIdle(): Promise<void> {
    return this.page.evaluate(() => window.__pqrst.whenIdle());
  }

  /** The current parameters. */
  params(): Promise<SynthParams> {
    return this.page.evaluate(() => window.__pqrst.getParams());
  }

  /** The samples handed to Plotly for the strip. */
  strip(): Promise<PlottedStrip> {
    return this.page.evaluate(() => window.__pqrst.getPlottedStrip());
  }

  /** Number of strip paints so far. */
  paintCount(): Promise<number> {
    return this.page.evaluate(() => window.__pqrst.paintCount);
  }

  /** The range slider of a numeric parameter, by its label with unit, e.g. "R amplitude (mV)". */
  slider(label: string): Locator {
    return this.page.getByRole('slider', { name: label, exact: true });
  }

  /** The number box of a numeric parameter. */
  numberBox(label: string): Locator {
    return this.page.getByRole('spinbutton', { name: `${label} value`, exact: true });
  }

  /** The checkbox of a switch parameter. */
  switchBox(label: string): Locator {
    return this.page.getByRole('checkbox', { name: label, exact: true });
  }

  /** The select of a choice parameter or of the preset controls. */
  select(label: string): Locator {
    return this.page.getByRole('combobox', { name: label, exact: true });
  }

  /** The error area (role="alert"). */
  alerts(): Locator {
    return this.page.getByTestId('error-area');
  }

  /** Type `value` into a parameter's number box and wait for the repaint. */
  async typeNumber(label: string, value: number | string): Promise<void> {
    await this.numberBox(label).fill(String(value));
    await this.whenIdle();
  }

  /** Set a parameter's slider to `value` (input + change events, as a drag ends) and wait. */
  async slide(label: string, value: number): Promise<void> {
    await this.slider(label).fill(String(value));
    await this.whenIdle();
  }

  /**
   * Make every R peak equal the R amplitude, through the UI: noise sources off, R amplitude
   * variability 0, and no Q or S wave under the R peak.
   */
  async makeRPeaksExact(): Promise<void> {
    for (const source of ['Baseline wander', 'Powerline', 'Muscle (EMG)', 'White']) {
      await this.switchBox(source).uncheck();
    }
    await expect(this.switchBox('Authors’ augmentations')).not.toBeChecked();
    await this.typeNumber('R amplitude sd / record (mV)', 0);
    await this.typeNumber('R amplitude sd / beat (mV)', 0);
    await this.typeNumber('Q amplitude (mV)', 0);
    await this.typeNumber('S amplitude (mV)', 0);
    await this.whenIdle();
  }
}
