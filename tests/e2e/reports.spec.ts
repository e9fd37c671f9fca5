/** A viewer builds the 2020 briefing on /reports, previews it and downloads the PDF and XLSX. */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { useApp, VIEWER } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp();

test('a viewer previews the 2020 briefing and downloads it', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	await gotoReady(page, `${app.url}/reports`);
	await page.locator('#r-from').fill('2020-01-01');
	await page.locator('#r-to').fill('2020-12-31');
	await page.getByRole('button', { name: '미리보기 갱신' }).click();
	await expect(page).toHaveURL(/from=2020-01-01/);
	const sheet = page.locator('article.sheet');
	await expect(sheet).toContainText('경기도 국제교류 브리핑');
	await expect(sheet).toContainText('교류 7건');
	await expect(sheet).toContainText('산둥성 (山东省)');
	await expect(sheet.locator('canvas[data-ready]').first()).toBeVisible();
	await page.screenshot({ path: 'test-results/reports-preview.png', fullPage: true });

	for (const [format, magic] of [
		['pdf', '%PDF'],
		['xlsx', 'PK']
	] as const) {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.locator(`a[data-format=${format}]`).click()
		]);
		expect(download.suggestedFilename()).toBe(`gyoryu-briefing_2020-01-01_2020-12-31.${format}`);
		const body = readFileSync((await download.path())!);
		expect(body.length).toBeGreaterThan(1000);
		expect(body.subarray(0, magic.length).toString()).toBe(magic);
	}
});

test('the preview prints without the navigation', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	await gotoReady(page, `${app.url}/reports?from=2020-01-01&to=2020-12-31&lang=en`);
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.topbar')).toBeHidden();
	await expect(page.locator('form.report-form')).toBeHidden();
	await expect(page.locator('article.sheet')).toContainText('Key figures');
	await expect(page.locator('article.sheet thead').first()).toHaveCSS(
		'display',
		'table-header-group'
	);
});
