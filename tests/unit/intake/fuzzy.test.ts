import { describe, expect, it } from 'vitest';
import { blockEditDistance, normalizedDistance } from '../../../src/lib/server/intake/fuzzy';

describe('edit distance for misspelt names', () => {
	it('counts a swap of two name parts as one edit', () => {
		expect(blockEditDistance('경기창조혁신경제센터', '경기창조경제혁신센터')).toBe(1);
		expect(normalizedDistance('경기창조혁신경제센터', '경기창조경제혁신센터')).toBeCloseTo(0.1);
	});

	it('counts ordinary edits as Levenshtein does', () => {
		expect(blockEditDistance('산둥성', '산동성')).toBe(1);
		expect(blockEditDistance('kitten', 'sitting')).toBe(3);
		expect(blockEditDistance('', 'abc')).toBe(3);
		expect(normalizedDistance('', '')).toBe(0);
	});

	it('keeps different names far apart', () => {
		expect(normalizedDistance('부산경제진흥원', '경기창조경제혁신센터')).toBeGreaterThan(0.5);
	});
});
