// What the views read of a run besides its frames, worked out in one go per run: in the
// simulation worker for a run simulated there (simulation-api.ts), so the page only draws it and
// a step or a Moment jump only looks things up.
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

/** Reads a traced run of `scenario` for every view, in a few passes over its trace. */
export function runDigest(scenario: Scenario, result: SimResult): RunDigest {
	const trace = result.trace ?? [];
	return {
		service: serviceSeries(result, scenario.runtime.threads),
		moments: eventMoments(result),
		lines: codeLines(scenario, trace),
		tools: toolsDigest(scenario, result)
	};
}
