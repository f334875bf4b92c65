// `npm run bench` (bench:exact): exact mode in Node: Pyodide's cold start, the warm run time of
// every lesson variant on CPython's loop (model time beside it), and the size of Pyodide's files,
// which is what a browser downloads once. Run with `tsx --import ./cli/raw-import.mjs`.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { simulate } from '../simulations/index';
import { pyodideDir, loadPyodideInNode } from '../src/exact/load-node';
import { runExact } from '../src/exact/index';
import { loadScenario, scenarioFiles } from '../test/scenario-files';
import { median } from './report';

const RUNS = 5;
const ms = (x: number) => `${x.toFixed(1)} ms`;

const start = performance.now();
const py = await loadPyodideInNode();
console.log(`exact: Pyodide cold start in Node ${ms(performance.now() - start)}`);

const lessons = scenarioFiles().filter((f) => f.path.startsWith('lessons'));
for (const file of lessons) {
	const scenario = loadScenario(file.path);
	await runExact(py, scenario, { trace: true }); // warm-up: imports, first compile
	const exact: number[] = [];
	const model: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		let t = performance.now();
		await runExact(py, scenario, { trace: true });
		exact.push(performance.now() - t);
		t = performance.now();
		simulate(scenario, { trace: true });
		model.push(performance.now() - t);
	}
	console.log(
		`exact: ${file.name}: warm run ${ms(median(exact))} (model ${ms(median(model))}), median of ${RUNS}`
	);
}

const dir = pyodideDir();
// What the browser loads: the runtime (asm.mjs, asm.wasm), the stdlib zip, the lock file and the loader.
const fetched = [
	'pyodide.mjs',
	'pyodide.asm.mjs',
	'pyodide.asm.wasm',
	'python_stdlib.zip',
	'pyodide-lock.json'
];
let raw = 0;
let gz = 0;
for (const name of fetched) {
	const bytes = readFileSync(join(dir, name));
	raw += bytes.length;
	gz += gzipSync(bytes).length;
}
const all = readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
console.log(
	`exact: download ${mb(raw)} raw, ${mb(gz)} gzip (${fetched.join(', ')}); the npm package holds ${mb(all)}`
);
