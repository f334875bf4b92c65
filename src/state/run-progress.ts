/** How far a run in the simulation worker has come: simulating, then taking its pieces, then its frames. */
export type RunProgress =
	{ phase: 'simulating' } | { phase: 'loading' | 'framing'; done: number; total: number };

/** The progress in words, for a status line: "Simulating…", "Loading the run: 40%". */
export function progressText(p: RunProgress): string {
	if (p.phase === 'simulating') return 'Simulating…';
	const percent = p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total);
	return `${p.phase === 'loading' ? 'Loading the run' : 'Preparing its steps'}: ${percent}%`;
}
