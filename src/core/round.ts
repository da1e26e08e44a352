/** Rounds to one decimal as machine output shows scores (half away from zero for positive values). */
export const round1 = (x: number): number => Math.round((x + Number.EPSILON) * 10) / 10;
