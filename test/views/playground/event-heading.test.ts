import { describe, expect, it } from 'vitest';
import { eventHeading } from '../../../src/views/playground/event-heading';

describe('eventHeading(step, events, eventMs, moment)', () => {
	it("names the event and its time when the moment is the event's", () => {
		expect(eventHeading(2, 20, 200, 200)).toBe('Event 2 of 20, at 200 ms:');
	});

	it('names the scrubbed moment first, then the last event before it', () => {
		expect(eventHeading(5, 20, 200, 300)).toBe(
			'At 300 ms. The last event before it, 5 of 20, at 200 ms:'
		);
	});
});
