import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Lua scripts that make presence reads and writes atomic: a read never sees a heartbeat without its
 * metadata (or the reverse), and stale entries are pruned in the same step that reads.
 *
 * Layout per presence key (see redis-backend.ts): KEYS[1] = sorted set user → last heartbeat (ms),
 * KEYS[2] = hash user → "<joinedAt>|<meta json>", KEYS[3] = the tenant's set of live presence keys.
 */

// Prunes members whose last heartbeat is older than `cutoff`; returns {member, value, …} pairs.
// HMGET/HDEL are chunked because Lua's unpack() has a stack limit (~8000 values).
const PRUNE = `
local function each_chunk(list, fn)
  for i = 1, #list, 500 do
    local chunk = {}
    for j = i, math.min(i + 499, #list) do chunk[#chunk + 1] = list[j] end
    fn(chunk)
  end
end
local function prune(hb, meta, cutoff)
  local stale = redis.call('ZRANGEBYSCORE', hb, '-inf', '(' .. cutoff)
  local out = {}
  if #stale == 0 then return out end
  each_chunk(stale, function(chunk)
    local values = redis.call('HMGET', meta, unpack(chunk))
    for k = 1, #chunk do out[#out + 1] = chunk[k]; out[#out + 1] = values[k] or '' end
    redis.call('HDEL', meta, unpack(chunk))
    redis.call('ZREM', hb, unpack(chunk))
  end)
  return out
end
local function touch(ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
end
`;

// ARGV: user, now, cutoff, meta json, ttl ms, encoded key. Returns joinedAt.
const JOIN = `${PRUNE}
prune(KEYS[1], KEYS[2], ARGV[3])
local user, now = ARGV[1], ARGV[2]
local joined = now
local prev = redis.call('HGET', KEYS[2], user)
if prev then joined = string.match(prev, '^(%d+)|') or now end
redis.call('ZADD', KEYS[1], now, user)
redis.call('HSET', KEYS[2], user, joined .. '|' .. ARGV[4])
touch(ARGV[5])
redis.call('SADD', KEYS[3], ARGV[6])
redis.call('PEXPIRE', KEYS[3], ARGV[5])
return joined
`;

// ARGV: user. Returns the stored value or false.
const LEAVE = `
local prev = redis.call('HGET', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return prev
`;

// ARGV: user, now, cutoff, ttl ms. Returns 1 if the user is (still) joined, else 0.
const HEARTBEAT = `${PRUNE}
prune(KEYS[1], KEYS[2], ARGV[3])
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
touch(ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1
`;

// ARGV: cutoff. Returns {member, value, …} of live members, oldest heartbeat first.
const LIST = `${PRUNE}
prune(KEYS[1], KEYS[2], ARGV[1])
local members = redis.call('ZRANGE', KEYS[1], 0, -1)
local out = {}
each_chunk(members, function(chunk)
  local values = redis.call('HMGET', KEYS[2], unpack(chunk))
  for k = 1, #chunk do
    if values[k] then out[#out + 1] = chunk[k]; out[#out + 1] = values[k] end
  end
end)
return out
`;

// ARGV: cutoff. Returns the live count.
const COUNT = `${PRUNE}
prune(KEYS[1], KEYS[2], ARGV[1])
return redis.call('ZCARD', KEYS[1])
`;

// ARGV: cutoff, encoded key. Returns removed {member, value, …}; forgets the key when it is empty.
const SWEEP = `${PRUNE}
local removed = prune(KEYS[1], KEYS[2], ARGV[1])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
return removed
`;

class LuaScript {
  private readonly sha: string;
  constructor(private readonly source: string) {
    this.sha = createHash('sha1').update(source).digest('hex');
  }

  async run(redis: Redis, keys: string[], args: (string | number)[]): Promise<unknown> {
    try {
      return await redis.evalsha(this.sha, keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(this.source, keys.length, ...keys, ...args);
    }
  }
}

export const scripts = {
  join: new LuaScript(JOIN),
  leave: new LuaScript(LEAVE),
  heartbeat: new LuaScript(HEARTBEAT),
  list: new LuaScript(LIST),
  count: new LuaScript(COUNT),
  sweep: new LuaScript(SWEEP),
};
