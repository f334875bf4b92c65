import { spawnSync } from 'node:child_process';
import type { PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate } from '../../simulations/index';
import { installLab } from '../../src/exact/run-exact';
import { loadScenario } from '../scenario-files';
import { startCPython } from './cpython';

// The Python side's pieces, run in Pyodide (CPython 3.14) and, where it says so, in the
// machine's own python3 (CPython 3.11, the version the facts sheet measured).
let py: PyodideInterface;
beforeAll(async () => {
	py = await startCPython();
	installLab(py);
});

const run = (code: string): unknown => {
	const out = py.runPython(code);
	return typeof out === 'object' && out !== null && 'toJs' in out
		? (out as { toJs: () => unknown }).toJs()
		: out;
};

describe('lab_world.World', () => {
	it('fires events in time order, ties in the order they were set, at their own time', () => {
		expect(
			run(`
from lab_world import World
w, seen = World(1.0), []
w.at(0.2, lambda: seen.append(('b', w.now)))
w.at(0.1, lambda: seen.append(('a', w.now)))
w.at(0.2, lambda: seen.append(('c', w.now)))
w.advance(0.5)
[f'{n}@{t}' for n, t in seen] + [str(w.now)]`)
		).toEqual(['a@0.1', 'b@0.2', 'c@0.2', '0.5']);
	});

	it('stops the run at its limit', () => {
		expect(
			run(`
from lab_world import World, Stop
w = World(1.0)
try:
    w.advance(2.0)
except Stop as e:
    out = [e.kind, w.now]
out`)
		).toEqual(['limit', 1]);
	});
});

describe('lab_loop: the virtual selector and self-pipe', () => {
	const setup = `
import asyncio, itertools
from lab_world import World, Stop
from lab_trace import Tracer
from lab_loop import new_loop
w = World(10.0)
tracer = Tracer(w, True)
loop = new_loop(w, tracer, itertools.count(1000), lambda ms: ms)
`;
	it('select(None) with nothing to come can never return: the run is over', () => {
		expect(
			run(`${setup}
try:
    loop.lab_selector.select(None)
except Stop as e:
    out = e.kind
asyncio.set_event_loop(None)
out`)
		).toBe('nothing');
	});

	it('a sleeping select() returns at the timeout, or when a readiness event comes first', () => {
		expect(
			run(`${setup}
sel = loop.lab_selector
sel.select(0.05)
first = w.now
loop.add_reader(2000, lambda: None)
w.at(0.07, lambda: sel.make_readable(2000))
events = sel.select(1.0)
asyncio.set_event_loop(None)
[first, w.now, len(events), [e['detail'].get('reason') for e in tracer.events if e['type'] == 'wake']]`)
		).toEqual([0.05, 0.07, 1, ['timeout', 'io']]);
	});

	it('call_soon_threadsafe from another thread wakes select() through the self-pipe; a bare append does not', () => {
		expect(
			run(`${setup}
sel = loop.lab_selector
w.at(0.01, lambda: w.on_thread(lambda: loop._ready.append(asyncio.Handle(print, (), loop))))
w.at(0.02, lambda: w.on_thread(lambda: loop.call_soon_threadsafe(print)))
sel.select(None)
asyncio.set_event_loop(None)
[w.now, [(e['detail']['via']) for e in tracer.events if e['type'] == 'enqueue']]`)
		).toEqual([0.02, ['unsafe', 'threadsafe']]);
	});
});

const python3 = spawnSync('python3', ['--version'], { encoding: 'utf8' });
const has311 = python3.status === 0 && /Python 3\.11\./.test(python3.stdout);

describe('the same lab on CPython 3.11 (python3 on this machine)', () => {
	it.skipIf(!has311)(
		"reproduces the model's F20 burst, which CPython 3.14 runs differently (ThreadPoolExecutor's _idle_semaphore)",
		() => {
			const scenario = loadScenario('test/scenarios/f20-double-run-burst.json');
			// The scenario has no timer and threads: 0, so the two rules it needs are constant here.
			const code = `
import json, sys, lab_scenario
out = json.loads(lab_scenario.run(sys.stdin.read(), lambda ms: ms, lambda now: False, False))
print(json.dumps([r['endMs'] for r in out['requests']]))`;
			const r = spawnSync('python3', ['-c', code], {
				cwd: 'src/exact/python',
				input: JSON.stringify(scenario),
				encoding: 'utf8'
			});
			expect(r.stderr).toBe('');
			const model = simulate(scenario).requests.map((q) => q.endMs);
			expect(JSON.parse(r.stdout)).toEqual(model);
		}
	);
});
