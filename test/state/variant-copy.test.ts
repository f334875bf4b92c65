import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../simulations/index';
import sample from '../../src/sample-scenario.json';
import { variantCopy } from '../../src/state/variant-copy';

const SAMPLE = JSON.stringify(sample, null, 2);

describe('variantCopy(text)', () => {
	it('titles the copy as one and changes nothing else', () => {
		const copy = variantCopy(SAMPLE);
		expect(copy).toBe(
			SAMPLE.replace(`"title": "${sample.title}"`, `"title": "${sample.title} (copy)"`)
		);
		const parsed = parseScenario(copy);
		expect(parsed.ok && parsed.scenario.title).toBe(`${sample.title} (copy)`);
	});

	it('names an untitled copy after its id, and keeps a long title within the engine’s 500', () => {
		expect(JSON.parse(variantCopy('{"id": "x", "title": ""}')).title).toBe('x (copy)');
		expect(JSON.parse(variantCopy('{"id": "x"}')).title).toBe('x (copy)');
		const long = JSON.parse(variantCopy(JSON.stringify({ title: 't'.repeat(500) }))).title;
		expect([long.length, long.endsWith(' (copy)')]).toEqual([500, true]);
	});

	it('copies a text that is not a JSON object as it is', () => {
		for (const text of ['', '{', '[]', 'null', '"x"']) expect(variantCopy(text)).toBe(text);
	});
});
