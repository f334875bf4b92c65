// The exact engine's Python, as text: Vite, Vitest and the CLI's esbuild load `?raw` imports.
import lab from './python/lab.py?raw';
import labAnyio from './python/lab_anyio.py?raw';
import labLoop from './python/lab_loop.py?raw';
import labOutput from './python/lab_output.py?raw';
import labPython from './python/lab_python.py?raw';
import labRpc from './python/lab_rpc.py?raw';
import labScenario from './python/lab_scenario.py?raw';
import labServer from './python/lab_server.py?raw';
import labSteps from './python/lab_steps.py?raw';
import labThreads from './python/lab_threads.py?raw';
import labTrace from './python/lab_trace.py?raw';
import labWorld from './python/lab_world.py?raw';

/** Every module of the lab's Python, by file name (written to one folder on CPython's path). */
export const PYTHON_SOURCES: Record<string, string> = {
	'lab.py': lab,
	'lab_anyio.py': labAnyio,
	'lab_loop.py': labLoop,
	'lab_output.py': labOutput,
	'lab_python.py': labPython,
	'lab_rpc.py': labRpc,
	'lab_scenario.py': labScenario,
	'lab_server.py': labServer,
	'lab_steps.py': labSteps,
	'lab_threads.py': labThreads,
	'lab_trace.py': labTrace,
	'lab_world.py': labWorld
};
