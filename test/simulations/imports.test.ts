import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The import graph read from source: every `import … from '…'` and `export … from '…'`,
// type-only ones included (a type cycle still ties the files together).
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*'([^']+)'/g;

function files(dir: string, keep: (path: string) => boolean): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((e) => e.isFile() && keep(e.name))
		.map((e) => join(e.parentPath, e.name));
}

function importsOf(file: string): string[] {
	return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1]);
}

/** A relative specifier resolved to a repository path without extension ('simulations/clock'). */
function resolve(from: string, spec: string): string {
	return normalize(join(dirname(from), spec)).replace(/\.(ts|js)$/, '');
}

const key = (file: string) => file.replace(/\.ts$/, '');

/** The cycles of a graph: each found as a path that comes back to where it started. */
function findCycles(graph: Map<string, string[]>): string[][] {
	const cycles: string[][] = [];
	const state = new Map<string, 'open' | 'closed'>();
	const path: string[] = [];
	const visit = (node: string) => {
		state.set(node, 'open');
		path.push(node);
		for (const next of graph.get(node) ?? []) {
			if (state.get(next) === 'open') cycles.push([...path.slice(path.indexOf(next)), next]);
			else if (!state.has(next)) visit(next);
		}
		path.pop();
		state.set(node, 'closed');
	};
	for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
	return cycles;
}

const engineFiles = files('simulations', (n) => n.endsWith('.ts'));

describe('the import graph of simulations/', () => {
	it('findCycles(graph) reports a cycle and passes a tree', () => {
		const tree = new Map([
			['a', ['b', 'c']],
			['b', ['c']]
		]);
		expect(findCycles(tree)).toEqual([]);
		expect(findCycles(new Map([...tree, ['c', ['a']]]))).toEqual([['a', 'b', 'c', 'a']]);
	});

	it('has no import cycle', () => {
		const graph = new Map(
			engineFiles.map((f) => [
				key(f),
				importsOf(f)
					.filter((s) => s.startsWith('.'))
					.map((s) => resolve(f, s))
			])
		);
		expect(findCycles(graph).map((c) => c.join(' → '))).toEqual([]);
	});

	it('imports only xstate, jsonc-parser (the scenario parser) and its own files', () => {
		const outside = engineFiles.flatMap((f) =>
			importsOf(f)
				.filter((s) => (s.startsWith('.') ? !resolve(f, s).startsWith('simulations/') : true))
				.filter((s) => s !== 'xstate' && s !== 'jsonc-parser')
				.map((s) => `${f} imports ${s}`)
		);
		expect(outside).toEqual([]);
	});

	// Its doors: index.ts; text.ts, the JSON text parser (jsonc-parser), and sweep/index.ts, which
	// a page that shows only lessons never downloads.
	const DOORS = ['simulations/index', 'simulations/text', 'simulations/sweep/index'];

	it('is imported from outside (test/ excepted) only through its doors', () => {
		const code = ['src', 'cli', 'bench', 'lessons'].flatMap((d) =>
			files(d, (n) => /\.(ts|svelte|js)$/.test(n))
		);
		const internal = code.flatMap((f) =>
			importsOf(f)
				.filter((s) => s.startsWith('.'))
				.map((s) => relative('.', resolve(f, s)))
				.filter((p) => p.startsWith('simulations/') && !DOORS.includes(p))
				.map((p) => `${f} imports ${p}`)
		);
		expect(internal).toEqual([]);
	});
});
