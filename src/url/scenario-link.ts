import LZString from 'lz-string';

/** The longest `s` value a link may carry (characters); longer values are refused unread. */
export const MAX_LINK = 100_000;
/** Links longer than this may be cut by the apps they are pasted into (chat, mail). */
export const LONG_LINK = 8_000;
/** The longest scenario text a link may expand to: the engine's own limit on a document. */
export const MAX_TEXT = 5_000_000;

// The encoder's alphabet; URLSearchParams turns its '+' into a space, which is read back as '+'.
const ALPHABET = /^[A-Za-z0-9+\-$ ]*$/;

/** The query value (`s`) that carries a scenario's exact text, compressed and URL-safe. */
export function encodeScenarioLink(text: string): string {
	return LZString.compressToEncodedURIComponent(text);
}

/**
 * The exact text a link's `s` value carries, or a message saying what is wrong with it. Never
 * throws; a value the encoder could not have produced (cut short, edited, hostile) is refused,
 * and messages never quote the value.
 */
export function decodeScenarioLink(
	value: string,
	/** What the link carries, in the messages: a scenario, or the Python tab's program. */
	what = 'scenario'
): { ok: true; text: string } | { ok: false; message: string } {
	if (value.length > MAX_LINK) {
		return {
			ok: false,
			message: `the ${what} in the link is ${value.length} characters long; a link holds at most ${MAX_LINK}.`
		};
	}
	if (!ALPHABET.test(value)) {
		return {
			ok: false,
			message: `the ${what} in the link contains characters a ${what} link never has.`
		};
	}
	const compressed = value.replaceAll(' ', '+');
	let text: string | null;
	try {
		text = LZString.decompressFromEncodedURIComponent(compressed);
	} catch {
		// A crafted value can expand past the longest string the browser can hold.
		text = null;
	}
	if (text !== null && text.length > MAX_TEXT) {
		return {
			ok: false,
			message: `the ${what} in the link expands to ${text.length} characters; a ${what} has at most ${MAX_TEXT}.`
		};
	}
	// Only a value that re-encodes to itself is what the encoder wrote: anything else is damaged.
	if (text === null || encodeScenarioLink(text) !== compressed) {
		return {
			ok: false,
			message: `the ${what} in the link is damaged or incomplete (was the link cut short?).`
		};
	}
	return { ok: true, text };
}
