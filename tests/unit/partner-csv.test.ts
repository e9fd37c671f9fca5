import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/lib/server/csv';

describe('toCsv', () => {
	it('starts with a BOM, ends lines with CRLF and quotes what needs it', () => {
		const out = toCsv(
			['이름', 'note'],
			[
				['산둥성', 'a,b'],
				['say "hi"', 'line\nbreak']
			]
		);
		expect(out.startsWith('\uFEFF이름,note\r\n')).toBe(true);
		expect(out).toContain('산둥성,"a,b"\r\n');
		expect(out).toContain('"say ""hi""","line\nbreak"\r\n');
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		for (const s of ['=1+1', '+82', '-5', '@SUM(A1)', '\tx', '\rx'])
			expect(csvCell(s).replace(/^"/, '').startsWith(`'`), s).toBe(true);
		expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(null)).toBe('');
		expect(csvCell('산둥성')).toBe('산둥성');
	});
});
