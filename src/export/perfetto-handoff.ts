// "Open in Perfetto": the lab's pages are cross-origin isolated (COOP same-origin), which cuts a
// window.open()ed tab off from its opener, so the lab cannot post a trace to ui.perfetto.dev
// itself. It opens our own relay page (public/open-in-perfetto.html, served without isolation)
// in a new tab and hands it the file over a BroadcastChannel; the relay opens Perfetto on the
// learner's click and posts the buffer after Perfetto's PING/PONG handshake. Nothing leaves the
// browser except to the Perfetto tab the learner opens.

/** The channel both pages listen on (the relay names the same one). */
export const PERFETTO_CHANNEL = 'event-loop-lab:perfetto';
/** How long the lab answers the relay: opening a tab on a busy machine can take seconds. */
const ANSWER_FOR_MS = 60_000;

/** What became of a hand-off. */
export type HandoffStatus = 'opening' | 'handed' | 'unanswered';

/** What the relay receives: the trace file's bytes, its title and a file name for Perfetto. */
export interface PerfettoFile {
	id: string;
	buffer: ArrayBuffer;
	title: string;
	fileName: string;
}

function newId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Opens the relay in a new tab and answers it with `text`; `onStatus` hears how it went. */
export function handToPerfetto(
	text: string,
	title: string,
	fileName: string,
	onStatus: (status: HandoffStatus) => void
): void {
	const id = newId();
	const channel = new BroadcastChannel(PERFETTO_CHANNEL);
	const buffer = new TextEncoder().encode(text).buffer as ArrayBuffer;
	let handed = false;
	channel.onmessage = (e: MessageEvent) => {
		if (e.data?.want !== id) return;
		const file: PerfettoFile = { id, buffer, title, fileName };
		channel.postMessage(file);
		handed = true;
		onStatus('handed');
	};
	setTimeout(() => {
		channel.close();
		if (!handed) onStatus('unanswered');
	}, ANSWER_FOR_MS);
	onStatus('opening');
	window.open(`./open-in-perfetto.html#${id}`, '_blank', 'noopener');
}
