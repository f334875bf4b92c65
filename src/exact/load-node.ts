// Pyodide in Node (CLI, tests, bench): its files straight from node_modules, nothing fetched.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadPyodide, type PyodideInterface } from 'pyodide';

/** The folder of the installed pyodide package (its wasm, stdlib and lock file). */
export function pyodideDir(): string {
	return dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));
}

/** A fresh CPython (Pyodide) in this Node process, loaded offline from node_modules. */
export async function loadPyodideInNode(): Promise<PyodideInterface> {
	return loadPyodide({ indexURL: `${pyodideDir()}/`, stdout: () => {}, stderr: () => {} });
}
