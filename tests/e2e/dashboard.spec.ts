/**
 * The dashboard on the demo data: it opens on 2020 (this year has no exchanges), shows the
 * five video conferences, keeps its filter across a language switch, and a bar opens the
 * exchange list with exactly that bar's exchanges. Screenshots go to test-results/ and screenshots/.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { VIEWER, useApp } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp();

/** The cells of a chart's data table, row by row (the table is in the HTML, behind "표로 보기"). */
async function tableOf(page: Page, chart: string): Promise<string[][]> {
	const card = page.locator(`[data-chart=${chart}]`);
	await card.locator('summary').click();
	return card
		.locator('table tbody tr')
		.evaluateAll((rows) =>
			rows.map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim() ?? ''))
		);
}

/** Clicks bar `index` of the dataset labelled `label`, where Chart.js drew it. */
async function clickBar(canvas: Locator, label: string, index: number) {
	await expect(canvas).toHaveAttribute('data-ready', 'true');
	const point = await canvas.evaluate(
		(c, [name, i]) => {
			const chart = (c as HTMLCanvasElement & { chart: import('chart.js').Chart }).chart;
			const ds = chart.data.datasets.findIndex((d) => d.label === name);
			const bar = chart.getDatasetMeta(ds).data[i as number] as unknown as {
				getCenterPoint(): { x: number; y: number };
			};
			return bar.getCenterPoint();
		},
		[label, index] as const
	);
	await canvas.click({ position: point });
}

test('the demo dashboard opens on 2020 and shows the five video conferences', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	await gotoReady(page, `${app.url}/dashboard`);
	await expect(page.getByRole('heading', { level: 1, name: '대시보드' })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('2020년');
	await expect(page.getByText('보고 있는 기간: 2020년')).toBeVisible();
	await expect(page.locator('[data-figure=exchanges] .value')).toHaveText('7');

	const types = page.locator('[data-chart=types]');
	await expect(types.getByRole('heading')).toHaveText('유형별 교류 추이, 2020년 · 월별');
	const headers = await types.locator('thead th').allTextContents();
	const col = headers.indexOf('화상회의');
	const rows = await tableOf(page, 'types');
	expect(rows.map((r) => r[0])).toContain('2020년 (월 미상)');
	expect(rows.reduce((s, r) => s + Number(r[col] || 0), 0)).toBe(5);
	await expect(page.locator('[data-list=latest] li').filter({ hasText: '화상회의' })).toHaveCount(
		5
	);
});

test('the 2020 country table and anniversaries', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	await gotoReady(page, `${app.url}/dashboard?from=2020-01-01&to=2020-12-31`);
	expect(await tableOf(page, 'countries')).toEqual([
		['중국 (CN)', '4'],
		['국제기구', '1'],
		['일본 (JP)', '1'],
		['상대 없음', '1']
	]);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.locator('[data-chart=countries]').getByRole('button', { name: 'CSV 저장' }).click()
	]);
	expect(download.suggestedFilename()).toBe('countries.csv');
	const csv = readFileSync((await download.path())!, 'utf8');
	expect(csv).toContain('중국 (CN),4\r\n');
	const kanagawa = page.locator('[data-list=anniversaries] li').filter({ hasText: '가나가와현' });
	await expect(kanagawa).toContainText('30주년');
	await expect(kanagawa).toContainText('2020 → 2021');
});

test('switching to English keeps the filter; the 2020 online bar lists the seven online exchanges', async ({
	page
}) => {
	await signIn(page, app.url, VIEWER);
	const query = 'from=2016-01-01&to=2020-12-31&granularity=year';
	await gotoReady(page, `${app.url}/dashboard?${query}`);
	await page.getByRole('button', { name: '언어 전환' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
	expect(page.url()).toContain(query);
	const modes = page.locator('[data-chart=modes]');
	await expect(modes.getByRole('heading')).toContainText('2016–2020');

	const rows = await tableOf(page, 'modes');
	expect(rows.map((r) => r[0])).toEqual(['2016', '2017', '2018', '2019', '2020']);
	const link = modes.locator('tbody tr').last().locator('a[href]').first();
	await expect(link).toHaveAttribute(
		'href',
		'/exchanges?from=2020-01-01&to=2020-12-31&status=held&mode=online'
	);

	await page.locator('html[data-hydrated]').waitFor();
	await clickBar(modes.locator('canvas'), 'Online', 4);
	await expect(page).toHaveURL(
		/\/exchanges\?from=2020-01-01&to=2020-12-31&status=held&mode=online/
	);
	const listed = page.locator('main table tbody tr');
	await expect(listed).toHaveCount(7);
	await expect(listed.filter({ hasText: /video conference/i })).toHaveCount(5);
	await expect(listed.filter({ hasText: /newsletter/i })).toHaveCount(2);
});

test('the stats API returns the same numbers as the page', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	const r = await page.request.get(`${app.url}/api/v1/stats?from=2020-01-01&to=2020-12-31`);
	expect(r.status()).toBe(200);
	const body = await r.json();
	expect(body.byCountry.map((c: { key: string; n: number }) => [c.key, c.n])).toEqual([
		['CN', 4],
		['INTL', 1],
		['JP', 1],
		['NONE', 1]
	]);
	const anonymous = await fetch(`${app.url}/api/v1/stats`);
	expect(anonymous.status).toBe(401);
});

test('screenshots of the dashboard at 1440×900 and 390×844', async ({ page }, info) => {
	await signIn(page, app.url, VIEWER);
	for (const [width, height] of [
		[1440, 900],
		[390, 844]
	]) {
		await page.setViewportSize({ width, height });
		await gotoReady(page, `${app.url}/dashboard`);
		await expect(page.locator('[data-chart=types] canvas')).toHaveAttribute('data-ready', 'true');
		await page.locator('[data-chart=map]').scrollIntoViewIfNeeded();
		await expect(page.locator('[data-chart=map] canvas')).toHaveAttribute('data-ready', 'true');
		await page.evaluate(() => window.scrollTo(0, 0));
		const path = info.outputPath(`dashboard-${width}x${height}.png`);
		await page.screenshot({ path, fullPage: true });
		// Also outside test-results/, which the next Playwright run empties.
		await page.screenshot({ path: `screenshots/dashboard-${width}x${height}.png`, fullPage: true });
	}
});
