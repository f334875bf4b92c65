import { describe, expect, it } from 'vitest';
import { glossary } from '../../../src/content/glossary';

describe('glossary', () => {
	it('defines every word the stage draws (issue 11)', () => {
		const words = Object.values(glossary).map((e) => e.word);
		for (const w of [
			'select()',
			'selector',
			'ready queue',
			'batch',
			'callback',
			'timer',
			'timer heap',
			'overdue',
			'GIL',
			'switch interval',
			'lag monitor',
			'heartbeat',
			'thread pool',
			'self-pipe',
			'call_soon_threadsafe',
			'blocked',
			'awaiting'
		])
			expect(words).toContain(w);
	});

	it('gives each word one or two plain sentences', () => {
		for (const e of Object.values(glossary)) {
			expect(e.text.length, e.word).toBeGreaterThan(40);
			expect(e.text.length, e.word).toBeLessThan(260);
		}
	});
});
