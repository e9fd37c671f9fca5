/**
 * An editor finds 산둥성 by its other spelling 산동성, reads its story (its exchange is there),
 * and adds a tie on the partner's page; the global search finds it by two syllables.
 * A viewer reads the same page without any edit control.
 */
import { expect, test } from '@playwright/test';
import { EDITOR, VIEWER, useApp } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp();

test('an editor finds a partner by an alias, sees its exchanges and adds a tie', async ({
	page
}) => {
	await signIn(page, app.url, EDITOR);
	await gotoReady(page, `${app.url}/partners`);
	await page.getByLabel('이름·별칭').fill('산동성');
	await page.getByRole('button', { name: '적용' }).click();
	await expect(page).toHaveURL(/\/partners\?q=/);
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(1);
	await rows.getByRole('link', { name: '산둥성' }).click();

	await expect(page.getByRole('heading', { level: 1 })).toContainText('산둥성');
	const timeline = page.locator('section', {
		has: page.getByRole('heading', { name: /^교류 \d+건$/ })
	});
	await expect(
		timeline.getByRole('link', { name: '제1회 경기-중국 산둥성 우호협력 연석회의' })
	).toBeVisible();
	await expect(page.getByText('산동성', { exact: true })).toBeVisible();

	await page.locator('html[data-hydrated]').waitFor();
	await page.getByText('관계 추가', { exact: true }).first().click();
	const add = page.locator('form[action="?/addTie"]');
	await add.getByLabel('관계 종류').selectOption('friendship');
	await add.getByLabel('시작').fill('2008');
	await add.getByRole('button', { name: '관계 추가' }).click();
	const ties = page.locator('section', {
		has: page.getByRole('heading', { name: '관계 (자매·우호·MOU)' })
	});
	await expect(ties.locator('.tie-line')).toHaveCount(1);
	await expect(ties.locator('.tie-line')).toContainText('우호협력');
	await expect(ties.locator('.tie-line')).toContainText('2008년');
	await expect(page.locator('.history')).toContainText('관계 #');

	await gotoReady(page, `${app.url}/search?q=${encodeURIComponent('산둥')}`);
	await expect(page.getByRole('link', { name: '산둥성' })).toBeVisible();
});

test('a viewer reads a partner page without edit buttons', async ({ page }) => {
	await signIn(page, app.url, VIEWER);
	await gotoReady(page, `${app.url}/partners`);
	await expect(page.getByRole('link', { name: '교류 상대 등록' })).toHaveCount(0);
	await page.getByRole('link', { name: '가나가와현' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText('가나가와현');
	await expect(page.getByText('자매결연', { exact: true }).first()).toBeVisible();
	await expect(page.getByRole('link', { name: '수정' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: '휴지통으로' })).toHaveCount(0);
	await expect(page.getByText('관계 추가')).toHaveCount(0);
	await expect(page.getByText('수정·종료')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: '중복 기록 합치기' })).toHaveCount(0);
	await expect(page.locator('input[type=file]')).toHaveCount(0);
	await expect(page.locator('form[method=POST][action^="?/"]')).toHaveCount(0);
});
