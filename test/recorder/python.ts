// The machine's python3 for the recorder's tests, or why there is none.
import { spawnSync } from 'node:child_process';

/** The first python3 that runs (PYTHON overrides), or undefined. */
export function findPython(): string | undefined {
	for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
		if (!candidate) continue;
		const r = spawnSync(candidate, ['-c', 'import sys; print(sys.version_info >= (3, 9))'], {
			encoding: 'utf8'
		});
		if (r.status === 0 && r.stdout.trim() === 'True') return candidate;
	}
	return undefined;
}
