/** Bytes of JS and CSS (gzipped) the browser loads for the first view of /dashboard, and the map chunk. */
import { chromium, type Response } from '@playwright/test';
import { gzipSync } from 'node:zlib';

export interface BundleSize {
	firstViewKb: number;
	files: number;
	mapKb: number;
}

export async function measureBundle(
	url: string,
	cookie: string,
	path: string
): Promise<BundleSize> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu']
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url }]);
		const page = await context.newPage();
		const seen: Promise<number>[] = [];
		const track = (r: Response) => {
			const kind = r.request().resourceType();
			if (kind === 'script' || kind === 'stylesheet')
				seen.push(
					r.body().then(
						(b) => gzipSync(b).length,
						() => 0
					)
				);
		};
		page.on('response', track);
		await page.goto(url + path, { waitUntil: 'networkidle' });
		const first = await Promise.all(seen.splice(0));
		await page.locator('[data-chart=map]').scrollIntoViewIfNeeded();
		await page.locator('[data-chart=map] canvas[data-ready]').waitFor({ timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		const map = await Promise.all(seen.splice(0));
		const kb = (list: number[]) => list.reduce((s, n) => s + n, 0) / 1024;
		return { firstViewKb: kb(first), files: first.length, mapKb: kb(map) };
	} finally {
		await browser.close();
	}
}
