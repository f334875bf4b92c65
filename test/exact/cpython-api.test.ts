import * as Comlink from 'comlink';
import type { PyodideInterface } from 'pyodide';
import { afterEach, describe, expect, it } from 'vitest';
import { createCPythonApi, type CPythonApi, type CPythonDeps } from '../../src/exact/cpython-api';
import type { LoadProgress } from '../../src/exact/load-progress';
import { simulate } from '../../simulations/index';
import { scenario } from '../simulations/build';

// The worker's API over an in-process MessageChannel, the wiring the bridge uses; Pyodide and
// the exact engine are doubles (the Chromium end-to-end test loads the real ones).
const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function connect(api: CPythonApi): Comlink.Remote<CPythonApi> {
	const channel = new MessageChannel();
	channels.push(channel);
	Comlink.expose(api, channel.port1);
	return Comlink.wrap<CPythonApi>(channel.port2);
}

const SIZES = { 'pyodide.asm.mjs': 5, 'pyodide.asm.wasm': 40, 'python_stdlib.zip': 20 };
const s = scenario({ h: [{ op: 'block', ms: 100 }] }, [['r1', 0, 'h']]);

/** A Pyodide double that downloads its files through the fetch it finds, as Pyodide does. */
function fakes(scope: { fetch: typeof fetch }, fail = false) {
	let loads = 0;
	const deps: CPythonDeps = {
		scope,
		loadPyodide: async ({ indexURL }) => {
			loads++;
			for (const name of ['pyodide.asm.wasm', 'python_stdlib.zip'])
				await (await scope.fetch(`${indexURL}${name}`)).arrayBuffer();
			if (fail) throw new Error('wasm streaming compile failed');
			return {
				version: '314.0.7',
				runPythonAsync: async () => undefined
			} as unknown as PyodideInterface;
		},
		runExact: async (_py, sc) => {
			if (sc.id === 'unsupported')
				throw new Error('handlers.h.steps[0]: op "x" cannot run on CPython');
			return { result: simulate(sc, { trace: true }), ranAsCPython: ['the loop'], modelled: [] };
		},
		runPython: async (_py, source, { onOutput }) => {
			const output = [{ atMs: 0, stream: 'stdout' as const, text: source }];
			onOutput(output);
			return { run: null, scenario: null, errors: [], output };
		}
	};
	return { deps, loads: () => loads };
}

const site = (bytesOf: (url: string) => number) => ({
	fetch: (async (url: string) => new Response(new Uint8Array(bytesOf(url)))) as typeof fetch
});
const sizeOf = (url: string) => SIZES[url.split('/').pop() as keyof typeof SIZES] ?? 0;

describe('CPython worker API over a MessageChannel', () => {
	it('load() reports downloading with bytes, then compiling, then starting, and resolves with the version', async () => {
		const scope = site(sizeOf);
		const { deps } = fakes(scope);
		const api = connect(createCPythonApi(deps));
		const seen: LoadProgress[] = [];
		const version = await api.load(
			{ indexURL: 'http://site/pyodide/', sizes: SIZES },
			Comlink.proxy((p: LoadProgress) => void seen.push(p))
		);
		expect(version).toBe('314.0.7');
		const phases = [...new Set(seen.map((p) => p.phase))];
		expect(phases).toEqual(['downloading', 'compiling', 'starting']);
		expect(seen.every((p) => p.total === 65)).toBe(true);
		const bytes = seen.map((p) => p.loaded);
		expect(bytes).toEqual([...bytes].sort((a, b) => a - b));
		expect(seen.at(-1)?.loaded).toBe(65);
	});

	it('loads Pyodide once: a second load() is warm, and the page fetch is restored', async () => {
		const scope = site(sizeOf);
		const original = scope.fetch;
		const { deps, loads } = fakes(scope);
		const api = connect(createCPythonApi(deps));
		const request = { indexURL: 'http://site/pyodide/', sizes: SIZES };
		await api.load(
			request,
			Comlink.proxy(() => {})
		);
		await api.load(
			request,
			Comlink.proxy(() => {})
		);
		expect(loads()).toBe(1);
		expect(scope.fetch).toBe(original);
	});

	it('run() returns the exact run: result@1 with its trace and what ran as CPython', async () => {
		const { deps } = fakes(site(sizeOf));
		const api = connect(createCPythonApi(deps));
		await expect(api.run(s)).rejects.toThrow('CPython is not loaded yet.');
		await api.load(
			{ indexURL: 'http://site/pyodide/', sizes: SIZES },
			Comlink.proxy(() => {})
		);
		const run = await api.run(s);
		expect(run.result.format).toBe('event-loop-lab/result@1');
		expect(run.result.trace?.length).toBeGreaterThan(0);
		expect(run.ranAsCPython).toEqual(['the loop']);
	});

	it('runPython() returns the run and passes on what the program prints as it prints it', async () => {
		const { deps } = fakes(site(sizeOf));
		const api = connect(createCPythonApi(deps));
		const heard: string[] = [];
		const onOutput = Comlink.proxy((o: { text: string }[]) => void heard.push(o[0].text));
		await expect(api.runPython('print(1)', onOutput)).rejects.toThrow('not loaded yet');
		await api.load(
			{ indexURL: 'http://site/pyodide/', sizes: SIZES },
			Comlink.proxy(() => {})
		);
		const run = await api.runPython('print(1)', onOutput);
		expect(run.output[0].text).toBe('print(1)');
		await expect.poll(() => heard).toEqual(['print(1)']);
	});

	it('a step CPython cannot run rejects with its reason, and CPython stays loaded', async () => {
		const { deps } = fakes(site(sizeOf));
		const api = connect(createCPythonApi(deps));
		await api.load(
			{ indexURL: 'http://site/pyodide/', sizes: SIZES },
			Comlink.proxy(() => {})
		);
		await expect(api.run({ ...s, id: 'unsupported' })).rejects.toThrow('cannot run on CPython');
		expect((await api.run(s)).result.outcome).toBe('completed');
	});

	it('a failed load rejects with its reason and the next load() tries again', async () => {
		const scope = site(sizeOf);
		const failing = fakes(scope, true);
		const api = connect(createCPythonApi(failing.deps));
		const request = { indexURL: 'http://site/pyodide/', sizes: SIZES };
		await expect(
			api.load(
				request,
				Comlink.proxy(() => {})
			)
		).rejects.toThrow('wasm streaming');
		await expect(
			api.load(
				request,
				Comlink.proxy(() => {})
			)
		).rejects.toThrow('wasm streaming');
		expect(failing.loads()).toBe(2);
	});
});
