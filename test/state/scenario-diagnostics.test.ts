import { describe, expect, it } from 'vitest';
import { type ScenarioError } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import sample from '../../src/sample-scenario.json';
import { scenarioDiagnostics } from '../../src/state/scenario-diagnostics';

const SAMPLE = JSON.stringify(sample, null, 2);
const errors = (text: string): ScenarioError[] => {
	const parsed = parseScenario(text);
	return parsed.ok ? [] : parsed.errors;
};

describe('scenarioDiagnostics(errors)', () => {
	it("marks a validation error at its line and column with the catalogue's code, message and hint", () => {
		const text = SAMPLE.replace('"ms": 200', '"ms": "fast"');
		const [mark] = scenarioDiagnostics(errors(text));
		expect(mark).toMatchObject({ severity: 'error', code: 'E_TYPE' });
		expect(text.split('\n')[mark.line - 1].slice((mark.column ?? 1) - 1)).toMatch(/^"ms": "fast"/);
		expect(mark.message).toContain('handlers.upload.steps[0].ms');
		expect(mark.hint).toBe('Use a value of the expected type.');
	});

	it('marks every error that has a line, once per place and message', () => {
		const broken = errors(SAMPLE.slice(0, 300));
		expect(broken.length).toBeGreaterThan(2);
		const marks = scenarioDiagnostics(broken);
		expect(marks.map((m) => m.code)).toEqual(['E_JSON_SYNTAX', 'E_JSON_SYNTAX']);
		expect(new Set(marks.map((m) => m.message)).size).toBe(2);
	});

	it('leaves out errors without a line', () => {
		const noLine: ScenarioError = {
			code: 'E_REQUIRED',
			path: 'id',
			expected: 'a string',
			found: 'nothing',
			message: 'id: expected a string, found nothing',
			hint: 'Add the missing field.'
		};
		expect(scenarioDiagnostics([noLine])).toEqual([]);
		expect(scenarioDiagnostics([])).toEqual([]);
	});
});
