import { grouped } from '../../format/numbers';
import type { LaneState } from '../stage/state-style';
import { PERCENTILE_LOOK, type PanelId } from './chart-draw';
import type { ServicePanels } from './service-panels';
import type { ServiceSeries } from './service-series';
import {
	inFlightWords,
	lagWords,
	latencyWords,
	loopWords,
	poolWords,
	queuesWords
} from './service-summary';

/**
 * One legend entry: a state's fill as a box, a line in a state's colour (dashed or not), an
 * outlined box (the whole run's), or the cursor and veil (what is still to come).
 */
export type LegendEntry =
	| { look: 'fill'; state: LaneState; words: string }
	| { look: 'line'; state: LaneState; width: number; dash: readonly number[]; words: string }
	| { look: 'outline' | 'future' | 'none'; words: string };

/** A panel on the time axis: its title, what its y axis tops at, its legend and its words. */
export interface PanelInfo {
	id: PanelId;
	title: string;
	/** The y axis's top value in words ("120 ms", "12"). */
	top: (p: ServicePanels) => string;
	legend: readonly LegendEntry[];
	words: (s: ServiceSeries, t: number) => string;
}

const ms = (n: number) => `${grouped(Math.round(n))} ms`;

/**
 * The time panels, top to bottom; the lag strip only where a lag monitor runs, the pool only
 * where there is one (in any of the runs compared).
 */
export function panelList(...runs: ServiceSeries[]): PanelInfo[] {
	const all: PanelInfo[] = [
		{
			id: 'queues',
			title: 'Queues',
			top: (p) => grouped(p.queues.top),
			legend: [
				{ look: 'fill', state: 'queued', words: 'requests at the door (arrived, unread)' },
				{
					look: 'line',
					state: 'running',
					width: 2,
					dash: [],
					words: 'callbacks in the ready queue'
				}
			],
			words: queuesWords
		},
		{
			id: 'inFlight',
			title: 'In flight',
			top: (p) => grouped(p.inFlight.top),
			legend: [
				{ look: 'fill', state: 'awaiting', words: 'requests in flight (arrived, not answered)' }
			],
			words: inFlightWords
		},
		{
			id: 'latency',
			title: 'Latency',
			top: (p) => ms(p.latency.top),
			legend: (['p50', 'p95', 'p99'] as const).map((key) => ({
				look: 'line',
				...PERCENTILE_LOOK[key],
				words: key === 'p99' ? 'p99 of the requests answered then' : key
			})),
			words: latencyWords
		},
		{
			id: 'loop',
			title: 'Loop',
			top: () => '100%',
			legend: [
				{ look: 'fill', state: 'running', words: 'loop busy (running callbacks)' },
				{ look: 'fill', state: 'blocked', words: 'loop blocked' },
				{ look: 'fill', state: 'asleep', words: 'loop idle in select()' }
			],
			words: loopWords
		},
		{
			id: 'lag',
			title: 'Lag',
			top: (p) => ms(p.lag.top),
			legend: [{ look: 'fill', state: 'blocked', words: 'lag sample (how late the monitor woke)' }],
			words: lagWords
		},
		{
			id: 'pool',
			title: 'Pool',
			top: (p) => `${grouped(p.pool.size)} threads`,
			legend: [
				{ look: 'fill', state: 'thread-blocked', words: 'pool threads busy (mean)' },
				{ look: 'line', state: 'running', width: 1.5, dash: [], words: 'most busy at once' }
			],
			words: poolWords
		}
	];
	return all.filter(
		(p) =>
			(p.id !== 'lag' || runs.some((s) => s.lag.length > 0)) &&
			(p.id !== 'pool' || runs.some((s) => s.poolSize > 0))
	);
}
