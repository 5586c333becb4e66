/** Flattens an intersection into one object type, so hovers and type equality read cleanly. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};
