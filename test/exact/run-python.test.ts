import type { PyodideInterface } from 'pyodide';
import { beforeAll, describe, expect, it } from 'vitest';
import { PythonSourceError, runExactPython } from '../../src/exact/index';
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

describe('runExactPython(py, source): your asyncio code on CPython’s loop', () => {
	it('time.sleep blocks the loop in virtual time: five uploads end 200 ms apart, one lag sample of 950 ms', async () => {
		const { result, errors } = await runExactPython(py, FIVE_UPLOADS);
		expect(result.requests.map((r) => r.endMs)).toEqual([200, 400, 600, 800, 1000]);
		expect(result.lag).toEqual([{ atMs: 1000, lagMs: 950 }]);
		expect(errors).toEqual([]);
	});

	it('awaited lab.io and asyncio.sleep overlap; lab.cpu holds the loop', async () => {
		const { result } = await runExactPython(
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
		expect(result.requests.map((r) => [r.id, Math.round(r.endMs ?? 0)])).toEqual([
			['r1', 150],
			['r2', 150],
			['r3', 150],
			['r4', 40]
		]);
	});

	it("debug mode logs CPython's own slow-callback warning", async () => {
		const { result } = await runExactPython(py, `${FIVE_UPLOADS}lab.debug(slow_callback_ms=100)\n`);
		expect(result.warnings).toHaveLength(5);
		expect(result.warnings[0].message).toMatch(
			/^Executing <Task finished .*upload\(\).* took 0\.200 seconds$/
		);
	});

	it('a handler that raises: the request errors and its traceback points at your line', async () => {
		const { result, errors } = await runExactPython(
			py,
			`import lab\nasync def boom():\n    raise ValueError('bad')\nlab.request(boom)\n`
		);
		expect(result.requests[0]).toMatchObject({ status: 'error', error: 'ValueError: bad' });
		expect(errors).toEqual([
			{
				request: 'r1',
				line: 3,
				text: `Traceback (most recent call last):\n  File "main.py", line 3, in boom\n    raise ValueError('bad')\nValueError: bad`
			}
		]);
	});

	it('a syntax error or a module-level raise is a PythonSourceError with the line', async () => {
		await expect(runExactPython(py, 'def f(:\n  pass')).rejects.toThrow(
			new PythonSourceError({ line: 1, text: 'SyntaxError: invalid syntax' })
		);
		await expect(runExactPython(py, 'import lab\nx = 1/0\n')).rejects.toThrow(
			/^main\.py, line 2: Traceback[\s\S]*ZeroDivisionError: division by zero$/
		);
	});
});
