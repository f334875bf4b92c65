import type { Handler, Step, WorkKind } from '../../simulations/index';
import type { FoundStep, HandlerReading, StepId } from './types';

/** What the user set for a step: its duration, and for an offload what the thread does. */
export interface StepSettings {
	ms?: Record<StepId, number>;
	work?: Record<StepId, WorkKind>;
}

/** The scenario steps of a reading, with the user's settings over the defaults; each keeps its line. */
export function toSteps(steps: readonly FoundStep[], settings: StepSettings = {}): Step[] {
	return steps.map((s): Step => {
		const base = { line: s.line, label: s.call };
		switch (s.op) {
			case 'lock':
				return {
					op: 'lock',
					name: s.name,
					kind: s.kind,
					steps: toSteps(s.steps, settings),
					...base
				};
			case 'gather':
				return { op: 'gather', branches: s.branches.map((b) => toSteps(b, settings)), ...base };
			case 'offload':
				return {
					op: 'offload',
					ms: settings.ms?.[s.id] ?? s.ms,
					work: settings.work?.[s.id] ?? s.work ?? 'block',
					noThread: 'raise',
					...base
				};
			default:
				return { op: s.op, ms: settings.ms?.[s.id] ?? s.ms, ...base };
		}
	});
}

/** The scenario handler a reading stands for: its code (shown beside the run) and its steps. */
export function toHandler(reading: HandlerReading, settings: StepSettings = {}): Handler {
	return {
		code: reading.code,
		...(reading.sync ? { sync: true } : {}),
		steps: toSteps(reading.steps, settings)
	};
}

/** One row of the step list: a step once (a repeated loop body counts `times`), `depth` inside locks and gathers. */
export interface StepRow {
	step: FoundStep;
	times: number;
	depth: number;
}

/** Every step of a reading, once each, in order, for the user to set. */
export function stepRows(steps: readonly FoundStep[]): StepRow[] {
	const out = new Map<StepId, StepRow>();
	const walk = (list: readonly FoundStep[], depth: number) => {
		for (const s of list) {
			const seen = out.get(s.id);
			if (seen) {
				seen.times++;
				continue;
			}
			out.set(s.id, { step: s, times: 1, depth });
			if (s.op === 'lock') walk(s.steps, depth + 1);
			if (s.op === 'gather') s.branches.forEach((b) => walk(b, depth + 1));
		}
	};
	walk(steps, 0);
	return [...out.values()];
}
