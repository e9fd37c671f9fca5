import { expect, type Page } from '@playwright/test';

export async function signIn(
	page: Page,
	baseUrl: string,
	who: { email: string; password: string }
) {
	await page.goto(`${baseUrl}/login`);
	await page.locator('#email').fill(who.email);
	await page.locator('#password').fill(who.password);
	await page.locator('form button[type=submit]').click();
	await expect(page).not.toHaveURL(/\/login/);
}
