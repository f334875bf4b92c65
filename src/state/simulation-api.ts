// What the simulation worker does (simulation.worker.ts), as plain functions the tests call
// without a worker: it runs a scenario with its trace, draws up the timeline's lanes and what
// the other views read of the run (run-digest.ts), and hands them over in pieces (piece-copy.ts)
// so the page never decodes a large run, nor reads through its trace, in one task.
import { simulate, type Frame, type Scenario, type SimResult } from '../../simulations/index';
import { debugOnLog } from './debug-run';
import type { DigestParts } from './run-digest';
import { codeLines } from './running-line';
import { eventMomentsOf } from './trace/event-moments';
import { serviceSeriesOf } from '../views/service/service-series';
import { toolsDigest } from '../views/stage/tools-model';
import type { TimelineModel } from '../views/stage/timeline-model';
import { piecesOf, tokenCount, type Piece } from './piece-copy';
import { timelineOf } from './variant-run';

/** A traced run, its lanes and what the views read of it (its digest), as the page rebuilds them. */
export interface SimulatedRun {
	result: SimResult;
	timeline: TimelineModel;
	/** Every part, made here so the page reads through no trace. */
	digest: DigestParts;
}

/** Tokens per piece (mostly as JSON text): a piece takes the page a few milliseconds to rebuild. */
export const PIECE_TOKENS = 50_000;

export interface SimulationApi {
	/**
	 * Simulates the scenario (traced; `live`: to its limit, as a live session does) and keeps the
	 * run to hand over; answers how many tokens its pieces weigh together. A later call drops the
	 * earlier run.
	 */
	simulate(scenario: Scenario, live: boolean): number;
	/** The run's next piece, or null once all were taken. */
	next(): Piece | null;
	/**
	 * What debug mode would print in the last scenario simulated (see `debugOnLog`): a second
	 * simulation, asked for once the run is taken, while the page prepares its frames.
	 */
	debugOnLog(): Frame['log'];
}

export function createSimulationApi(pieceTokens = PIECE_TOKENS): SimulationApi {
	let pieces: Iterator<Piece> | null = null;
	let last: Scenario | null = null;
	return {
		simulate(scenario, live) {
			const result = simulate(scenario, { trace: true, toLimit: live });
			const run: SimulatedRun = {
				result,
				timeline: timelineOf(result),
				digest: {
					service: serviceSeriesOf(scenario, result),
					moments: eventMomentsOf(scenario, result),
					lines: codeLines(scenario, result),
					tools: toolsDigest(scenario, result)
				}
			};
			last = scenario;
			pieces = piecesOf(run, pieceTokens);
			return tokenCount(run);
		},
		next() {
			const piece = pieces?.next();
			return piece && !piece.done ? piece.value : null;
		},
		debugOnLog: () => (last === null || last.runtime.debug ? [] : debugOnLog(last))
	};
}
