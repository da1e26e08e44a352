/** Rounds to one decimal as machine output shows scores (half away from zero for positive values). */
export const round1 = (x: number): number => Math.round((x + Number.EPSILON) * 10) / 10;

/** round1, keeping "no score" as null. */
export const round1OrNull = (x: number | null): number | null => (x === null ? null : round1(x));

/** Rounds to two decimals, as machine output shows shares (coverage). */
export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;
