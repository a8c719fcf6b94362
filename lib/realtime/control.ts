/**
 * The sidecar's control channel: a Redis pub/sub channel on which the app tells every sidecar node
 * to cut a tenant's open sockets (a suspended or deleted tenant). Each node disconnects its own
 * sockets whose VERIFIED token names that tenant; a new connection then needs a new token, which the
 * token route refuses while the tenant is suspended. Without Redis there is no channel between the
 * app and the sidecar: open sockets then last until they drop, and no new one is admitted.
 * Tests: tests/realtime/control.test.ts.
 */
import type { Redis } from 'ioredis';

export type ControlMessage = { type: 'tenant.disconnect'; tenantId: string };

export function controlChannel(prefix: string): string {
  return `${prefix}:control`;
}

export function parseControlMessage(raw: string): ControlMessage | null {
  try {
    const value = JSON.parse(raw) as Partial<ControlMessage> | null;
    if (value?.type === 'tenant.disconnect' && typeof value.tenantId === 'string' && value.tenantId.length <= 128)
      return { type: value.type, tenantId: value.tenantId };
  } catch {
    // Not ours: ignored.
  }
  return null;
}

export async function publishTenantDisconnect(redis: Redis, prefix: string, tenantId: string): Promise<number> {
  const message: ControlMessage = { type: 'tenant.disconnect', tenantId };
  return redis.publish(controlChannel(prefix), JSON.stringify(message));
}
