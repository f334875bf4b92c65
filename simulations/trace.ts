import type { TaskLife, ThreadState } from './machines';

/** How a callback got into the ready queue. */
export type Via = 'io' | 'timer' | 'call_soon' | 'threadsafe' | 'unsafe';

/** Which kind of OS thread a lane belongs to: the loop's, a pool worker, a reader of a pipe, a host (embedding) thread. */
export type ThreadKind = 'loop' | 'pool' | 'reader' | 'host';

/** How work crosses from one thread to another (see `Frame.handoffs`). */
export type HandoffKind = 'threadsafe' | 'unsafe' | 'runCoroutineThreadsafe' | 'resultWait';

/** Who wrote a line to stderr: asyncio's logger, or `threading.excepthook` for a thread that died. */
export type LogSource = 'asyncio' | 'threading.excepthook';

/** What a task is doing, as a frame shows it: the task machine's states, and a request's before its task exists. */
export type TaskState = 'coming' | 'arrived' | Exclude<TaskLife, 'pending'>;

/**
 * How a run ended: every request ended (`completed`); nothing could ever progress again (`hung`:
 * a deadlock, a loop asleep with nothing to wake it); or the run was cut short while it could
 * still progress (`stopped`: at `limitMs`, or at the engine's event budget).
 */
export type Outcome = 'completed' | 'hung' | 'stopped';

/** Why a run that could still progress was cut short: its `limitMs`, or the engine's event budget. */
export type StopWhy = 'limit' | 'budget';

/** One trace event per change of state; replaying them rebuilds any moment (see `frame.ts`). */
export type TraceEvent = {
	/** Virtual time in ms. */
	t: number;
	/** Position in the trace, from 0. */
	seq: number;
	actor: string;
} & TraceBody;

/**
 * How a FIFO of waiters changed since its previous event: `left` were taken from the head, then
 * `joined` were appended, in order. Events carry changes, not whole lists, so a trace stays linear
 * in the number of waiters; a frame rebuilds the lists (see `frame.ts`).
 */
export interface WaiterChanges {
	joined: string[];
	left: string[];
}

export type TraceBody =
	/** `waitsAt`: where the request waits to be taken in: at the selector (a socket), or in the host. */
	| { type: 'arrive'; detail: { waitsAt: 'selector' | 'host' } }
	| { type: 'select'; detail: { timeoutMs: number | null } }
	| { type: 'wake'; detail: { reason: 'io' | 'timeout' | 'poll' } }
	| { type: 'batch'; detail: { n: number } }
	/** `request`: the callback reads that request off its socket (it leaves the selector's door). */
	| { type: 'enqueue'; detail: { cb: string; via: Via; timer?: number; request?: string } }
	| { type: 'run'; detail: { cb: string } }
	| { type: 'return'; detail: { cb: string; ms: number } }
	| { type: 'timer'; detail: { id: number; at: number; cb: string } }
	| { type: 'thread'; detail: { state: ThreadState; doing: string | null; kind: ThreadKind } }
	| {
			type: 'handoff';
			detail: { from: string; to: string; kind: HandoffKind; what: string; woke: boolean };
	  }
	| { type: 'log'; detail: { source: LogSource; text: string } }
	/** Who holds the GIL, and who joined or left its waiters since the last `gil` event. */
	| { type: 'gil'; detail: { holder: string | null } & WaiterChanges }
	| {
			type: 'lock';
			detail: { kind: 'thread' | 'asyncio'; holder: string | null } & WaiterChanges;
	  }
	/** The pool's threads, and the work items that joined or left its queue since the last `pool` event. */
	| { type: 'pool'; detail: { threads: number } & WaiterChanges }
	| { type: 'task'; detail: { state: TaskState; on: string | null } }
	| { type: 'done'; detail: { status: 'ok' | 'error'; error?: string } }
	| { type: 'beat'; detail: Record<string, never> }
	| { type: 'lag'; detail: { lagMs: number } }
	| { type: 'rpc'; detail: { id: number; what: string } }
	/** What debug mode detected (the result's `warnings`); what it printed is the `log` event. */
	| { type: 'warning'; detail: { kind: string; message: string } }
	| { type: 'hung'; detail: { reason: string } }
	/** The run was cut short while it could still progress (the result's `stopped`). */
	| { type: 'stopped'; detail: { why: StopWhy; reason: string } }
	| { type: 'end'; detail: { outcome: Outcome } };

export type TraceType = TraceBody['type'];
