import type { PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { runExactPython, type PythonOutput } from '../../src/exact/index';
import { outputLines } from '../../src/state/python-run-state';
import { startCPython } from './cpython';

let py: PyodideInterface;
beforeAll(async () => {
	py = await startCPython();
});

const FIVE_UPLOADS = `import asyncio, time, lab

async def upload():
    time.sleep(0.2)

lab.arrivals(upload, count=5, every_ms=2)
lab.heartbeat(every_ms=100)
lab.lag_monitor(every_ms=100)
`;

/** A program as a learner writes it: asyncio.run(main()), one handler blocking, one awaiting. */
const PROGRAM = `import asyncio, time

async def blocking():
    time.sleep(0.2)
    print('blocking done at', round(time.perf_counter(), 3))

async def polite():
    await asyncio.sleep(0.1)
    print('polite done at', round(time.perf_counter(), 3))

async def main():
    await asyncio.gather(blocking(), polite())
    return 'both'

print('result:', asyncio.run(main()))
`;

const printed = (output: PythonOutput[]) => output.map((o) => o.text).join('');

describe('runExactPython(py, source): your asyncio code on CPython’s loop', () => {
	it('time.sleep blocks the loop in virtual time: five uploads end 200 ms apart, one lag sample of 950 ms', async () => {
		const { run, errors } = await runExactPython(py, FIVE_UPLOADS);
		expect(run?.result.requests.map((r) => r.endMs)).toEqual([200, 400, 600, 800, 1000]);
		expect(run?.result.lag).toEqual([{ atMs: 1000, lagMs: 950 }]);
		expect(errors).toEqual([]);
	});

	it('awaited lab.io and asyncio.sleep overlap; lab.cpu holds the loop', async () => {
		const { run } = await runExactPython(
			py,
			`import asyncio, lab
async def api():
    await lab.io(100)
    await asyncio.sleep(0.05)
async def crunch():
    lab.cpu(30)
lab.arrivals(api, count=3)
lab.request(crunch, at_ms=10)
`
		);
		// epoll's rounding and overshoot (the rulebook's timerLateness) add up to 0.3 ms per wake-up.
		expect(run?.result.requests.map((r) => [r.id, Math.round(r.endMs ?? 0)])).toEqual([
			['r1', 150],
			['r2', 150],
			['r3', 150],
			['r4', 40]
		]);
	});

	it("debug mode logs CPython's own slow-callback warning, on stderr too", async () => {
		const { run, output } = await runExactPython(
			py,
			`${FIVE_UPLOADS}lab.debug(slow_callback_ms=100)\n`
		);
		expect(run?.result.warnings).toHaveLength(5);
		expect(run?.result.warnings[0].message).toMatch(
			/^Executing <Task finished .*upload\(\).* took 0\.200 seconds$/
		);
		expect(output.filter((o) => o.stream === 'stderr')).toHaveLength(5);
	});

	it('a handler that raises: the request errors and its traceback points at your line', async () => {
		const { run, errors } = await runExactPython(
			py,
			`import lab\nasync def boom():\n    raise ValueError('bad')\nlab.request(boom)\n`
		);
		expect(run?.result.requests[0]).toMatchObject({ status: 'error', error: 'ValueError: bad' });
		expect(errors).toEqual([
			{
				request: 'r1',
				line: 3,
				text: `Traceback (most recent call last):\n  File "main.py", line 3, in boom\n    raise ValueError('bad')\nValueError: bad`
			}
		]);
	});

	it('a syntax error or a module-level raise: no run, the error with its line', async () => {
		const bad = await runExactPython(py, 'def f(:\n  pass');
		expect(bad.run).toBeNull();
		expect(bad.errors).toEqual([
			{
				line: 1,
				text: '  File "main.py", line 1\n    def f(:\n          ^\nSyntaxError: invalid syntax'
			}
		]);
		const { errors } = await runExactPython(py, 'print("first")\nx = 1/0\n');
		expect(errors).toHaveLength(1);
		expect(errors[0].line).toBe(2);
		expect(errors[0].text).toMatch(/^Traceback[\s\S]*ZeroDivisionError: division by zero$/);
	});
});

describe('asyncio.run(main()) as written', () => {
	it('runs main on the lab loop: the blocking handler holds the loop, the timer fires late', async () => {
		const { run, errors, output } = await runExactPython(py, PROGRAM, { trace: true });
		expect(errors).toEqual([]);
		// gather starts blocking first: polite's first step (and its 100 ms timer) waits for it.
		expect(printed(output)).toBe('blocking done at 0.2\npolite done at 0.3\nresult: both\n');
		expect(outputLines(output).map((o) => [Math.round(o.atMs), o.text])).toEqual([
			[200, 'blocking done at 0.2'],
			[300, 'polite done at 0.3'],
			[300, 'result: both']
		]);
		expect(run?.result.requests.map((r) => [r.id, r.status])).toEqual([['main', 'ok']]);
		// The lanes are the coroutines' names.
		const actors = new Set(run?.result.trace?.filter((e) => e.type === 'task').map((e) => e.actor));
		expect([...actors].sort()).toEqual(['blocking', 'main', 'polite']);
	});

	it('passes main’s exception on from asyncio.run, with the traceback through your frames', async () => {
		const { run, errors } = await runExactPython(
			py,
			`import asyncio\nasync def main():\n    await asyncio.sleep(0.05)\n    {}['missing']\nasyncio.run(main())\nprint('never')\n`
		);
		expect(run?.result.requests[0]).toMatchObject({ status: 'error' });
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ request: 'main', line: 4 });
		expect(errors[0].text).toMatch(/line 4, in main\n[\s\S]*KeyError: 'missing'$/);
	});

	it('a loop that never ends is stopped at the limit (not hung), and the module stops there', async () => {
		const { run, output } = await runExactPython(
			py,
			`import asyncio, lab\nlab.limit(1000)\nasync def main():\n    while True:\n        await asyncio.sleep(0.3)\nasyncio.run(main())\nprint('never')\n`
		);
		expect(run?.result.outcome).toBe('stopped');
		expect(run?.result.stopped?.reason).toMatch(/^Stopped at the 1 s limit: 1 request unfinished/);
		expect(printed(output)).toBe('');
	});

	it('after asyncio.run the clock stays at the run’s end, and time.sleep there blocks no loop', async () => {
		const { run, errors, output } = await runExactPython(
			py,
			`import asyncio, time\nasync def main():\n    await asyncio.sleep(0.2)\nasyncio.run(main())\ntime.sleep(60)\nprint(round(time.monotonic(), 1))\n`,
			{ trace: true }
		);
		expect(errors).toEqual([]);
		expect(printed(output)).toBe('0.2\n');
		// Nothing was added to the run after it ended.
		const times = run?.result.trace?.map((e) => e.t) ?? [];
		expect(Math.max(...times)).toBe(run?.result.endMs);
	});

	it('a program printing without end is cut at 200,000 characters, with a note saying so', async () => {
		const heard: PythonOutput[] = [];
		const { output } = await runExactPython(py, `for i in range(100_000):\n    print(i)\n`, {
			onOutput: (o) => void heard.push(...o)
		});
		const text = printed(output);
		expect(text.length).toBeLessThan(200_100);
		expect(text).toMatch(/\n\[output cut at 200000 characters\]\n$/);
		// What was sent as it came is what the run returned.
		expect(printed(heard)).toBe(text);
	});

	it("asyncio.run(main(), debug=True) is CPython's debug mode: its slow-callback warning on stderr", async () => {
		const { run, output } = await runExactPython(
			py,
			`import asyncio, time\nasync def main():\n    time.sleep(0.15)\nasyncio.run(main(), debug=True)\n`
		);
		expect(run?.result.warnings.map((w) => [w.task, w.ms])).toEqual([['main', 150]]);
		const stderr = output.filter((o) => o.stream === 'stderr').map((o) => o.text);
		expect(stderr.join('')).toMatch(
			/^Executing <Task finished .*main\(\).* took 0\.150 seconds\n$/
		);
	});

	it('streams what it prints while it runs', async () => {
		const heard: PythonOutput[] = [];
		// In the worker onOutput is comlink's proxy, which returns a Promise.
		const onOutput = (o: PythonOutput[]) => Promise.resolve(heard.push(...o));
		const { errors } = await runExactPython(py, PROGRAM, { onOutput });
		expect(errors).toEqual([]);
		expect(printed(heard)).toContain('result: both');
	});

	it('a second asyncio.run, or one mixed with lab.request, is refused with the reason', async () => {
		const twice = await runExactPython(
			py,
			`import asyncio\nasync def main():\n    pass\nasyncio.run(main())\nasyncio.run(main())\n`
		);
		expect(twice.errors[0].text).toContain('one asyncio.run() per program');
		const mixed = await runExactPython(
			py,
			`import asyncio, lab\nasync def main():\n    pass\nlab.request(main)\nasyncio.run(main())\n`
		);
		expect(mixed.errors[0]).toMatchObject({ line: 5 });
		expect(mixed.errors[0].text).toContain('start your handlers yourself');
	});

	it("never makes Pyodide's WebLoop: other ways to a loop are refused, get_event_loop() in a coroutine is the lab's", async () => {
		const { errors, output } = await runExactPython(
			py,
			`import asyncio\nasync def main():\n    print(type(asyncio.get_event_loop()).__name__)\nasyncio.run(main())\nloop = asyncio.new_event_loop()\n`
		);
		expect(printed(output)).toBe('LabLoop\n');
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatchObject({ line: 5 });
		expect(errors[0].text).toContain('asyncio.new_event_loop() would make a different loop');
		const legacy = await runExactPython(
			py,
			`import asyncio\nasync def main():\n    pass\nasyncio.get_event_loop().run_until_complete(main())\n`
		);
		expect(legacy.errors[0].text).toContain('only through asyncio.run(main())');
	});

	it("a pool thread's time.sleep moves that thread's clock, not the loop: five sleeps end together, in the order they were submitted", async () => {
		const { errors, output } = await runExactPython(
			py,
			`import asyncio, time
async def r(i):
    await asyncio.to_thread(time.sleep, 0.2)
    print('r%d %.3f' % (i, time.perf_counter()))
async def tick():
    await asyncio.sleep(0.1)
    print('tick %.3f' % time.perf_counter())
async def main():
    await asyncio.gather(tick(), *(r(i) for i in range(1, 6)))
asyncio.run(main())
`
		);
		expect(errors).toEqual([]);
		expect(printed(output)).toBe('tick 0.100\nr1 0.200\nr2 0.200\nr3 0.200\nr4 0.200\nr5 0.200\n');
	});
});
