import type { Scenario } from '../scenario/types';

// Where CPython finds the lab's Python when it prints a path: the lesson's script in /app, run by
// the official python:3.11 image (stdlib in /usr/local/lib/python3.11). Measured with CPython
// 3.11.7, `asyncio.run(main(), debug=True)`, slow_callback_duration = 0.1:
//   Executing <Task pending name='Task-2' coro=<upload() running at /tmp/se-py/app.py:5>
//     wait_for=<Future pending cb=[Task.task_wakeup()] created at …/asyncio/base_events.py:427>
//     created at …/asyncio/tasks.py:384> took 0.224 seconds
//   Executing <Task finished name='Task-3' coro=<fails() done, defined at /tmp/se-py/app.py:9>
//     exception=ValueError('bad') created at …/asyncio/tasks.py:384> took 0.200 seconds
// (one line each; `created at` is debug mode's source traceback: create_task, tasks.py:384).
export const STDLIB = '/usr/local/lib/python3.11';
const ASYNCIO = `${STDLIB}/asyncio`;

/** The script's path as CPython prints it: the one the code's `# python -X dev <script>` names, else app.py. */
export function scriptPath(scenario: Scenario): string {
	const known = memoOf(scenario);
	return (known.script ??= findScript(scenario));
}

function findScript(scenario: Scenario): string {
	for (const h of Object.values(scenario.handlers)) {
		const m = /python3? -X dev (\S+\.py)/.exec(h.code ?? '');
		if (m) return `/app/${m[1]}`;
	}
	return '/app/app.py';
}

/** A Task as its repr needs it, right after one of its steps returned. */
export interface TaskFacts {
	/** The script the coroutine is defined in. */
	file: string;
	/** asyncio's default name, `Task-N`. */
	name: string;
	/** The coroutine function's name. */
	coro: string;
	/** Still pending (suspended at `line`) or finished (defined at `line`). */
	state: 'pending' | 'finished';
	line: number;
	/** How a finished task ended: its result's repr, or the exception it raised. */
	result?: string;
	error?: string;
}

/** `repr(task)` as CPython 3.11 prints it in debug mode. */
export function taskRepr(f: TaskFacts): string {
	const created = `created at ${ASYNCIO}/tasks.py:384`;
	if (f.state === 'pending') {
		const waitFor = `<Future pending cb=[Task.task_wakeup()] created at ${ASYNCIO}/base_events.py:427>`;
		return `Task pending name='${f.name}' coro=<${f.coro}() running at ${f.file}:${f.line}> wait_for=${waitFor} ${created}`;
	}
	const outcome =
		f.error === undefined ? `result=${f.result ?? 'None'}` : `exception=${exceptionRepr(f.error)}`;
	return `Task finished name='${f.name}' coro=<${f.coro}() done, defined at ${f.file}:${f.line}> ${outcome} ${created}`;
}

/** `repr()` of an exception given as `Type: message` (or a bare `Type`): `Type('message')`. */
export function exceptionRepr(error: string): string {
	const colon = error.indexOf(': ');
	if (colon < 0) return `${error}()`;
	const message = error.slice(colon + 2);
	const quoted = message.includes("'") && !message.includes('"') ? `"${message}"` : `'${message}'`;
	return `${error.slice(0, colon)}(${quoted})`;
}

/**
 * asyncio's default Task names for a run: `main()` is Task-1, the background tasks it starts
 * come next, then one Task per request in request order; any other task (a gather branch) is
 * numbered after those, the first time it is named.
 */
export function createTaskNamer(scenario: Scenario): (id: string) => string {
	const fixed = new Map<string, number>();
	scenario.background.forEach((b, i) => fixed.set(b.kind, 2 + i));
	const first = 2 + scenario.background.length;
	scenario.requests.forEach((r, i) => fixed.set(r.id, first + i));
	let next = first + scenario.requests.length;
	return (id) => {
		let n = fixed.get(id);
		if (n === undefined) fixed.set(id, (n = next++));
		return `Task-${n}`;
	};
}

/** The coroutine a task runs: its handler, or the background task's function. */
export function coroName(scenario: Scenario, id: string): string {
	if (id === 'heartbeat') return 'heartbeat';
	if (id === 'lagMonitor') return 'lag_monitor';
	const known = memoOf(scenario);
	known.handlers ??= new Map(scenario.requests.map((r) => [r.id, r.handler]));
	return known.handlers.get(id.split('/')[0]) ?? id;
}

/** What the reprs read of a scenario, worked out once per scenario: a warning per request stays linear. */
interface Memo {
	handlers?: Map<string, string>;
	script?: string;
	sources: Map<string, { definedAt: number; result: string }>;
}
const memos = new WeakMap<Scenario, Memo>();
function memoOf(scenario: Scenario): Memo {
	let memo = memos.get(scenario);
	if (!memo) memos.set(scenario, (memo = { sources: new Map() }));
	return memo;
}

/** Where a handler is defined and what it returns, read from its code when the scenario has it. */
export function handlerSource(
	scenario: Scenario,
	coro: string
): { definedAt: number; result: string } {
	const sources = memoOf(scenario).sources;
	let source = sources.get(coro);
	if (!source) sources.set(coro, (source = readSource(scenario, coro)));
	return source;
}

function readSource(scenario: Scenario, coro: string): { definedAt: number; result: string } {
	const lines = scenario.handlers[coro]?.code?.split('\n') ?? [];
	const def = lines.findIndex((l) => l.startsWith(`async def ${coro}(`));
	const returns = lines
		.map((l) => /^\s+return (.+?)\s*(?:#.*)?$/.exec(l)?.[1])
		.filter((r) => r !== undefined);
	return { definedAt: def + 1 || 1, result: returns.at(-1) ?? 'None' };
}

/**
 * What debug mode's slow-callback warning names after task `id`'s step returned: the Task,
 * suspended at `line`, or finished (`error` if it raised). Both engines call this.
 */
export function stepRepr(
	scenario: Scenario,
	name: string,
	id: string,
	after: { suspendedAt: number } | { finished: true; error?: string }
): string {
	const coro = coroName(scenario, id);
	const file = scriptPath(scenario);
	if ('suspendedAt' in after) {
		return taskRepr({ file, name, coro, state: 'pending', line: after.suspendedAt });
	}
	const source = handlerSource(scenario, coro);
	return taskRepr({
		file,
		name,
		coro,
		state: 'finished',
		line: source.definedAt,
		result: source.result,
		error: after.error
	});
}
