// The playground's Python tab, loaded when the tab first opens (Pyodide itself only on Run).
export { default as PythonEditor } from './PythonEditor.svelte';
export { default as PythonRunResult } from './PythonRunResult.svelte';
export { PythonRunSession } from '../../../state/python-run.svelte';
