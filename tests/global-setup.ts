/**
 * Every test file makes its databases, servers' data folders and files under the system's
 * temporary folder. Pointing TMPDIR at one folder per run, removed when the run ends, keeps a
 * developer's /tmp from filling up (thousands of folders, gigabytes, over a day of runs). The
 * test processes are started after this and inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
	const dir = mkdtempSync(join(tmpdir(), 'gyoryu-vitest-'));
	process.env.TMPDIR = dir;
	return () => rmSync(dir, { recursive: true, force: true });
}
