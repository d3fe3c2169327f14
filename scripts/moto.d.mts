/** Types for scripts/moto.mjs, which the test setup shares with the demo and the benchmarks. */
export interface RunningMoto {
  readonly endpoint: string;
  stop(): void;
}
export function startMoto(): Promise<RunningMoto>;
