export type BenchResult = { name: string; value: number; unit: string };
