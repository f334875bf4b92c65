import { describe, expect, it } from 'vitest';
import { createFramer, simulate } from '../../../simulations/index';
import { loopDiagram } from '../../../src/views/stage/loop-diagram';
import { loopStatus } from '../../../src/views/stage/loop-status';
import { loadScenario, scenarioFiles } from '../../scenario-files';

describe('loopStatus and loopDiagram over every frame of every scenario file', () => {
	it.each(scenarioFiles().map((f) => [f.name, f.path]))(
		'%s: the sentence and the lit step follow the loop thread',
		(_, path) => {
			const trace = simulate(loadScenario(path), { trace: true }).trace ?? [];
			const framer = createFramer(trace);
			for (let n = 0; n <= trace.length; n++) {
				const frame = framer.at(n);
				const status = loopStatus(frame);
				const where = `frame ${n}: ${status} (${frame.loopThread.state})`;
				if (/^(Asleep|Polling)/.test(status)) expect(frame.loopThread.state, where).toBe('select');
				if (/^Running/.test(status)) expect(frame.loopThread.state, where).toBe('callback');
				if (/^Blocked|^Waiting for the GIL/.test(status))
					expect(frame.loopThread.state, where).toBe('blocked');
				if (status === 'The run has finished.') expect(frame.outcome, where).toBe('completed');
				const lit = loopDiagram(frame).lit;
				if (frame.outcome === null)
					expect(lit.includes('select'), where).toBe(frame.loopThread.state === 'select');
			}
		}
	);
});
