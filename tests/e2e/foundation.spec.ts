import { expect, test } from '@playwright/test';
import { useApp } from './support/app';
import { gotoReady } from './support/auth';

// A fresh installation: the app itself creates the admin from ADMIN_EMAIL / ADMIN_PASSWORD and
// loads the demo records on first start.
const admin = { email: 'chief@gg.example.kr', password: 'first-start-password' };
const app = useApp({
	fresh: true,
	env: { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password, GYORYU_DEMO: '1' }
});

test('the admin from the environment signs in, sees the demo partners, switches to English and signs out', async ({
	page
}) => {
	await gotoReady(page, app.url + '/');
	await expect(page).toHaveURL(/\/login\?next=%2F/);
	await page.getByLabel('이메일').fill(admin.email);
	await page.getByLabel('비밀번호').fill('wrong-password-here');
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page.getByRole('alert')).toContainText('올바르지 않습니다');
	await expect(page.getByLabel('이메일')).toHaveValue(admin.email);

	await page.getByLabel('비밀번호').fill(admin.password);
	await page.getByRole('button', { name: '로그인' }).click();
	await expect(page).toHaveURL(app.url + '/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('국제교류 현황');
	const main = page.locator('main');
	await expect(main).toContainText('산둥성');
	await expect(main).toContainText('가나가와현');
	await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

	await page.getByRole('button', { name: '언어 전환' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(main).toContainText('Shandong');
	await expect(main).toContainText('Kanagawa');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'International exchange overview'
	);

	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL(/\/login/);
	await page.goto(app.url + '/');
	await expect(page).toHaveURL(/\/login/);
});
