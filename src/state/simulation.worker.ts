// Simulates scenarios off the page's thread (simulation-api.ts), so a large one never freezes it.
import * as Comlink from 'comlink';
import { READY } from '../runtime/ready';
import { createSimulationApi, type SimulationApi } from './simulation-api';

const api = createSimulationApi();
// Each piece's bytes move to the page instead of being copied.
const exposed: SimulationApi = {
	simulate: (scenario, live) => api.simulate(scenario, live),
	next: () => {
		const piece = api.next();
		return (
			piece && Comlink.transfer(piece, [piece.ops.buffer, piece.text.buffer, piece.lengths.buffer])
		);
	},
	debugOnLog: () => api.debugOnLog()
};
Comlink.expose(exposed, self as unknown as Comlink.Endpoint);
self.postMessage(READY);
