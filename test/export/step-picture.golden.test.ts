import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stepPicture } from '../../src/export/step-picture';
import { pictureInput } from './picture-input';

// A reviewed picture, kept like the golden timelines: UPDATE_GOLDEN=1 rewrites it; a mismatch
// writes <name>.changed beside it (ignored by git), so opening both shows what the drawing changed.
const update = process.env.UPDATE_GOLDEN === '1';

describe('golden step picture', () => {
	it('stepPicture() of a hung gather draws its reviewed SVG', () => {
		const input = pictureInput('lessons/06-gather-deadlock/thread-lock-gather', 0, {
			narration:
				'The loop thread is **blocked** in `acquire()` for good: the shaded stretch of the timeline is how it stays.'
		});
		const actual = stepPicture(input, 'light');
		const golden = 'test/golden/step-picture--06-gather-deadlock--thread-lock-gather.light.svg';
		const changed = `${golden}.changed`;
		if (update) writeFileSync(golden, actual);
		const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : null;
		if (expected === actual) return rmSync(changed, { force: true });
		writeFileSync(changed, actual);
		expect.fail(
			expected === null
				? `no golden file ${golden}; run UPDATE_GOLDEN=1 and review it`
				: `picture differs from ${golden}; see ${changed}`
		);
	});
});
