/** The words the live region starts with, "Step 3 of 19, 20 ms:" (part of the interaction contract). */
export function stepAnnouncement(step: number, count: number, t: number): string {
	return `Step ${step + 1} of ${count}, ${t} ms:`;
}
