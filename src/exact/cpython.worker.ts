// CPython (Pyodide) in a worker; the API lives in cpython-api.ts.
import * as Comlink from 'comlink';
import { loadPyodide } from 'pyodide';
import { READY } from '../runtime/ready';
import { createCPythonApi } from './cpython-api';
import { runExact, runExactPython } from './index';

Comlink.expose(
	createCPythonApi({ loadPyodide, runExact, runPython: runExactPython }),
	self as unknown as Comlink.Endpoint
);
self.postMessage(READY);
