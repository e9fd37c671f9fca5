import { expect, test, type Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { EDITOR, VIEWER, useApp } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp();
const partnerList = fileURLToPath(new URL('../fixtures/import/partners-bom.csv', import.meta.url));

async function preview(page: Page) {
	await gotoReady(page, `${app.url}/import`);
	await page.getByLabel('교류 상대와 결연 관계').check();
	await page.locator('#import-file').setInputFiles(partnerList);
	await page.getByRole('button', { name: '미리보기', exact: true }).click();
	return page.locator('section[aria-labelledby=preview-h]');
}

test('an editor previews a partner list, imports it, and finds the partners', async ({ page }) => {
	await signIn(page, app.url, EDITOR);
	const section = await preview(page);
	await expect(page.locator('#map-2')).toHaveValue('nameKo');
	await expect(section.locator('tbody tr.status-create')).toHaveCount(6);
	await expect(section.getByRole('cell', { name: '뉴사우스웨일스주' })).toBeVisible();

	await section.getByRole('button', { name: '가져오기 실행' }).click();
	await expect(page).toHaveURL(/\/import\/\d+$/);
	await expect(page.getByTestId('total-organization-create')).toHaveText('6');
	await expect(page.getByTestId('total-tie-create')).toHaveText('6');

	await gotoReady(page, `${app.url}/partners`);
	for (const name of ['뉴사우스웨일스주', '파라나주', '울란바토르시'])
		await expect(page.getByRole('link', { name }).first()).toBeVisible();

	// The same file again: every row is unchanged.
	const again = await preview(page);
	await expect(again.locator('tbody tr.status-unchanged')).toHaveCount(6);
	await expect(again.locator('tbody tr.status-create')).toHaveCount(0);
});

test('a viewer cannot open the import page', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	const response = await page.goto(`${app.url}/import`);
	expect(response?.status()).toBe(403);
	await expect(page.getByRole('link', { name: '가져오기' })).toHaveCount(0);
});
