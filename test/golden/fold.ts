/** One timed line of a lane: `t` in ms and its text, which must not contain absolute times. */
export interface TimedLine {
	t: number;
	text: string;
}

const MAX_BLOCK = 24;
const at = (t: number) => t.toFixed(3).padStart(10);
const sameTime = (a: number, b: number) => Math.round(a * 1000) === Math.round(b * 1000);

/**
 * Renders a lane, folding a block of lines that repeats with a constant period into one counted
 * line (`×N every P ms:`) followed by its first repetition. Folding is lossless: unfolding the
 * block N times, shifted by P each time, gives the lines back.
 */
export function foldLines(lines: TimedLine[]): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < lines.length) {
		const best = bestFold(lines, i);
		if (best === null) {
			out.push(`${at(lines[i].t)}  ${lines[i].text}`);
			i++;
			continue;
		}
		const { size, count, period } = best;
		out.push(`${at(lines[i].t)}  ×${count} every ${+period.toFixed(3)} ms:`);
		for (const l of lines.slice(i, i + size)) out.push(`${at(l.t)}    ${l.text}`);
		i += size * count;
	}
	return out;
}

// The block size and count at i that save the most lines, or null when none saves two.
function bestFold(
	lines: TimedLine[],
	i: number
): { size: number; count: number; period: number } | null {
	let best: { size: number; count: number; period: number } | null = null;
	let bestSaved = 1;
	for (let size = 1; size <= MAX_BLOCK && i + 2 * size <= lines.length; size++) {
		const period = lines[i + size].t - lines[i].t;
		if (period <= 0) continue;
		let count = 1;
		while (repeats(lines, i, size, count, period)) count++;
		const saved = size * (count - 1) - 1;
		if (saved > bestSaved) [best, bestSaved] = [{ size, count, period }, saved];
	}
	return best;
}

// Whether repetition `k` of the block at i matches the first, shifted by k periods.
function repeats(lines: TimedLine[], i: number, size: number, k: number, period: number): boolean {
	const start = i + k * size;
	if (start + size > lines.length) return false;
	for (let m = 0; m < size; m++) {
		const [a, b] = [lines[i + m], lines[start + m]];
		if (a.text !== b.text || !sameTime(a.t + k * period, b.t)) return false;
	}
	return true;
}
