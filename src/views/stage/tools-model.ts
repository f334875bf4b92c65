import type { Frame, Scenario, SimResult, TraceEvent } from '../../../simulations/index';
import { countUpTo } from '../../state/sorted-count';

/** One line a tool prints, and when (ms of virtual time). */
export interface ToolLine {
	atMs: number;
	text: string;
	/** The request whose call raised (blockbuster's lines). */
	task?: string;
}

/** What asyncio debug mode, the lag monitor and blockbuster would print by one moment (F29, F30). */
export interface ToolsAt {
	debug: {
		/** The scenario's own `runtime.debug`. */
		on: boolean;
		/** With debug on: what it printed; with it off: what it would print were it on. */
		lines: ToolLine[];
	};
	lag: {
		/** The monitor's probe interval, or null when the scenario runs none. */
		everyMs: number | null;
		samples: ToolLine[];
		/** The longest loop callback so far (ms), when it is shorter than the probe interval. */
		shortStallMs: number | null;
	};
	blockbuster: ToolLine[];
}

// The level and logger name as `logging.basicConfig()` formats a record (BASIC_FORMAT).
const ASYNCIO_WARNING = 'WARNING:asyncio:';
// What a traceback's last line names: BlockingError lives in blockbuster/blockbuster.py.
const BLOCKING_ERROR = 'blockbuster.blockbuster.BlockingError: Blocking call to ';
// The loop thread's `doing` while it is in a blocking call (a `block` step, or an inline fallback of
// blocking work): a patched call made on the thread that runs the loop, named from the code.
const PATCHED_CALL = /^(\S+): (?:blocking call \(|inline fallback, block )/;
// A contended `threading.Lock` acquire, or a `concurrent.futures.Future.result()` wait (its
// Condition acquires a held lock): blockbuster patches `_thread.LockType.acquire`, whose
// `__name__` is `lock`.
const LOCK_WAIT = /^(\S+): (?:threading\.Lock '[^']*'\.acquire\(\)|Future\.result\()/;

// blockbuster's names for the patched functions a handler's code may call, first match wins.
const PATCHED: [RegExp, string][] = [
	[/\btime\.sleep\(/, 'time.sleep'],
	[/\bopen\([^)]*'[wa]b'/, 'io.BufferedWriter.write'],
	[/\bopen\([^)]*'[wa]'/, 'io.TextIOWrapper.write'],
	[/\bopen\(/, 'io.TextIOWrapper.read']
];

/** The patched function blockbuster would name for a blocking call in `code` (`time.sleep` when the code names none). */
export function patchedCallIn(code: string | null | undefined): string {
	return PATCHED.find(([re]) => re.test(code ?? ''))?.[1] ?? 'time.sleep';
}

/** Debug mode's log lines from a frame's or a trace's `log` (the asyncio logger's only). */
export function debugLines(
	log: readonly { at: number; source: string; text: string }[]
): ToolLine[] {
	return log
		.filter((l) => l.source === 'asyncio')
		.map((l) => ({ atMs: l.at, text: ASYNCIO_WARNING + l.text }));
}

/** The `log` of a trace, as a frame holds it. */
export function traceLog(trace: readonly TraceEvent[]): Frame['log'] {
	return trace.flatMap((e) => (e.type === 'log' ? [{ at: e.t, ...e.detail }] : []));
}

/** What the detectors read of a traced run, once per run, each with the step that shows it. */
export interface ToolsDigest {
	/** blockbuster's lines in trace order, printed once `blockbusterSteps[i]` events are applied. */
	blockbuster: ToolLine[];
	blockbusterSteps: number[];
	/** The longest loop callback so far, where it grows: `longestMs[i]` from step `longestSteps[i]`. */
	longestSteps: number[];
	longestMs: number[];
}

/** One pass over the trace of `result` (a traced run of `scenario`) for `toolsAt`. */
export function toolsDigest(scenario: Scenario, result: SimResult): ToolsDigest {
	const digest: ToolsDigest = {
		blockbuster: [],
		blockbusterSteps: [],
		longestSteps: [],
		longestMs: []
	};
	const print = (step: number, line: ToolLine) => {
		digest.blockbuster.push(line);
		digest.blockbusterSteps.push(step);
	};
	const handlerOf = new Map(result.requests.map((q) => [q.id, q.handler]));
	let longest = 0;
	(result.trace ?? []).forEach((e, i) => {
		const step = i + 1;
		if (e.type === 'return' && e.actor === 'loop' && e.detail.ms > longest) {
			longest = e.detail.ms;
			digest.longestSteps.push(step);
			digest.longestMs.push(longest);
		}
		if (e.type !== 'thread' || e.detail.kind !== 'loop' || e.detail.state !== 'blocked') return;
		const doing = e.detail.doing ?? '';
		const lock = LOCK_WAIT.exec(doing)?.[1];
		if (lock !== undefined) {
			print(step, { atMs: e.t, task: lock, text: BLOCKING_ERROR + 'lock.acquire' });
			return;
		}
		const task = PATCHED_CALL.exec(doing)?.[1];
		if (task === undefined) return;
		// A gather branch (`r1/2`) runs its request's handler.
		const handler = handlerOf.get(task.split('/')[0]);
		const code = handler ? scenario.handlers[handler]?.code : null;
		print(step, { atMs: e.t, task, text: BLOCKING_ERROR + patchedCallIn(code) });
	});
	return digest;
}

/**
 * What the three detectors would print by `frame` of `result` (a traced run of `scenario`, read
 * by `toolsDigest`), the moment the views put their `cursor` at: only events already applied to
 * the frame. `debugOn` is the same scenario's log with debug mode on, for when the scenario has
 * it off.
 */
export function toolsAt(
	scenario: Scenario,
	result: SimResult,
	digest: ToolsDigest,
	frame: Frame,
	cursor: number,
	debugOn: Frame['log']
): ToolsAt {
	const on = scenario.runtime.debug;
	const monitor = scenario.background.find((b) => b.kind === 'lagMonitor');
	const { blockbusterSteps, longestSteps, longestMs } = digest;
	const longest =
		longestMs[countUpTo(longestSteps.length, (i) => longestSteps[i], frame.index) - 1] ?? 0;
	const printed = countUpTo(blockbusterSteps.length, (i) => blockbusterSteps[i], frame.index);
	return {
		debug: {
			on,
			lines: debugLines(on ? frame.log : debugOn.filter((l) => l.at <= cursor))
		},
		lag: {
			everyMs: monitor?.everyMs ?? null,
			samples: result.lag
				.filter((l) => l.atMs <= cursor)
				.map((l) => ({ atMs: l.atMs, text: `lag ${l.lagMs} ms` })),
			shortStallMs: monitor && longest > 0 && longest < monitor.everyMs ? longest : null
		},
		blockbuster: digest.blockbuster.slice(0, printed)
	};
}

/** Beyond this many lines a tool's output shows only its newest ones. */
export const MAX_TOOL_LINES = 8;

/** A tool's newest lines (all of them up to MAX_TOOL_LINES), and how many earlier are left out. */
export function newestLines<T>(lines: readonly T[]): { shown: T[]; earlier: number } {
	if (lines.length <= MAX_TOOL_LINES) return { shown: [...lines], earlier: 0 };
	const keep = MAX_TOOL_LINES - 2;
	return { shown: lines.slice(-keep), earlier: lines.length - keep };
}
