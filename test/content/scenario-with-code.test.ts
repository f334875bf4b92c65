import { describe, expect, it } from 'vitest';
import { loadScenario, pythonFile } from '../../src/content/scenario-with-code';

const scenario = (handlers: Record<string, object>) =>
	JSON.stringify({
		format: 'event-loop-lab/scenario@1',
		id: 'x',
		title: 'x',
		handlers,
		arrivals: Object.keys(handlers).map((handler) => ({ handler, count: 1 }))
	});
const sleep = (line?: number) => ({ steps: [{ op: 'sleep', ms: 10, ...(line ? { line } : {}) }] });

function reader(files: Record<string, string>) {
	return async (name: string) => files[name] ?? null;
}

describe('pythonFile(scenarioFile, handler, handlers)', () => {
	it.each([
		['cpu.json', 'upload', 1, 'cpu.py'],
		['dev.json', 'health', 2, 'dev.health.py']
	])('%s handler %s of %d is in %s', (file, handler, n, py) => {
		expect(pythonFile(file, handler, n)).toBe(py);
	});
});

describe('loadScenario(file, readFile)', () => {
	it("puts each handler's Python back into its code, without the file's last newline", async () => {
		const loaded = await loadScenario(
			'dev.json',
			reader({
				'dev.json': scenario({ settings: sleep(2), health: sleep() }),
				'dev.settings.py': 'async def settings():\n    await x()\n',
				'dev.health.py': 'def health(): ...\n'
			})
		);
		if ('error' in loaded) throw new Error(loaded.error);
		expect(loaded.scenario.handlers.settings.code).toBe('async def settings():\n    await x()');
		expect(loaded.scenario.handlers.health.code).toBe('def health(): ...');
	});

	it('leaves a scenario without Python files as it is', async () => {
		const loaded = await loadScenario('a.json', reader({ 'a.json': scenario({ h: sleep() }) }));
		expect(loaded).toMatchObject({ scenario: { handlers: { h: { steps: [{ op: 'sleep' }] } } } });
		expect('scenario' in loaded && loaded.scenario.handlers.h.code).toBe(undefined);
	});

	it.each([
		[
			{ 'a.json': scenario({ h: sleep(3) }), 'a.py': 'one\ntwo\n' },
			'a.json: handlers.h.steps[0].line'
		],
		[
			{ 'a.json': scenario({ h: { code: 'x', ...sleep() } }), 'a.py': 'y\n' },
			'a.py: handler h also has "code" in a.json'
		],
		[{ 'a.json': '{ "format": ' }, 'a.json: '],
		[{}, 'no file a.json']
	])('reports %j', async (files, message) => {
		expect(await loadScenario('a.json', reader(files))).toEqual({
			error: expect.stringContaining(message)
		});
	});
});
