import { formatPath, type Path } from '../scenario/check';
import type { Scenario, Step } from '../scenario/types';

/**
 * One number of a scenario a sweep varies. `requestCount` and `requestRate` act on one entry of
 * `arrivals` (its `count`; its `everyMs` = 1000 / rate, in requests per second); `poolSize` on
 * `runtime.threads`
 * (`threadsStarted` is lowered to fit, so 0 is no thread at all); `workMs` on one step's `ms`;
 * `blockingShare` splits one step's work: that share runs on the loop (`block`, or `cpu` for CPU
 * work), the rest is offloaded to the pool (`offload`, same work), so 0 is `to_thread` and 1 is
 * the blocking call.
 */
export type SweepParam =
	| { kind: 'requestCount'; arrival: number }
	| { kind: 'requestRate'; arrival: number }
	| { kind: 'poolSize' }
	| { kind: 'workMs'; step: Path }
	| { kind: 'blockingShare'; step: Path };

export type SweepKind = SweepParam['kind'];

/** A parameter this scenario can sweep, with its words and the value it has now. */
export interface SweepOption {
	param: SweepParam;
	/** Its full name: "request count", "work duration of handlers.upload.steps[0]". */
	label: string;
	/** Its name where the target goes without saying (an axis, a column): "work duration". */
	short: string;
	/** "requests/s", "threads", "ms", or "" (a count, a share from 0 to 1). */
	unit: string;
	/** What the option's target is, among others of its kind: "arrivals[0]: upload" or a step. */
	target: string;
	/** The scenario's own value; null for the rate of arrivals all at once (`everyMs` 0). */
	current: number | null;
	integer: boolean;
	min: number;
	max: number;
}

/** The words of each kind, as the page's parameter menu shows them. */
export const SWEEP_KINDS: Record<SweepKind, string> = {
	requestCount: 'Request count',
	requestRate: 'Request rate',
	poolSize: 'Pool size',
	workMs: 'Work duration of a step',
	blockingShare: 'Share of blocking work in a step'
};

const TIMED = new Set(['cpu', 'block', 'sleep', 'io', 'offload', 'rpc']);
const SPLITTABLE = new Set(['cpu', 'block', 'offload']);

/** Every parameter `scenario` (validated from `doc`, the document as written) can sweep. */
export function sweepOptions(doc: unknown, scenario: Scenario): SweepOption[] {
	const options: SweepOption[] = [];
	const arrivals = field(doc, 'arrivals');
	(Array.isArray(arrivals) ? arrivals : []).forEach((a: unknown, i) => {
		const target = `arrivals[${i}]: ${String(field(a, 'handler'))}`;
		const every = Number(field(a, 'everyMs') ?? 0);
		options.push(
			{
				param: { kind: 'requestCount', arrival: i },
				label: 'request count',
				short: 'request count',
				unit: '',
				target,
				current: Number(field(a, 'count')),
				integer: true,
				min: 1,
				max: 100_000
			},
			{
				param: { kind: 'requestRate', arrival: i },
				label: 'request rate',
				short: 'request rate',
				unit: 'requests/s',
				target,
				current: every > 0 ? 1000 / every : null,
				integer: false,
				min: 0.001,
				max: 1_000_000
			}
		);
	});
	options.push({
		param: { kind: 'poolSize' },
		label: 'pool size',
		short: 'pool size',
		unit: 'threads',
		target: 'runtime.threads',
		current: scenario.runtime.threads,
		integer: true,
		min: 0,
		max: 1024
	});
	for (const [name, handler] of Object.entries(scenario.handlers)) {
		for (const { step, path } of stepsOf(handler.steps, ['handlers', name, 'steps'])) {
			if (!('ms' in step) || !TIMED.has(step.op)) continue;
			const target = `${formatPath(path)} (${step.op}${step.label ? `: ${step.label}` : ''})`;
			options.push({
				param: { kind: 'workMs', step: path },
				label: `work duration of ${formatPath(path)}`,
				short: 'work duration',
				unit: 'ms',
				target,
				current: step.ms,
				integer: false,
				min: 0,
				max: 3_600_000
			});
			if (handler.sync || !SPLITTABLE.has(step.op)) continue;
			options.push({
				param: { kind: 'blockingShare', step: path },
				label: `share of blocking work in ${formatPath(path)}`,
				short: 'blocking share',
				unit: '',
				target,
				current: step.op === 'offload' ? 0 : 1,
				integer: false,
				min: 0,
				max: 1
			});
		}
	}
	return options;
}

/** The option of `options` that `param` names, or undefined. */
export function findOption(options: SweepOption[], param: SweepParam): SweepOption | undefined {
	const key = paramKey(param);
	return options.find((o) => paramKey(o.param) === key);
}

/** One string per parameter, equal for equal parameters. */
export function paramKey(param: SweepParam): string {
	if (param.kind === 'requestCount' || param.kind === 'requestRate')
		return `${param.kind}:${param.arrival}`;
	if (param.kind === 'poolSize') return param.kind;
	return `${param.kind}:${formatPath(param.step)}`;
}

/** Every step of a handler with its path, nested ones (lock, threadsafeResult, gather) included. */
function stepsOf(steps: Step[], path: Path): { step: Step; path: Path }[] {
	return steps.flatMap((step, i) => {
		const at = [...path, i];
		const inner =
			step.op === 'lock' || step.op === 'threadsafeResult'
				? stepsOf(step.steps, [...at, 'steps'])
				: step.op === 'gather'
					? step.branches.flatMap((b, j) => stepsOf(b, [...at, 'branches', j]))
					: [];
		return [{ step, path: at }, ...inner];
	});
}

/** An own field of a JSON object, or undefined. */
export function field(value: unknown, key: string | number): unknown {
	if (value === null || typeof value !== 'object') return undefined;
	return Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
}
