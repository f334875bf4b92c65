// What the views read of a run besides its frames, each part worked out once per run: in the
// simulation worker for a run simulated there (simulation-api.ts), so the page only draws it and
// a step or a Moment jump only looks things up; on first use for a run made on the page.
import type { Scenario, SimResult } from '../../simulations/index';
import { serviceSeries, type ServiceSeries } from '../views/service/service-series';
import { toolsDigest, type ToolsDigest } from '../views/stage/tools-model';
import { codeLines } from './running-line';
import { eventMoments, type EventMoments } from './trace/event-moments';

export interface RunDigest {
	/** The service views' series (drawn beyond a few dozen requests, in this run or one beside it). */
	service: ServiceSeries;
	/** The moments to step by, and the loop's changes the narration tells. */
	moments: EventMoments;
	/** The code line marked after each number of events (`codeLines`; 0: none). */
	lines: number[];
	/** What blockbuster and the lag monitor read of the trace, by step. */
	tools: ToolsDigest;
}

/**
 * Reads a traced run of `scenario` for every view, a pass over its trace per part, each made
 * when first read (all of them when the digest is copied, as the worker does).
 */
export function runDigest(scenario: Scenario, result: SimResult): RunDigest {
	const trace = result.trace ?? [];
	return lazily<RunDigest>({
		service: () => serviceSeries(result, scenario.runtime.threads),
		moments: () => eventMoments(result),
		lines: () => codeLines(scenario, trace),
		tools: () => toolsDigest(scenario, result)
	});
}

/** An object whose properties are made on first read, then kept. */
function lazily<T extends object>(make: { [K in keyof T]: () => T[K] }): T {
	const out = {} as T;
	for (const key of Object.keys(make) as (keyof T)[]) {
		let value: T[typeof key] | undefined;
		let made = false;
		Object.defineProperty(out, key, {
			enumerable: true,
			get: () => {
				if (!made) {
					value = make[key]();
					made = true;
				}
				return value;
			}
		});
	}
	return out;
}
