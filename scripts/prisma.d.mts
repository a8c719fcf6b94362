// Types for scripts/prisma.mjs.
import type { SpawnSyncOptions, SpawnSyncReturns } from 'node:child_process';
export type Env = Record<string, string | undefined>;
export const STAND_IN_ENGINE: string;
export function findNativeEngine(env?: Env): string | null;
export function prismaEnv(env?: Env): Env;
export function runPrisma(args: string[], options?: SpawnSyncOptions): SpawnSyncReturns<Buffer>;
