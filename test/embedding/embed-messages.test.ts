import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gotoStep } from '../../src/embedding/embed-messages';

describe('gotoStep(data, count)', () => {
	it('accepts only a well-formed goto inside the lesson', () => {
		expect(gotoStep({ type: 'event-loop-lab:goto', step: 3 }, 5)).toBe(3);
		for (const bad of [
			null,
			'goto',
			42,
			{ type: 'event-loop-lab:goto' },
			{ type: 'event-loop-lab:goto', step: '3' },
			{ type: 'event-loop-lab:goto', step: 0 },
			{ type: 'event-loop-lab:goto', step: 6 },
			{ type: 'event-loop-lab:goto', step: 1.5 },
			{ type: 'event-loop-lab:step', step: 2 }
		])
			expect(gotoStep(bad, 5)).toBeNull();
	});

	it('never throws, whatever arrives', () => {
		fc.assert(fc.property(fc.anything(), (data) => void gotoStep(data, 10)));
	});
});
