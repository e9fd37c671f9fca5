import { expect, type Page } from '@playwright/test';

/** Navigates and waits until the page has hydrated, so typed text is not reset. */
export async function gotoReady(page: Page, url: string) {
	await page.goto(url);
	await page.locator('html[data-hydrated]').waitFor();
}

export async function signIn(
	page: Page,
	baseUrl: string,
	who: { email: string; password: string }
) {
	await gotoReady(page, `${baseUrl}/login`);
	await page.locator('#email').fill(who.email);
	await page.locator('#password').fill(who.password);
	await page.locator('main form button[type=submit]').click();
	await expect(page).not.toHaveURL(/\/login/);
	await page.locator('html[data-hydrated]').waitFor();
}
