import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		sveltekit(),
		// The compiled messages are an input of the build; under Vitest they already exist and the
		// plugin's file watcher would keep the test process from exiting.
		...(process.env.VITEST
			? []
			: [
					paraglideVitePlugin({
						project: './project.inlang',
						outdir: './src/lib/paraglide',
						strategy: ['cookie', 'preferredLanguage', 'baseLocale']
					})
				])
	],
	test: {
		include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/global-setup.ts'],
		pool: 'forks',
		expect: { requireAssertions: true },
		testTimeout: 30_000
	}
});
