// What the views read of a run besides its frames, each part worked out once per run: in the
// simulation worker for a run simulated there (simulation-api.ts), so the page only draws it and
// a step or a Moment jump only looks things up; else by the view that first reads it. Each view
// brings the code that makes its part, so a page loads only the parts it draws (the embed no
// service series, no event moments).
import type { Scenario, SimResult } from '../../simulations/index';
import type { ServiceSeries } from '../views/service/service-series';
import type { ToolsDigest } from '../views/stage/tools-model';
import type { EventMoments } from './trace/event-moments';

export interface DigestParts {
	/** The service views' series (drawn beyond a few dozen requests, in this run or one beside it). */
	service: ServiceSeries;
	/** The moments to step by, and the loop's changes the narration tells. */
	moments: EventMoments;
	/** The code line marked after each number of events (`codeLines`; 0: none). */
	lines: number[];
	/** What blockbuster and the lag monitor read of the trace, by step. */
	tools: ToolsDigest;
}

/** How a part is made from the run: one pass over its trace. */
export type PartMaker<K extends keyof DigestParts> = (
	scenario: Scenario,
	result: SimResult
) => DigestParts[K];

/** A run's parts: those given (from the worker), and the others as the views first read them. */
export class RunDigest {
	readonly #made: Partial<DigestParts>;

	constructor(
		readonly scenario: Scenario,
		readonly result: SimResult,
		given: Partial<DigestParts> = {}
	) {
		this.#made = { ...given };
	}

	/** The part `key`: given, or made by `make` on the first read, then kept. */
	part<K extends keyof DigestParts>(key: K, make: PartMaker<K>): DigestParts[K] {
		return (this.#made[key] ??= make(this.scenario, this.result));
	}
}
