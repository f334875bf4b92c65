import type { Scenario, SimResult } from '../../simulations/index';

/** What the policy needs of a real-run session. */
export interface Stoppable {
	stop(): void;
}

/**
 * The one real-run policy of every page: a scenario keeps one real-run session while the page
 * lives, so a finished run stays attached to the scenario it ran (showing it again shows its
 * runs); showing another scenario (another variant, a new version of a playground scenario)
 * stops a run in progress, and so does leaving the page.
 */
export class RealRuns<T extends Stoppable> {
	private sessions = new WeakMap<Scenario, T>();
	private shown: T | null = null;

	constructor(private readonly make: (scenario: Scenario, predicted: SimResult) => T) {}

	/** The session of the scenario now on show; the one shown before is stopped. */
	show(scenario: Scenario, predicted: SimResult): T {
		let session = this.sessions.get(scenario);
		if (!session) this.sessions.set(scenario, (session = this.make(scenario, predicted)));
		if (this.shown !== session) this.shown?.stop();
		this.shown = session;
		return session;
	}

	/** Nothing is on show any more (the page or its stage is gone): a run in progress stops. */
	hide(): void {
		this.shown?.stop();
		this.shown = null;
	}
}
