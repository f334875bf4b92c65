// Content, not code: one plain-language definition per word the stage draws. Each must stay true to
// ../shared/asyncio-facts.md (the fact it rests on is named after the text).

/** The words the stage explains, each with its definition for someone new to asyncio's insides. */
export const glossary = {
	selector: {
		word: 'selector',
		text: 'Where the loop waits. select() asks the operating system "wake me when a socket has data, or after this long"; new requests and finished I/O wait here, unread, until the loop calls it again.' // F2, F9
	},
	select: {
		word: 'select()',
		text: 'The one place the event loop sleeps: it waits for I/O, at most until the next timer is due; with callbacks already ready it only polls (timeout 0); with nothing scheduled it waits forever.' // F2, F9
	},
	readyQueue: {
		word: 'ready queue',
		text: 'The callbacks that can run now, first in first out. The loop fills it from I/O and due timers, then runs them one after another on its single thread.' // F1, F2
	},
	batch: {
		word: 'batch',
		text: 'The callbacks that were in the ready queue when this iteration began. Only they run now; anything added while they run waits for the next iteration, even a timer that fell due meanwhile.' // F2
	},
	callback: {
		word: 'callback',
		text: 'One piece of work the loop runs to the end without stopping: a function, or one step of a coroutine up to its next await that really waits. Nothing else on the loop runs until it returns.' // F1, F3
	},
	timerHeap: {
		word: 'timer heap',
		text: 'The timers scheduled for later (asyncio.sleep, call_later), kept sorted by due time. When one is due the loop moves its callback to the end of the ready queue.' // F2
	},
	timer: {
		word: 'timer',
		text: 'A callback scheduled for a moment in the future, such as the wake-up after asyncio.sleep(0.1). It runs at that moment only if the loop is free then.' // F2, F6
	},
	overdue: {
		word: 'overdue',
		text: 'A timer whose time has come but whose callback has not run: the loop was busy in a callback. It runs late, after the whole current batch.' // F2, F6
	},
	gil: {
		word: 'GIL',
		text: 'The global interpreter lock: only the thread holding it runs Python code. A thread gives it up while it waits in a blocking call (sleep, I/O) or when another thread has waited a switch interval.' // F17, F18
	},
	switchInterval: {
		word: 'switch interval',
		text: 'How long (5 ms by default, sys.getswitchinterval()) a thread waiting for the GIL lets the holder run before asking it to hand the GIL over. Pure-Python threads therefore take turns.' // F17
	},
	lagMonitor: {
		word: 'lag monitor',
		text: 'A task that sleeps for a fixed time and measures how much later than asked it woke up. A blocked loop shows as one long sample after the block ends.' // F6
	},
	heartbeat: {
		word: 'heartbeat',
		text: 'A task that does something small every 100 ms (await asyncio.sleep(0.1) in a loop). Beats that fall while the loop is blocked are lost, not made up later.' // F6
	},
	threadPool: {
		word: 'thread pool',
		text: 'A few worker threads (asyncio.to_thread, run_in_executor) that run blocking work so the loop stays free. Work beyond the number of threads waits in the pool queue.' // F5, F14, F16
	},
	selfPipe: {
		word: 'self-pipe',
		text: 'A socket pair the loop watches in select(). call_soon_threadsafe writes one byte to it so that a sleeping select() returns and the loop sees the new callback.' // F8
	},
	callSoonThreadsafe: {
		word: 'call_soon_threadsafe',
		text: 'The safe way for another thread to give the loop work: it adds the callback and writes a byte to the self-pipe to wake the loop. Plain call_soon and fut.set_result from a thread add it without waking the loop.' // F8, F9
	},
	runCoroutineThreadsafe: {
		word: 'run_coroutine_threadsafe',
		text: 'Hands a coroutine from another thread to a loop running elsewhere (through call_soon_threadsafe) and returns a future whose .result() blocks the calling thread until the loop finishes it.' // F12, F27
	},
	blocked: {
		word: 'blocked',
		text: 'Stuck inside one call that does not return (time.sleep, a sync file write, a lock). On the loop thread this freezes every request; on a worker thread it is normal and harms nobody.' // F4, F18
	},
	awaiting: {
		word: 'awaiting',
		text: 'A task paused at an await that really waits (I/O, a sleep, a future). It costs the loop nothing; the loop runs other callbacks meanwhile.' // F1, F5
	},
	handoff: {
		word: 'hand-off',
		text: 'Work passed from one thread to another: a result or callback given to the loop from a worker, reader or host thread. Only the threadsafe ways wake a sleeping loop.' // F8, F12
	}
} as const satisfies Record<string, { word: string; text: string }>;

/** A word the glossary defines. */
export type TermKey = keyof typeof glossary;
