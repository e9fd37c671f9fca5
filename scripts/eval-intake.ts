/**
 * `npm run eval:intake [-- --verbose]`: precision and recall of the article extractor per
 * field over tests/fixtures/intake, exiting 1 when under the targets:
 * every seed exchange of the two source articles found with its date, type and partners, and
 * over the whole set P and R ≥ 0.9 for date+partner pairs and ≥ 0.85 for type.
 */
import { loadCases, missedSeedExchanges, scoreCase, totals } from '../tests/helpers/intake-eval';

const verbose = process.argv.includes('--verbose');
const cases = loadCases();
const results = cases.map((c) => scoreCase(c));
const sum = totals(results);

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
console.log(`Article intake — ${cases.length} labelled articles\n`);
console.log(
	`${'field'.padEnd(24)} ${'precision'.padStart(10)} ${'recall'.padStart(8)}   tp/pred/gold`
);
for (const [field, t] of Object.entries(sum))
	console.log(
		`${field.padEnd(24)} ${pct(t.precision).padStart(10)} ${pct(t.recall).padStart(8)}   ${t.tp}/${t.pred}/${t.gold}`
	);

if (verbose)
	for (const r of results) {
		if (!Object.keys(r.misses).length) continue;
		console.log(`\n# ${r.name}`);
		for (const [field, m] of Object.entries(r.misses)) {
			if (m.missing.length) console.log(`  ${field} missing: ${m.missing.join(' ; ')}`);
			if (m.extra.length) console.log(`  ${field} extra:   ${m.extra.join(' ; ')}`);
		}
	}

const failures: string[] = [];
for (const [i, c] of cases.entries()) {
	if (i >= 2) break; // the two source articles come first
	const missed = missedSeedExchanges(results[i], c.answer);
	if (missed.length) failures.push(`${c.name}: seed exchanges not found: ${missed.join(' ; ')}`);
}
const targets: [string, number][] = [
	['date+partner', 0.9],
	['type', 0.85]
];
for (const [field, min] of targets) {
	const t = sum[field];
	if (t.precision < min || t.recall < min)
		failures.push(`${field}: precision ${pct(t.precision)} / recall ${pct(t.recall)} under ${min}`);
}
if (failures.length) {
	console.error(`\nFAILED\n${failures.join('\n')}`);
	process.exit(1);
}
console.log('\nAll targets met.');
