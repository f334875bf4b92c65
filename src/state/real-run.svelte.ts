import type { Scenario, SimResult } from '../../simulations/index';
import { agreement, type Agreement } from '../runtime/agreement';
import { RealRunner } from '../runtime/bridge';
import { whyNotReal } from '../runtime/interpreter';

export interface RealRun {
	n: number;
	result: SimResult;
	agreement: Agreement;
}

/** Real runs of one variant: progress, Stop, and the last few results kept for comparison. */
export class RealRunSession {
	running = $state(false);
	done = $state(0);
	total = $state(0);
	stoppedNote = $state(false);
	/** GIL on (as in the scenario) or a free-threaded build; a real shared lock where allowed. */
	gil = $state(true);
	runs: RealRun[] = $state.raw([]);
	private runner = new RealRunner();
	private count = 0;

	constructor(
		readonly scenario: Scenario,
		readonly predicted: SimResult
	) {
		this.gil = scenario.runtime.gil;
	}

	/** Why this scenario cannot run for real in this browser, or null when it can. */
	get blocker(): string | null {
		return whyNotReal(this.scenario, this.runner.capabilities().isolated);
	}

	get mode(): 'atomics' | 'busy' {
		return this.runner.capabilities().block;
	}

	get gilPossible(): boolean {
		return this.runner.capabilities().gil;
	}

	async start(): Promise<void> {
		this.running = true;
		this.stoppedNote = false;
		this.done = 0;
		this.total = this.scenario.requests.length;
		const outcome = await this.runner.run(this.scenario, this.gil, (done, total) => {
			this.done = done;
			this.total = total;
		});
		this.running = false;
		if (outcome.kind === 'stopped') {
			this.stoppedNote = true;
			return;
		}
		const run = {
			n: ++this.count,
			result: outcome.result,
			agreement: agreement(this.predicted, outcome.result)
		};
		this.runs = [run, ...this.runs].slice(0, 5);
	}

	stop(): void {
		this.runner.stop();
	}
}
