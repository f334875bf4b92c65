import { describe, expect, it } from 'vitest';
import { readHandler } from '../../src/handler-import/read-handler';
import type { FoundStep } from '../../src/handler-import/types';
import { HANDLER_CASES } from './handler-cases';

/** A found step in the cases' compact notation. */
function compact(s: FoundStep): string {
	switch (s.op) {
		case 'lock':
			return `lock ${s.kind} ${s.name} @${s.line} [${s.steps.map(compact).join(' | ')}]`;
		case 'gather':
			return `gather @${s.line} [${s.branches.map((b) => b.map(compact).join(', ')).join(' | ')}]`;
		case 'offload':
			return `offload ${s.work} ${s.ms} @${s.line}`;
		default:
			return `${s.op} ${s.ms} @${s.line}`;
	}
}

describe('readHandler(code) finds the steps of real-world handlers', () => {
	it('has at least 30 cases', () => expect(HANDLER_CASES.length).toBeGreaterThanOrEqual(30));

	it.each(HANDLER_CASES)('$name', (c) => {
		const r = readHandler(c.code);
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.reading.steps.map(compact)).toEqual(c.steps);
		expect(r.reading.unrecognised.map((u) => `${u.call} @${u.line}`)).toEqual(c.unknown ?? []);
		expect(r.reading.sync).toBe(c.sync ?? false);
	});
});
