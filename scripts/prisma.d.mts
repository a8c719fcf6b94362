// Types for scripts/prisma.mjs.
import type { SpawnSyncOptions, SpawnSyncReturns } from 'node:child_process';
export const STAND_IN_ENGINE: string;
export function findNativeEngine(env?: NodeJS.ProcessEnv): string | null;
export function prismaEnv(env?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
export function runPrisma(args: string[], options?: SpawnSyncOptions): SpawnSyncReturns<Buffer>;
