/**
 * Two-factor sign-in end to end: a user enrols in TOTP on the profile page (the test computes
 * the codes an authenticator app would show), signs out, signs in with password and code, and
 * a recovery code works exactly once.
 */
import { expect, test, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { useApp, ADMIN, EDITOR } from './support/app';
import { gotoReady, signIn } from './support/auth';

const app = useApp();

const step = () => BigInt(Math.floor(Date.now() / 30_000));

async function signOut(page: Page) {
	await page.locator('header form[action="/logout"] button').click();
	await expect(page).toHaveURL(/\/login$/);
}

async function password(page: Page) {
	await gotoReady(page, `${app.url}/login`);
	await page.locator('#email').fill(EDITOR.email);
	await page.locator('#password').fill(EDITOR.password);
	await page.locator('main form button[type=submit]').click();
	await expect(page).toHaveURL(/\/login\/2fa/);
	await page.locator('html[data-hydrated]').waitFor();
}

test('enrol in TOTP, sign in with a code, and use a recovery code once', async ({ page }) => {
	await signIn(page, app.url, EDITOR);
	await gotoReady(page, `${app.url}/profile`);
	const manual = await page.getByTestId('totp-manual-key').innerText();
	const key = decodeBase32IgnorePadding(manual.replace(/\s/g, ''));
	await page.locator('#tfa-enrol-code').fill(generateHOTP(key, step(), 6));
	await page.locator('form[action="?/tfaEnable"] button[type=submit]').click();
	const codes = page.getByTestId('recovery-codes').locator('code');
	await expect(codes).toHaveCount(10);
	const recovery = await codes.allInnerTexts();
	await expect(page.getByText('남은 복구 코드 10개')).toBeVisible();

	// Password alone is not enough any more; the next code from the app is.
	await signOut(page);
	await password(page);
	await gotoReady(page, `${app.url}/exchanges`);
	await expect(page).toHaveURL(/\/login\/2fa\?next=%2Fexchanges/);
	await page.locator('#tfa-code').fill('000000');
	await page.locator('form[action="?/verify"] button[type=submit]').click();
	await expect(page.locator('#tfa-code-error')).toBeVisible();
	await page.locator('#tfa-code').fill(generateHOTP(key, step() + 1n, 6));
	await page.locator('form[action="?/verify"] button[type=submit]').click();
	await expect(page).toHaveURL(`${app.url}/exchanges`);
	await expect(page.locator('header')).toContainText('편집자');

	// A recovery code instead of the phone: once.
	await signOut(page);
	await password(page);
	await page.getByText('복구 코드 사용').click();
	await page.locator('#tfa-recovery').fill(recovery[0]);
	await page.locator('form[action="?/recover"] button[type=submit]').click();
	await expect(page).toHaveURL(`${app.url}/`);
	await gotoReady(page, `${app.url}/profile`);
	await expect(page.getByText('남은 복구 코드 9개')).toBeVisible();

	await signOut(page);
	await password(page);
	await page.getByText('복구 코드 사용').click();
	await page.locator('#tfa-recovery').fill(recovery[0]);
	await page.locator('form[action="?/recover"] button[type=submit]').click();
	await expect(page.locator('#tfa-recovery-error')).toContainText('이미 사용');
	await expect(page).toHaveURL(/\/login\/2fa/);
});

test.describe('with REQUIRE_2FA_FOR_ADMINS=1', () => {
	const strict = useApp({ env: { REQUIRE_2FA_FOR_ADMINS: '1' } });

	test('an admin without two-factor sign-in must enrol before anything else', async ({ page }) => {
		await gotoReady(page, `${strict.url}/login`);
		await page.locator('#email').fill(ADMIN.email);
		await page.locator('#password').fill(ADMIN.password);
		await page.locator('main form button[type=submit]').click();
		await expect(page).toHaveURL(/\/login\/2fa\/setup/);
		await gotoReady(page, `${strict.url}/admin/users`);
		await expect(page).toHaveURL(/\/login\/2fa\/setup\?next=%2Fadmin%2Fusers/);
		const manual = await page.getByTestId('totp-manual-key').innerText();
		const key = decodeBase32IgnorePadding(manual.replace(/\s/g, ''));
		await page.locator('#tfa-enrol-code').fill(generateHOTP(key, step(), 6));
		await page.locator('form[action="?/enable"] button[type=submit]').click();
		await expect(page.getByTestId('recovery-codes').locator('code')).toHaveCount(10);
		await page.getByRole('link', { name: '코드를 적어 두었습니다. 계속' }).click();
		await expect(page).toHaveURL(`${strict.url}/admin/users`);
		await expect(page.locator('header')).toContainText('관리자');
	});
});
