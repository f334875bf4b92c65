// Some browsers start reading a download only after click() returns, and a revoked URL then
// saves nothing; half a minute is long enough for any of them and frees the memory soon after.
const REVOKE_AFTER_MS = 30_000;

/** Saves a blob as a download named `name`, then frees its object URL once the browser has it. */
export function download(blob: Blob, name: string): void {
	const url = URL.createObjectURL(blob);
	const a = document.createElement('a');
	a.href = url;
	a.download = name;
	// Firefox follows a download link only when it is in the document.
	document.body.append(a);
	a.click();
	a.remove();
	setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
