/** A worker's API as the page calls it (or a stand-in's, in tests): each call answers a promise. */
export type PromisedApi<T> = {
	[K in keyof T]: T[K] extends (...a: infer A) => infer R ? (...a: A) => Promise<R> : never;
};
