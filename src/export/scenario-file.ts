import { download } from './download';
import { MAX_TEXT } from '../url/scenario-link';
import { isSlug } from '../url/slug';

/** The file name a scenario downloads as: its id when the id is a valid one, else "scenario". */
export function scenarioFileName(doc: unknown): string {
	const id = (doc as { id?: unknown } | null)?.id;
	return `${typeof id === 'string' && isSlug(id) ? id : 'scenario'}.json`;
}

/** Saves the text, exactly as written, as a `.json` download. */
export function downloadScenario(text: string, name: string): void {
	download(new Blob([text], { type: 'application/json' }), name);
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
