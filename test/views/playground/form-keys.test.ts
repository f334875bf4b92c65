import { describe, expect, it } from 'vitest';
import { FormKeys } from '../../../src/views/playground/scenario-form/form-keys';

describe('FormKeys', () => {
	it('keeps each item’s key through moves and removals, and gives new items fresh keys', () => {
		const keys = new FormKeys();
		const [a, b, c] = keys.list('h:steps', 3);
		keys.move('h:steps', 2, 0);
		expect(keys.list('h:steps', 3)).toEqual([c, a, b]);
		keys.remove('h:steps', 1);
		expect(keys.list('h:steps', 2)).toEqual([c, b]);
		const added = keys.list('h:steps', 3);
		expect(added.slice(0, 2)).toEqual([c, b]);
		expect([a, b, c]).not.toContain(added[2]);
	});

	it('falls back to position when the list changes behind its back (the JSON editor)', () => {
		const keys = new FormKeys();
		const [a, b] = keys.list('x', 3);
		expect(keys.list('x', 2)).toEqual([a, b]);
		expect(keys.list('x', 0)).toEqual([]);
	});

	it('keeps lists apart, so a nested list travels with its owner’s key', () => {
		const keys = new FormKeys();
		const outer = keys.list('h:steps', 2);
		const inner = keys.list(`${outer[1]}:steps`, 2);
		keys.move('h:steps', 1, 0);
		expect(keys.list(`${outer[1]}:steps`, 2)).toEqual(inner);
		expect(new Set([...outer, ...inner]).size).toBe(4);
	});

	it('keeps a handler’s key across a rename, and forgets names that are gone', () => {
		const keys = new FormKeys();
		const [upload, health] = keys.named('handlers', ['upload', 'health']);
		keys.rename('handlers', 'upload', 'send');
		expect(keys.named('handlers', ['send', 'health'])).toEqual([upload, health]);
		expect(keys.named('handlers', ['health'])).toEqual([health]);
		expect(keys.named('handlers', ['send', 'health'])[0]).not.toBe(upload);
	});

	it('ignores moves, removals and renames of what it never gave a key', () => {
		const keys = new FormKeys();
		keys.move('none', 0, 1);
		keys.remove('none', 0);
		keys.rename('none', 'a', 'b');
		expect(keys.list('none', 1)).toHaveLength(1);
	});
});
