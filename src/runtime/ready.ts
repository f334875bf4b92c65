/** Posted by a worker once its API is exposed; a message sent earlier could be lost. */
export const READY = 'event-loop-lab:worker-ready';

/** Resolves when the worker says it is listening. */
export function whenReady(worker: Worker): Promise<void> {
	return new Promise((resolve) => {
		const onMessage = (e: MessageEvent) => {
			if (e.data !== READY) return;
			worker.removeEventListener('message', onMessage);
			resolve();
		};
		worker.addEventListener('message', onMessage);
	});
}
