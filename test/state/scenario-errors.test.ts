import { describe, expect, it } from 'vitest';
import { formatPath } from '../../simulations/index';
import { parseScenario } from '../../simulations/text';
import { errorsAt } from '../../src/state/scenario-errors';

/** A scenario whose only problem is `bad`, set at `path` (a handler named `name`). */
function errorsFor(name: string, step: Record<string, unknown>) {
	const parsed = parseScenario({
		format: 'event-loop-lab/scenario@1',
		id: 'x',
		title: 'x',
		handlers: { [name]: { steps: [step] } },
		requests: [{ id: 'r1', at: 0, handler: name }]
	});
	return parsed.ok ? [] : parsed.errors;
}

describe('formatPath(path)', () => {
	const cases: [string, (string | number)[]][] = [
		['upload', ['handlers', 'upload', 'steps', 0, 'ms']],
		['with space', ['handlers', 'with space', 'steps', 0, 'ms']],
		['<img src=x>', ['handlers', '<img src=x>', 'steps', 0, 'ms']],
		['dash-ed', ['handlers', 'dash-ed', 'steps', 0, 'ms']],
		['9lives', ['handlers', '9lives', 'steps', 0, 'ms']],
		['"quoted"', ['handlers', '"quoted"', 'steps', 0, 'ms']]
	];
	for (const [name, path] of cases) {
		it(`writes ${JSON.stringify(path)} as the engine's errors do`, () => {
			const errors = errorsFor(name, { op: 'cpu', ms: 'fast' });
			expect(errors.map((e) => e.path)).toEqual([formatPath(path)]);
		});
	}

	it('writes the document itself as the empty string', () => expect(formatPath([])).toBe(''));
});

describe('errorsAt(errors, path)', () => {
	it('gives a field its own errors and a group the fields it does not know', () => {
		const errors = errorsFor('h', { op: 'cpu', ms: -1, colour: 'red' });
		const step = ['handlers', 'h', 'steps', 0];
		expect(errorsAt(errors, [...step, 'ms']).map((e) => e.code)).toEqual(['E_RANGE']);
		expect(errorsAt(errors, step).map((e) => e.code)).toEqual(['E_UNKNOWN_FIELD']);
		expect(errorsAt(errors, ['handlers', 'h'])).toEqual([]);
	});
});
