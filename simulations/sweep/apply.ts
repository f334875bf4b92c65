import { roundMs } from '../result';
import type { Path } from '../scenario/check';
import type { Scenario, Step, WorkKind } from '../scenario/types';
import { field, type SweepParam } from './params';

type Json = Record<string | number, unknown>;

/**
 * A copy of `doc` (the scenario document as written; `scenario` is it validated) with `param`
 * set to `value`; the original is left as it was. The parameter must be one of `sweepOptions`.
 */
export function withParam(
	doc: unknown,
	scenario: Scenario,
	param: SweepParam,
	value: number
): Json {
	const copy = JSON.parse(JSON.stringify(doc)) as Json;
	switch (param.kind) {
		case 'requestCount':
			(at(copy, ['arrivals', param.arrival]) as Json).count = value;
			break;
		case 'requestRate':
			(at(copy, ['arrivals', param.arrival]) as Json).everyMs = roundMs(1000 / value);
			break;
		case 'poolSize': {
			const runtime = (copy.runtime ??= {}) as Json;
			runtime.threads = value;
			// A pool of n threads has at most n running already; a pool of 0 has none to reuse.
			if (Number(runtime.threadsStarted ?? 0) > value) runtime.threadsStarted = value;
			break;
		}
		case 'workMs':
			(at(copy, param.step) as Json).ms = value;
			break;
		case 'blockingShare': {
			const list = at(copy, param.step.slice(0, -1)) as unknown[];
			const step = at(scenario, param.step) as Step;
			list.splice(Number(param.step[param.step.length - 1]), 1, ...splitStep(step, value));
			break;
		}
	}
	return copy;
}

/** A cpu, block or offload step as `share` of its work on the loop and the rest offloaded. */
function splitStep(step: Step, share: number): Step[] {
	if (step.op !== 'cpu' && step.op !== 'block' && step.op !== 'offload') return [step];
	const work: WorkKind = step.op === 'offload' ? step.work : step.op;
	const noThread = step.op === 'offload' ? step.noThread : 'raise';
	const { line, label } = step;
	const extra = { ...(line === undefined ? {} : { line }), ...(label ? { label } : {}) };
	const onLoop = roundMs(step.ms * share);
	const offloaded = roundMs(step.ms - onLoop);
	const parts: Step[] = [];
	if (onLoop > 0) parts.push({ op: work, ms: onLoop, ...extra });
	if (offloaded > 0) parts.push({ op: 'offload', ms: offloaded, work, noThread, ...extra });
	// A step of 0 ms stays one (empty) piece of work on the loop.
	return parts.length > 0 ? parts : [{ op: work, ms: 0, ...extra }];
}

function at(value: unknown, path: Path): unknown {
	return path.reduce<unknown>((v, key) => field(v, key), value);
}
