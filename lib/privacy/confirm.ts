/** A typed confirmation matches: the exact text, ignoring surrounding spaces and case. */
export const confirms = (typed: string, expected: string) => expected.trim() !== '' && typed.trim().toLocaleLowerCase() === expected.trim().toLocaleLowerCase();
