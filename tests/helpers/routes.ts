/** Enumerates every route in src/routes: pages, their named form actions, and endpoint methods. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ROOT } from './server';

export interface RouteEntry {
	/** SvelteKit route id, e.g. `/exchanges/[id]/edit` (groups removed). */
	id: string;
	kind: 'page' | 'action' | 'endpoint';
	/** The action name (`default` for a default action) or the HTTP method. */
	name?: string;
}

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((f) => {
		const p = join(dir, f);
		return statSync(p).isDirectory() ? walk(p) : [p];
	});
}

function routeId(file: string, base: string): string {
	const dir = relative(base, file).split(sep).slice(0, -1);
	const id = '/' + dir.filter((s) => !/^\(.*\)$/.test(s)).join('/');
	return id;
}

export function enumerateRoutes(base = join(ROOT, 'src/routes')): RouteEntry[] {
	const out: RouteEntry[] = [];
	for (const file of walk(base)) {
		const name = file.split(sep).pop()!;
		const id = routeId(file, base);
		const src = readFileSync(file, 'utf8');
		if (name === '+page.svelte') out.push({ id, kind: 'page' });
		if (name === '+page.server.ts') {
			const block = /export const actions[^=]*=\s*\{([\s\S]*)\};?\s*$/m.exec(src)?.[1] ?? '';
			// Top-level keys of the actions object: `name: async (…) =>` or `name(…) {`.
			for (const m of block.matchAll(/^\t(\w+)\s*(?::|\()/gm))
				out.push({ id, kind: 'action', name: m[1] });
		}
		if (name === '+server.ts')
			for (const m of src.matchAll(
				/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
			))
				out.push({ id, kind: 'endpoint', name: m[1] });
	}
	return out;
}

export const entryKey = (e: RouteEntry) => `${e.kind} ${e.id}${e.name ? ' ' + e.name : ''}`;
