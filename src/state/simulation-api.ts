// What the simulation worker does (simulation.worker.ts), as plain functions the tests call
// without a worker: it runs a scenario with its trace, draws up the timeline's lanes and what
// the other views read of the run (run-digest.ts), and hands them over in pieces (piece-copy.ts)
// so the page never decodes a large run, nor reads through its trace, in one task.
import { simulate, type Frame, type Scenario, type SimResult } from '../../simulations/index';
import { debugOnLog } from './debug-run';
import { runDigest, type RunDigest } from './run-digest';
import type { TimelineModel } from '../views/stage/timeline-model';
import { piecesOf, type Piece } from './piece-copy';
import { timelineOf } from './variant-run';

/**
 * A traced run, its lanes, what the views read of it (its digest) and what debug mode would
 * print (see `debugOnLog`), as the page rebuilds them.
 */
export interface SimulatedRun {
	result: SimResult;
	timeline: TimelineModel;
	digest: RunDigest;
	debugOnLog: Frame['log'];
}

/** Tokens per piece: a piece takes the page a few milliseconds to rebuild. */
export const PIECE_TOKENS = 10_000;

export interface SimulationApi {
	/**
	 * Simulates the scenario (traced; `live`: to its limit, as a live session does) and keeps the
	 * run to hand over; answers how many pieces it takes. A later call drops the earlier run.
	 */
	simulate(scenario: Scenario, live: boolean): number;
	/** The run's next piece, or null once all were taken. */
	next(): Piece | null;
}

export function createSimulationApi(pieceTokens = PIECE_TOKENS): SimulationApi {
	let pieces: Iterator<Piece> | null = null;
	return {
		simulate(scenario, live) {
			const result = simulate(scenario, { trace: true, toLimit: live });
			const run: SimulatedRun = {
				result,
				timeline: timelineOf(result),
				digest: runDigest(scenario, result),
				// The tools panel's debug-on run: a second simulation, also kept off the page's thread.
				debugOnLog: scenario.runtime.debug ? [] : debugOnLog(scenario)
			};
			pieces = piecesOf(run, pieceTokens);
			return Math.ceil(tokenCount(run) / pieceTokens);
		},
		next() {
			const piece = pieces?.next();
			return piece && !piece.done ? piece.value : null;
		}
	};
}

/** How many tokens `piecesOf` makes of a value. */
function tokenCount(x: unknown): number {
	if (Array.isArray(x)) return x.reduce((n: number, item) => n + tokenCount(item), 2);
	if (x === null || typeof x !== 'object') return 1;
	let n = 2;
	for (const value of Object.values(x)) if (value !== undefined) n += 1 + tokenCount(value);
	return n;
}
