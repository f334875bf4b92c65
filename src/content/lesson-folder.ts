import { isSlug } from '../url/slug';

// Apart from build-lesson.ts, which the build runs: a page finds a lesson's folder with this alone.
// The slug's own rule is the one the URL codec checks, so every lesson folder is reachable by URL.
const FOLDER = /^\d+-(.+)$/;

/** The slug of a lesson folder's name ("NN-slug"), or null if the name is not a lesson's. */
export function folderSlug(folder: string): string | null {
	const m = FOLDER.exec(folder);
	return m && isSlug(m[1]) ? m[1] : null;
}
