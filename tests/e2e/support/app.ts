/**
 * Each spec file gets its own server on its own freshly seeded database file, so one spec's
 * edits never change another's expected numbers. Call `useApp()` at the top of a spec.
 */
import { test } from '@playwright/test';
import { startServer, type RunningServer, type ServerOptions } from '../../helpers/server';

export { ADMIN, EDITOR, VIEWER } from '../../helpers/server';

export interface App {
	url: string;
	dbPath: string;
}

export function useApp(options: ServerOptions = {}): App {
	const app: App = { url: '', dbPath: '' };
	let server: RunningServer | null = null;
	test.beforeAll(async () => {
		server = await startServer(options);
		app.url = server.url;
		app.dbPath = server.dbPath;
	});
	test.afterAll(async () => {
		await server?.stop();
	});
	return app;
}
