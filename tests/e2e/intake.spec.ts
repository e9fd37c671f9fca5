/**
 * On a database without demo data, an editor pastes the 2020 article, sees the five video
 * conferences in the draft, saves, and finds them in the exchange list.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EDITOR, VIEWER, useApp } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp({ demo: false });
const ARTICLE = readFileSync(
	new URL('../fixtures/intake/2020-12-02-gyeonggi-online-exchange.txt', import.meta.url),
	'utf8'
);
const PARTNERS = ['산둥성', '가나가와현', '충칭시', '지린성', '허베이성'];

test('an editor turns the 2020 article into saved records', async ({ page }) => {
	await signIn(page, app.url, EDITOR);
	await gotoReady(page, `${app.url}/intake`);
	await page.getByLabel('기사 본문').fill(ARTICLE);
	await page.getByRole('button', { name: '초안 만들기' }).click();

	const drafts = page.locator('.intake-drafts');
	await expect(drafts.locator('article[id^="exchange-"]')).toHaveCount(7);
	const calls = drafts.locator('article[id^="exchange-"]', { hasText: '화상회의 ·' });
	await expect(calls).toHaveCount(5);
	for (const name of PARTNERS) await expect(calls.filter({ hasText: name })).not.toHaveCount(0);
	await expect(drafts.getByText('화상회의 · 2020-11-04')).toHaveCount(2);
	// the article is shown with what was read from it marked
	await expect(page.locator('.article-text mark', { hasText: '지난 4일' })).toHaveCount(1);

	// a bad value is refused next to its field, and what was typed stays
	const firstDate = page.locator('input[name="x.1.date"]');
	await firstDate.fill('2020-13-45');
	await page.locator('input[name="x.1.title"]').fill('검토한 제목');
	await page.getByRole('button', { name: '검토한 기록 저장' }).click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(firstDate).toHaveAttribute('aria-invalid', 'true');
	await expect(firstDate).toHaveValue('2020-13-45');
	await expect(page.locator('input[name="x.1.title"]')).toHaveValue('검토한 제목');
	await firstDate.fill('2020-12-01');

	await page.getByRole('button', { name: '검토한 기록 저장' }).click();
	await expect(page).toHaveURL(/\/intake\?saved=\d+/);
	await expect(page.getByRole('status')).toContainText('교류 7건');

	await gotoReady(page, `${app.url}/exchanges?type=video_conference`);
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(5);
	for (const name of PARTNERS) await expect(rows.filter({ hasText: name })).toHaveCount(1);
	await expect(rows.filter({ hasText: '2020. 11. 4.' })).toHaveCount(2);
});

test('a viewer may not use intake', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	const r = await page.goto(`${app.url}/intake`);
	expect(r?.status()).toBe(403);
	const api = await page.request.post(`${app.url}/api/v1/intake/extract`, {
		data: { text: ARTICLE },
		headers: { origin: app.url }
	});
	expect(api.status()).toBe(403);
});

test('the API drafts records from JSON', async ({ page }) => {
	await signIn(page, app.url, EDITOR);
	const r = await page.request.post(`${app.url}/api/v1/intake/extract`, {
		data: { text: ARTICLE },
		headers: { origin: app.url }
	});
	expect(r.status()).toBe(200);
	const { data } = (await r.json()) as { data: { exchanges: { type: { value: string } }[] } };
	expect(data.exchanges.filter((x) => x.type.value === 'video_conference')).toHaveLength(5);
});
