import type {
	Collect,
	Handler,
	Handoff,
	LockKind,
	NoThread,
	RpcClient,
	Step,
	WorkKind
} from '../scenario/types';

/** Where an instruction comes from, for the trace and the code highlight. */
export interface Source {
	path: string;
	line?: number;
	label?: string;
}

/** A handler's steps flattened into instructions; locks become acquire/release pairs. */
export type Instr =
	| { op: 'cpu' | 'block' | 'sleep' | 'io'; ms: number; src: Source }
	| { op: 'offload'; ms: number; work: WorkKind; noThread: NoThread; src: Source }
	| { op: 'acquire' | 'release'; lock: string; kind: LockKind; src: Source }
	| { op: 'gather'; branches: Instr[][]; collect: Collect; src: Source }
	| { op: 'rpc'; ms: number; handoff: Handoff; client: RpcClient; src: Source }
	| { op: 'threadsafeResult'; program: Instr[]; timeoutMs: number | null; src: Source }
	| { op: 'fail'; error: string; src: Source }
	| { op: 'beat' | 'mark'; src: Source }
	| { op: 'lag'; everyMs: number; src: Source }
	| { op: 'loop'; src: Source }
	/** A FastAPI `def` endpoint: `async with limiter`, `run_sync(steps)` on an anyio worker, leave. */
	| { op: 'anyioAcquire' | 'anyioRelease'; src: Source }
	| { op: 'runSync'; program: Instr[]; src: Source };

/** Compiles steps once per handler; every request of that handler shares the result. */
export function compile(steps: Step[], path: string): Instr[] {
	const out: Instr[] = [];
	steps.forEach((step, i) => {
		const src: Source = { path: `${path}[${i}]`, line: step.line, label: step.label };
		switch (step.op) {
			case 'cpu':
			case 'block':
			case 'sleep':
			case 'io':
				out.push({ op: step.op, ms: step.ms, src });
				break;
			case 'offload':
				out.push({ op: 'offload', ms: step.ms, work: step.work, noThread: step.noThread, src });
				break;
			case 'lock':
				out.push({ op: 'acquire', lock: step.name, kind: step.kind, src });
				out.push(...compile(step.steps, `${src.path}.steps`));
				out.push({ op: 'release', lock: step.name, kind: step.kind, src });
				break;
			case 'gather':
				out.push({
					op: 'gather',
					branches: step.branches.map((b, j) => compile(b, `${src.path}.branches[${j}]`)),
					collect: step.collect ?? 'gather',
					src
				});
				break;
			case 'rpc':
				out.push({ op: 'rpc', ms: step.ms, handoff: step.handoff, client: step.client, src });
				break;
			case 'threadsafeResult':
				out.push({
					op: 'threadsafeResult',
					program: compile(step.steps, `${src.path}.steps`),
					timeoutMs: step.timeoutMs ?? null,
					src
				});
				break;
			case 'fail':
				out.push({ op: 'fail', error: step.error, src });
				break;
		}
	});
	return out;
}

/** A handler's program: a `def` endpoint's steps run on anyio's worker pool (F32). */
export function compileHandler(handler: Handler, path: string): Instr[] {
	const program = compile(handler.steps, path);
	if (!handler.sync) return program;
	const src = { path };
	return [
		{ op: 'anyioAcquire', src },
		{ op: 'runSync', program, src },
		{ op: 'anyioRelease', src }
	];
}

/** `while True: await asyncio.sleep(every); beat()` */
export function heartbeatProgram(everyMs: number): Instr[] {
	const src = { path: 'background.heartbeat' };
	return [
		{ op: 'sleep', ms: everyMs, src },
		{ op: 'beat', src },
		{ op: 'loop', src }
	];
}

/** `t = now; await asyncio.sleep(every); lag = now - t - every` */
export function lagMonitorProgram(everyMs: number): Instr[] {
	const src = { path: 'background.lagMonitor' };
	return [
		{ op: 'mark', src },
		{ op: 'sleep', ms: everyMs, src },
		{ op: 'lag', everyMs, src },
		{ op: 'loop', src }
	];
}
