import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Scenario } from '../simulations/index';
import { parseScenario } from '../simulations/text';

/** Every scenario file the golden suite covers: lesson variants (lessons/<lesson>/**.json) and the edge cases no lesson covers (test/scenarios/*.json). */
export function scenarioFiles(): { name: string; path: string }[] {
	const files = readdirSync('test/scenarios')
		.filter((f) => f.endsWith('.json'))
		.map((f) => ({ name: f.replace(/\.json$/, ''), path: join('test/scenarios', f) }));
	if (existsSync('lessons')) {
		for (const lesson of readdirSync('lessons').sort()) {
			const dir = join('lessons', lesson);
			for (const f of walk(dir)) {
				if (f.endsWith('.json') && readFileSync(f, 'utf8').includes('event-loop-lab/scenario@1')) {
					files.push({
						name: `${lesson}--${f
							.slice(dir.length + 1)
							.replace(/[/\\]/g, '-')
							.replace(/\.json$/, '')}`,
						path: f
					});
				}
			}
		}
	}
	return files.sort((a, b) => a.name.localeCompare(b.name));
}

function walk(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
		d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]
	);
}

/** Reads and validates a scenario file, failing loudly with its catalogued errors. */
export function loadScenario(path: string): Scenario {
	const parsed = parseScenario(readFileSync(path, 'utf8'));
	if (!parsed.ok) {
		throw new Error(`${path}:\n${parsed.errors.map((e) => `  ${e.code} ${e.message}`).join('\n')}`);
	}
	return parsed.scenario;
}
