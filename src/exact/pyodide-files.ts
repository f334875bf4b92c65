/** Where the site serves Pyodide's runtime, relative to its pages (so any sub-folder works). */
export const PYODIDE_DIR = 'pyodide';

/** The files Pyodide fetches or imports at start-up; nothing else of the package is needed. */
export const PYODIDE_FILES = [
	'pyodide.asm.mjs',
	'pyodide.asm.wasm',
	'python_stdlib.zip',
	'pyodide-lock.json'
] as const;
