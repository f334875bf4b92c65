import type { Scenario, SimResult, Step, TraceEvent } from '../../simulations/index';

/** One instruction of a handler as its task runs it: a lock is its acquire, its steps, its release. */
interface Instr {
	op: Step['op'] | 'release';
	line: number;
	branches?: Instr[][];
}

interface TaskPlace {
	/** Whose code it is: the handler of the request it belongs to. */
	handler: string;
	program: Instr[];
	/** The instruction marked; `entered`: it has begun, so the next one found comes after it. */
	pc: number;
	entered: boolean;
	ended: boolean;
}

/** Steps that may suspend the task: a `waiting` task event is about one of these. */
const AWAITS = new Set<Instr['op']>([
	'sleep',
	'io',
	'offload',
	'gather',
	'rpc',
	'threadsafeResult',
	'lock'
]);

/** Which step a suspended task waits in, from what the engine says it waits for. */
function awaitedOp(on: string): Instr['op'] | null {
	if (on.startsWith('asyncio.sleep(')) return 'sleep';
	if (on.startsWith('awaited I/O')) return 'io';
	if (on.startsWith('asyncio.Lock ')) return 'lock';
	if (/^(to_thread|run_in_executor|executor)/.test(on)) return 'offload';
	if (/^(rpc |response #)/.test(on)) return 'rpc';
	return null;
}

/** What a thread that a task's step put to work does, from its `doing` (after `r1: `). */
function threadOp(doing: string, at: number): 'cpu' | 'block' | null {
	if (doing.startsWith('Python', at) || doing.startsWith('def endpoint, cpu', at)) return 'cpu';
	if (doing.startsWith('blocking call', at) || doing.startsWith('def endpoint, block', at)) {
		return 'block';
	}
	return null;
}

function flatten(steps: readonly Step[]): Instr[] {
	return steps.flatMap((s): Instr[] => {
		const line = s.line ?? 0;
		if (s.op === 'lock')
			return [{ op: 'lock', line }, ...flatten(s.steps), { op: 'release', line }];
		if (s.op === 'gather') return [{ op: 'gather', line, branches: s.branches.map(flatten) }];
		return [{ op: s.op, line }];
	});
}

/**
 * The line of `handler`'s code that its most recently active task stands at after each number of
 * trace events (`lines[0]`: before the first; 0 where no line applies): what the code view marks
 * while a playground run steps. It follows each task through its steps by the events that reveal
 * them: a blocking call or Python on a thread, a suspension, a resumption; one pass over the
 * trace, made once per run (in the simulation worker for a large one).
 */
export function runningLines(
	scenario: Scenario,
	handler: string,
	trace: readonly TraceEvent[]
): number[] {
	const lines = new Array<number>(trace.length + 1).fill(0);
	const byRequest = new Map(scenario.requests.map((r) => [r.id, r.handler]));
	const tasks = new Map<string, TaskPlace>();
	let focus: TaskPlace | null = null;
	// Tasks that had the focus, latest last: when one ends, the focus goes back to the latest live one.
	const recent: TaskPlace[] = [];
	const touch = (t: TaskPlace) => {
		if (focus !== t) recent.push(t);
		focus = t;
	};
	const endOf = (t: TaskPlace) => {
		t.ended = true;
		while (recent.length > 0 && recent[recent.length - 1].ended) recent.pop();
		focus = recent.at(-1) ?? t;
	};

	const placeOf = (id: string): TaskPlace | null => {
		const known = tasks.get(id);
		if (known) return known;
		const slash = id.lastIndexOf('/');
		let place: TaskPlace | null = null;
		if (slash < 0) {
			const name = byRequest.get(id);
			const h = name === undefined ? undefined : scenario.handlers[name];
			if (h && name !== undefined) place = start(name, flatten(h.steps));
		} else {
			// A gather's child `r1/2` runs branch 2 of the gather its parent waits in.
			const parent = placeOf(id.slice(0, slash));
			const branch = parent?.program[parent.pc]?.branches?.[Number(id.slice(slash + 1)) - 1];
			if (parent && branch) place = start(parent.handler, branch);
		}
		if (place) tasks.set(id, place);
		return place;
	};
	const start = (name: string, program: Instr[]): TaskPlace => ({
		handler: name,
		program,
		pc: 0,
		entered: false,
		ended: false
	});
	const seek = (t: TaskPlace, match: (i: Instr) => boolean) => {
		for (let i = t.entered ? t.pc + 1 : t.pc; i < t.program.length; i++) {
			if (match(t.program[i])) {
				t.pc = i;
				t.entered = true;
				return;
			}
		}
	};
	const lineOf = (t: TaskPlace): number => {
		if (t.ended || t.handler !== handler) return 0;
		return t.program[t.pc]?.line ?? 0;
	};

	const apply = (e: TraceEvent) => {
		if (e.type === 'task') {
			const t = placeOf(e.actor);
			if (t) {
				touch(t);
				const { state, on } = e.detail;
				if (state === 'done' || state === 'failed') endOf(t);
				else if (state === 'waiting' || (state === 'running' && on !== null)) {
					const op = on === null ? null : awaitedOp(on);
					const match = (ins: Instr) => (op === null ? AWAITS.has(ins.op) : ins.op === op);
					// Submitted, then suspended: the same offload or lock, not the next one.
					if (!(t.entered && match(t.program[t.pc]))) seek(t, match);
				} else if (state === 'running' && t.entered && t.pc + 1 < t.program.length) {
					// Resumed: the await is over, the next step runs.
					t.pc++;
					t.entered = false;
				}
			}
		} else if (e.type === 'thread' && e.detail.doing) {
			const doing = e.detail.doing;
			const colon = doing.indexOf(': ');
			const op = colon > 0 ? threadOp(doing, colon + 2) : null;
			const t = op ? placeOf(doing.slice(0, colon)) : null;
			if (t && op) {
				touch(t);
				seek(t, (ins) => ins.op === op);
			}
		}
	};
	trace.forEach((e, i) => {
		apply(e);
		lines[i + 1] = focus ? lineOf(focus) : 0;
	});
	return lines;
}

/** The lines to mark, event by event, in the code a run shows (its first handler with code). */
export function codeLines(scenario: Scenario, result: SimResult): number[] {
	const shown = Object.entries(scenario.handlers).find(([, h]) => h.code)?.[0];
	return shown === undefined ? [] : runningLines(scenario, shown, result.trace ?? []);
}
