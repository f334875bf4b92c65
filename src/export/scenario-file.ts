import { MAX_TEXT } from '../url/scenario-link';

/** The file name a scenario downloads as: its id when the id is a valid one, else "scenario". */
export function scenarioFileName(doc: unknown): string {
	const id = (doc as { id?: unknown } | null)?.id;
	return `${typeof id === 'string' && /^[a-z0-9-]{1,100}$/.test(id) ? id : 'scenario'}.json`;
}

/** Saves the text, exactly as written, as a `.json` download. */
export function downloadScenario(text: string, name: string): void {
	const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	a.click();
	// The click has started the download; the object URL is not needed after this task.
	setTimeout(() => URL.revokeObjectURL(url));
}

/** A chosen file's text, or a message saying why it cannot be used. */
export async function readScenarioFile(
	file: File
): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
	if (file.size > MAX_TEXT) {
		return {
			ok: false,
			message: `${file.name} is ${file.size} bytes; a scenario has at most ${MAX_TEXT}.`
		};
	}
	try {
		return { ok: true, text: await file.text() };
	} catch {
		return { ok: false, message: `${file.name} could not be read.` };
	}
}
