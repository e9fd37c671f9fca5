// Prints "passed failed" from a Vitest or Playwright JSON report.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
if ('numPassedTests' in report) {
	console.log(`${report.numPassedTests} ${report.numFailedTests}`);
} else {
	const s = report.stats ?? {};
	console.log(`${s.expected ?? 0} ${(s.unexpected ?? 0) + (s.flaky ?? 0)}`);
}
