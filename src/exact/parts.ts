// Which parts of a scenario CPython runs as its own code, and which the lab models around it.
import type { Scenario, Step } from '../../simulations/index';

function anyCollect(scenario: Scenario, collect: string): boolean {
	const visit = (steps: Step[]): boolean =>
		steps.some(
			(s) =>
				(s.op === 'gather' && ((s.collect ?? 'gather') === collect || s.branches.some(visit))) ||
				((s.op === 'lock' || s.op === 'threadsafeResult') && visit(s.steps))
		);
	return Object.values(scenario.handlers).some((h) => visit(h.steps));
}

/** The phrases shown beside a CPython run (the badge, the CLI): what was CPython, what was modelled. */
export function describeParts(scenario: Scenario): { ranAsCPython: string[]; modelled: string[] } {
	const ops = new Set<string>();
	const kinds = new Set<string>();
	const visit = (steps: Step[]): void => {
		for (const s of steps) {
			ops.add(s.op);
			if (s.op === 'lock') kinds.add(s.kind);
			if (s.op === 'offload') kinds.add(`offload:${s.work}`);
			if (s.op === 'rpc') kinds.add(`rpc:${s.handoff}`);
			if (s.op === 'lock' || s.op === 'threadsafeResult') visit(s.steps);
			if (s.op === 'gather') s.branches.forEach(visit);
		}
	};
	Object.values(scenario.handlers).forEach((h) => visit(h.steps));
	const rt = scenario.runtime;
	const ran = ['event loop (_run_once)', 'asyncio Tasks and Futures'];
	const modelled = ['the clock (virtual time)', 'the network (requests arrive as selector events)'];
	if (ops.has('sleep') || scenario.background.length > 0) ran.push('asyncio.sleep timers');
	if (ops.has('io')) ran.push('selector readiness for awaited I/O');
	if (ops.has('gather')) ran.push('asyncio.gather / as_completed');
	if (anyCollect(scenario, 'asCompleted'))
		modelled.push(
			"as_completed's start order: branch tasks created in list order (CPython's set order is arbitrary)"
		);
	if (kinds.has('asyncio')) ran.push('asyncio.Lock');
	if (kinds.has('thread'))
		ran.push('threading.Lock (a contended acquire is reported as a deadlock)');
	if (ops.has('fail')) ran.push('exceptions raised by handlers');
	if (scenario.requests.some((r) => r.connection === 'new'))
		ran.push(
			'the asyncio server for new connections (create_server, _accept_connection, the socket transport)'
		);
	if (rt.host === 'hostThreads') ran.push('run_coroutine_threadsafe from host threads');
	if (rt.host === 'runUntilComplete') ran.push('loop.run_until_complete per request');
	if (ops.has('threadsafeResult'))
		ran.push('run_coroutine_threadsafe(...).result() on the loop thread');
	if (rt.debug) ran.push("debug mode (loop.set_debug(True)) and asyncio's slow-callback log");
	if (ops.has('offload')) {
		ran.push('run_in_executor and ThreadPoolExecutor.submit (thread start decisions)');
		modelled.push('thread pool workers (virtual threads)');
	}
	if (Object.values(scenario.handlers).some((h) => h.sync)) {
		ran.push("call_soon_threadsafe for each def endpoint's result");
		modelled.push(
			"FastAPI def endpoints: anyio.to_thread.run_sync's limiter (40 tokens) and worker threads (virtual), as in anyio"
		);
	}
	if (kinds.has('rpc:threadsafe')) ran.push('call_soon_threadsafe and its self-pipe wake-up');
	if (kinds.has('rpc:unsafe')) ran.push('Future.set_result from another thread (no wake-up)');
	if (kinds.has('rpc:threadsafe') || kinds.has('rpc:unsafe'))
		modelled.push('the reader thread (a virtual thread)');
	if (ops.has('rpc')) modelled.push('the RPC server (answers in order, at virtual times)');
	if (rt.host !== 'loop') modelled.push('the host threads (virtual threads)');
	if (ops.has('threadsafeResult'))
		modelled.push(
			"Future.result()'s wait on the loop thread (a deadlock is reported, as CPython would hang)"
		);
	if (kinds.has('thread'))
		modelled.push(
			'a contended threading.Lock acquire on the loop thread (reported as the deadlock it is)'
		);
	if (ops.has('cpu') || ops.has('block'))
		modelled.push('cpu / block work (the clock jumps while the loop is held)');
	if (kinds.has('offload:cpu') && rt.gil)
		modelled.push('the GIL is not modelled: CPU work in threads runs as if on its own core');
	if (rt.timerLateness === 'epoll')
		modelled.push(
			"select() wake-up lateness (epoll's rounding up to 1 ms + 0.3 ms overshoot, as the model)"
		);
	return { ranAsCPython: ran, modelled };
}
