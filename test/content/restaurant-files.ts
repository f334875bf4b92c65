import { readFileSync } from 'node:fs';

/** The restaurant lesson's folder, read as the loader reads a lesson: a missing file is null. */
export const folder = 'lessons/01-restaurant';

export const read = async (file: string): Promise<string | null> => {
	try {
		return readFileSync(`${folder}/${file}`, 'utf8');
	} catch {
		return null;
	}
};

/** Its lesson.json. */
export const meta = JSON.parse(readFileSync(`${folder}/lesson.json`, 'utf8')) as Record<
	string,
	unknown
>;
