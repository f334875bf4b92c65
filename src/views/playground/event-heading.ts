/**
 * The playground narration's opening words. At a scrubbed moment between events the time named
 * first is the moment on show (the Moment slider's), and the event is named as the last before it:
 * one time readout, never two that disagree.
 */
export function eventHeading(
	step: number,
	events: number,
	eventMs: number,
	moment: number
): string {
	if (moment === eventMs) return `Event ${step} of ${events}, at ${eventMs} ms:`;
	return `At ${moment} ms. The last event before it, ${step} of ${events}, at ${eventMs} ms:`;
}
