// Exact mode's public surface: the browser worker and the CLI import only this (and load-node).
export { runExact, type ExactRun } from './run-exact';
export { compareRuns, type RunComparison } from './compare';
export { DIVERGENCES, type Divergence } from './divergences';
export {
	runExactPython,
	PYTHON_FILE,
	type PythonRun,
	type PythonError,
	type PythonOutput
} from './run-python';
