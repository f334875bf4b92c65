import { describe, expect, it } from 'vitest';
import { readHandler } from '../../src/handler-import/read-handler';

describe('readHandler(code) says what is wrong with a paste, and where', () => {
	it.each([
		['a syntax error', 'async def h():\n    x = foo(\n    return 1', 3, /syntax error on line 3/],
		['no function', 'import asyncio\nx = 1', 1, /No function here/],
		[
			'two functions',
			'async def a():\n    pass\n\nasync def b():\n    pass',
			4,
			/found 2 functions \(a on line 1, b on line 4\)/
		],
		[
			'a plain def without a route',
			'def work():\n    time.sleep(1)',
			1,
			/“def work” on line 1 is not a coroutine/
		],
		// A def route left with an await (fast-check's edited paste, seed -740765682): Python
		// refuses it, so no reading of it can be a valid scenario.
		[
			'an await in a def route',
			'@app.get("/proxy")\ndef proxy():\n    async with httpx.AsyncClient() as client:\n        r = await client.get(url)\n    return r.json()',
			3,
			/“async with” on line 3 is outside an async function: “def proxy” is not a coroutine/
		],
		[
			'an await in a def route, an async def nested in it left alone',
			'@app.get("/p")\ndef p():\n    async def inner():\n        await f()\n    return [x async for x in g()]',
			5,
			/“async for” on line 5 is outside an async function/
		],
		['an empty paste', '', 1, /No function here/],
		[
			'too long for a scenario',
			`async def h():\n${'    pass\n'.repeat(3000)}`,
			1,
			/a scenario holds a handler's code up to 20,000/
		],
		[
			'nested thousands deep',
			`async def h():\n    x = ${'('.repeat(9000)}1${')'.repeat(9000)}`,
			2,
			/syntax error on line 2/
		]
	])('%s', (_, code, line, message) => {
		const r = readHandler(code);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.problem.line).toBe(line);
		expect(r.problem.message).toMatch(message);
	});

	it('keeps the function name, the code and notes on what the model leaves out', () => {
		const r = readHandler('async def h(xs):\n    for x in xs:\n        await asyncio.sleep(0.1)\n');
		if (!r.ok) throw new Error(r.problem.message);
		expect(r.reading.name).toBe('h');
		expect(r.reading.code).toBe(
			'async def h(xs):\n    for x in xs:\n        await asyncio.sleep(0.1)'
		);
		expect(r.reading.notes).toEqual([{ line: 2, text: 'for loop: its body is counted once' }]);
	});

	it('reads Windows line ends and tab indents as the same handler', () => {
		const steps = (code: string) => {
			const r = readHandler(code);
			if (!r.ok) throw new Error(r.problem.message);
			return r.reading.steps.map((s) => [s.op, s.line]);
		};
		const unix = 'async def h():\n    time.sleep(0.1)\n    await asyncio.sleep(0.1)';
		expect(steps(unix.replaceAll('\n', '\r\n'))).toEqual(steps(unix));
		const crlf = readHandler(unix.replaceAll('\n', '\r\n'));
		expect(crlf.ok && crlf.reading.code).toBe(unix);
		expect(steps(unix.replaceAll('    ', '\t'))).toEqual([
			['block', 2],
			['sleep', 3]
		]);
	});
});
