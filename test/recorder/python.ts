// The machine's python3 for the recorder's tests, or why there is none.
import { spawnSync } from 'node:child_process';

/** The first python3 (3.9 or later; PYTHON first) that imports every named module, or undefined. */
export function findPython(modules: string[] = []): string | undefined {
	const probe = [
		'import sys',
		...modules.map((m) => `import ${m}`),
		'assert sys.version_info >= (3, 9)'
	];
	for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
		if (!candidate) continue;
		if (spawnSync(candidate, ['-c', probe.join('; ')]).status === 0) return candidate;
	}
	return undefined;
}
