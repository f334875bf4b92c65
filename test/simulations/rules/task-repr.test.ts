import { describe, expect, it } from 'vitest';
import { readerName, readerSetResultTraceback } from '../../../simulations/rules/excepthook';
import {
	createTaskNamer,
	exceptionRepr,
	stepRepr,
	taskRepr
} from '../../../simulations/rules/task-repr';
import { scenario } from '../build';

describe('taskRepr(facts)', () => {
	it('prints a Task as CPython 3.11 does in debug mode', () => {
		expect(
			taskRepr({ file: '/app/app.py', name: 'Task-3', coro: 'upload', state: 'finished', line: 1 })
		).toBe(
			"Task finished name='Task-3' coro=<upload() done, defined at /app/app.py:1> result=None created at /usr/local/lib/python3.11/asyncio/tasks.py:384"
		);
		expect(
			taskRepr({ file: '/app/app.py', name: 'Task-2', coro: 'upload', state: 'pending', line: 5 })
		).toBe(
			"Task pending name='Task-2' coro=<upload() running at /app/app.py:5> wait_for=<Future pending cb=[Task.task_wakeup()] created at /usr/local/lib/python3.11/asyncio/base_events.py:427> created at /usr/local/lib/python3.11/asyncio/tasks.py:384"
		);
	});

	it('writes an exception as its repr', () => {
		expect(exceptionRepr('ValueError: bad')).toBe("ValueError('bad')");
		expect(exceptionRepr("RuntimeError: can't start new thread")).toBe(
			'RuntimeError("can\'t start new thread")'
		);
		expect(exceptionRepr('TimeoutError')).toBe('TimeoutError()');
	});
});

describe('createTaskNamer(scenario)', () => {
	it('numbers main, then the background tasks, then the requests, then any other task', () => {
		const s = scenario(
			{ h: [] },
			[
				['r1', 0, 'h'],
				['r2', 0, 'h']
			],
			{},
			[{ kind: 'heartbeat', everyMs: 100, startMs: 0 }]
		);
		const name = createTaskNamer(s);
		expect(['r2', 'heartbeat', 'r1/1', 'r1', 'r1/1'].map(name)).toEqual([
			'Task-4',
			'Task-2',
			'Task-5',
			'Task-3',
			'Task-5'
		]);
	});
});

describe('stepRepr and the reader traceback read the handler code', () => {
	const s = scenario({ upload: [] }, [['r1', 0, 'upload']]);
	s.handlers.upload.code = [
		'async def upload(data):',
		'    fut.set_result(msg)   # wrong thread',
		"    threading.Thread(target=reader, name='rpc-reader').start()",
		"    return {'ok': True}",
		'# python -X dev server.py'
	].join('\n');

	it('names the script, the definition line and the returned value', () => {
		expect(stepRepr(s, 'Task-2', 'r1', { finished: true })).toContain(
			"coro=<upload() done, defined at /app/server.py:1> result={'ok': True}"
		);
	});

	it('prints the reader thread death as threading.excepthook does', () => {
		const text = readerSetResultTraceback(s).split('\n');
		expect(readerName(s)).toBe('rpc-reader');
		expect(text[0]).toBe('Exception in thread rpc-reader:');
		expect(text.slice(6, 8)).toEqual([
			'  File "/app/server.py", line 2, in reader',
			'    fut.set_result(msg)'
		]);
		expect(text.at(-1)).toBe(
			'RuntimeError: Non-thread-safe operation invoked on an event loop other than the current one'
		);
	});
});
