/**
 * An editor records the 2020-09-21 Hebei video conference and the agreement it produced,
 * finds it again by searching 허베이, edits it, deletes it and restores it from the trash.
 * A viewer sees no edit controls and is refused when posting the form by hand.
 */
import { expect, test, type Page } from '@playwright/test';
import { EDITOR, VIEWER, useApp } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp();
const TITLE = '경기도–허베이성 교류협력 화상회의';

async function searchExchanges(page: Page, q: string) {
	await gotoReady(page, `${app.url}/exchanges`);
	await page.getByLabel('검색어').fill(q);
	await page.getByRole('button', { name: '검색', exact: true }).click();
	await expect(page).toHaveURL(/\/exchanges\?q=/);
}

test('an editor records, finds, edits, deletes and restores an exchange and its agreement', async ({
	page
}) => {
	page.on('dialog', (d) => void d.accept());
	await signIn(page, app.url, EDITOR);
	await gotoReady(page, `${app.url}/exchanges`);
	await page.getByRole('link', { name: '새 교류 활동' }).click();
	await page.locator('html[data-hydrated]').waitFor();

	// Type and partner first: the form proposes the title the office would write.
	await page.getByLabel('유형').selectOption('video_conference');
	const search = page.getByRole('combobox', { name: '교류 상대 찾기·추가' });
	await search.fill('하북');
	await expect(page.getByRole('option', { name: /허베이성/ })).toBeVisible();
	await search.press('Enter');
	await expect(page.locator('input[name=partnerName][value="허베이성"]')).toHaveCount(1);
	await expect(page.getByText('「경기도–허베이성 화상회의」')).toBeVisible();

	await page.getByLabel('제목', { exact: true }).fill(TITLE);
	await page.getByLabel('일자').fill('2020-09-21');
	await page.getByLabel('방식').selectOption('online');
	await page.getByLabel('참가자 수').fill('12');
	await page.getByRole('checkbox', { name: '행정' }).check();
	await page.getByLabel('요약', { exact: true }).fill('교류협력회의를 정기적으로 열기로 합의');
	await page.getByRole('button', { name: '등록' }).click();

	await expect(page).toHaveURL(/\/exchanges\/\d+$/);
	const exchangeUrl = page.url();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await expect(page.locator('main')).toContainText('2020. 9. 21.');
	await expect(page.locator('main')).toContainText('허베이성');

	// The agreement, started from the exchange so it is linked and has the same partner.
	await page.getByRole('link', { name: '이 교류의 합의 추가' }).click();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.locator('input[name=orgName][value="허베이성"]')).toHaveCount(1);
	await page
		.getByRole('textbox', { name: '합의 내용', exact: true })
		.fill('교류협력회의 정기 개최');
	await page.getByRole('button', { name: '등록' }).click();
	await expect(page).toHaveURL(/\/agreements\/\d+$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('교류협력회의 정기 개최');
	await expect(page.getByRole('link', { name: TITLE })).toBeVisible();

	// Found by searching 허베이.
	await searchExchanges(page, '허베이');
	await expect(page.getByRole('link', { name: TITLE })).toBeVisible();

	// Edit: the change shows and the history records it.
	await page.getByRole('link', { name: TITLE }).click();
	await page.getByRole('link', { name: '수정' }).click();
	await page.locator('html[data-hydrated]').waitFor();
	await expect(page.getByLabel('제목', { exact: true })).toHaveValue(TITLE);
	await page.getByLabel('참가자 수').fill('15');
	await page.getByLabel('장소').fill('경기도청 영상회의실');
	await page.getByRole('button', { name: '저장' }).click();
	await expect(page).toHaveURL(exchangeUrl);
	await expect(page.locator('main')).toContainText('경기도청 영상회의실');
	await expect(page.locator('.history')).toContainText('수정');

	// Delete: gone from the list, listed in the trash.
	await page.getByRole('button', { name: '삭제' }).click();
	await expect(page).toHaveURL(/\/exchanges\?deleted=/);
	await expect(page.getByRole('status').first()).toContainText('휴지통으로 옮겼습니다');
	await searchExchanges(page, '허베이');
	await expect(page.getByRole('link', { name: TITLE })).toHaveCount(0);

	await gotoReady(page, `${app.url}/trash`);
	await page.getByRole('button', { name: `복원: ${TITLE}` }).click();
	await expect(page.getByRole('status')).toContainText('복원했습니다');
	await gotoReady(page, exchangeUrl);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TITLE);
	await searchExchanges(page, '허베이');
	await expect(page.getByRole('link', { name: TITLE })).toBeVisible();
});

test('the form shows errors next to the fields and keeps what was typed', async ({ page }) => {
	await signIn(page, app.url, EDITOR);
	await gotoReady(page, `${app.url}/exchanges/new`);
	await page.getByLabel('제목', { exact: true }).fill('날짜가 틀린 회의');
	await page.getByLabel('일자').fill('2020-02-30');
	await page.getByRole('button', { name: '등록' }).click();
	await expect(page.getByLabel('일자')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#date-error')).toContainText('없는 날짜입니다');
	await expect(page.locator('#type-error')).toContainText('필수 입력 항목입니다');
	await expect(page.getByLabel('제목', { exact: true })).toHaveValue('날짜가 틀린 회의');
});

test('a viewer sees no edit controls and is refused when posting the form by hand', async ({
	page
}) => {
	await signIn(page, app.url, VIEWER);
	await gotoReady(page, `${app.url}/exchanges`);
	await expect(page.getByRole('link', { name: '새 교류 활동' })).toHaveCount(0);
	await gotoReady(page, `${app.url}/exchanges/1`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: '수정' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: '삭제' })).toHaveCount(0);
	await gotoReady(page, `${app.url}/agreements/1`);
	await expect(page.getByRole('button', { name: '상태 변경' })).toHaveCount(0);
	await expect(page.getByRole('link', { name: '휴지통' })).toHaveCount(0);

	const headers = { origin: app.url, accept: 'text/html' };
	const edit = await page.request.post(`${app.url}/exchanges/1/edit`, {
		headers,
		form: { type: 'meeting', date: '2020-09-21', titleKo: '열람자의 수정', version: '1' }
	});
	expect(edit.status()).toBe(403);
	const create = await page.request.post(`${app.url}/exchanges/new`, {
		headers,
		form: { type: 'meeting', date: '2020-09-21' }
	});
	expect(create.status()).toBe(403);
	const del = await page.request.post(`${app.url}/exchanges/1?/delete`, { headers, form: {} });
	expect(del.status()).toBe(403);
	await gotoReady(page, `${app.url}/exchanges/1`);
	await expect(page.getByRole('heading', { level: 1 })).not.toHaveText('열람자의 수정');
});
