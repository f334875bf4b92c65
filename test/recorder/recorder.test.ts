import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findPython } from './python';

const python = findPython();
if (!python) console.warn('recorder tests skipped: no python3 (3.9 or later) on this machine');

describe.skipIf(!python)('public/event_loop_lab_record.py (python3 -m unittest)', () => {
	it('passes its unit tests on the machine python3', () => {
		const r = spawnSync(
			python!,
			['-m', 'unittest', 'discover', '-s', 'test/recorder', '-p', 'test_*.py'],
			{
				encoding: 'utf8'
			}
		);
		expect(r.stderr).toMatch(/\nOK\n?$/);
		expect(r.status).toBe(0);
	});
});
