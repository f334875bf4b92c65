// Sweeps: a scenario run at each value of one parameter, and the figures of each run. A door of
// its own, so a page that shows lessons does not download it.
export {
	sweep,
	sweepPoints,
	sweepValues,
	planSweep,
	MAX_SWEEP_POINTS,
	type SweepSpec,
	type SweepPoint
} from './sweep';
export {
	sweepOptions,
	findOption,
	paramKey,
	SWEEP_KINDS,
	type SweepParam,
	type SweepKind,
	type SweepOption
} from './params';
export { percentile, runMetrics, type RunMetrics } from './metrics';
