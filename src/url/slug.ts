/** A lesson's slug and a scenario's id: lower-case letters, digits and hyphens, 1 to 100 of them. */
export const SLUG = /^[a-z0-9-]{1,100}$/;

/** True when `text` is a well-formed slug (it may still name no lesson). */
export function isSlug(text: string): boolean {
	return SLUG.test(text);
}
