import { fromCallback, type EventObject } from 'xstate';
import { RealRunner } from '../runtime/bridge';
import type { RunnerEvent, RunnerLogic, RunRequest } from './real-run-machine';

/**
 * The Web Worker runtime as the real-run machine's `runner`: one bridge per session, so Stop
 * and the capabilities belong to the scenario on show. The bridge starts its workers inside
 * `run()` without reporting when they are up, so the run counts as started at once.
 */
export function workerRunner(bridge: RealRunner = new RealRunner()): RunnerLogic {
	return fromCallback<EventObject, RunRequest>(({ input, sendBack }) => {
		let live = true;
		const report = (e: RunnerEvent) => live && sendBack(e);
		report({ type: 'runner.ready' });
		bridge
			.run(input.scenario, input.gil, (done, total) =>
				report({ type: 'runner.progress', done, total })
			)
			.then(
				(outcome) =>
					report(
						outcome.kind === 'stopped'
							? { type: 'runner.stopped' }
							: { type: 'runner.result', result: outcome.result }
					),
				(e: unknown) =>
					report({ type: 'runner.failed', message: e instanceof Error ? e.message : String(e) })
			);
		// Leaving the active state (Stop, or another scenario on show) ends the run at once.
		return () => {
			live = false;
			bridge.stop();
		};
	});
}
