import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';

/**
 * Lua scripts that make presence reads and writes atomic: a read never sees a heartbeat without its
 * metadata (or the reverse), and stale entries are pruned in the same step that reads.
 *
 * Layout per presence key (see redis-backend.ts): KEYS[1] = sorted set user → last heartbeat (ms),
 * KEYS[2] = hash user → "<joinedAt>|<meta json>", KEYS[3] = the tenant's set of live presence keys,
 * KEYS[4] = hash of pruned-but-not-yet-announced users ("gone"). Any read may prune; only `sweep`
 * drains "gone", so every stale user is announced as a leave exactly once, whoever pruned it.
 */

// Moves members whose last heartbeat is older than `cutoff` to "gone"; returns how many.
// HMGET/HDEL are chunked because Lua's unpack() has a stack limit (~8000 values).
const PRUNE = `
local function each_chunk(list, fn)
  for i = 1, #list, 500 do
    local chunk = {}
    for j = i, math.min(i + 499, #list) do chunk[#chunk + 1] = list[j] end
    fn(chunk)
  end
end
local function prune(cutoff)
  local stale = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. cutoff)
  if #stale == 0 then return 0 end
  each_chunk(stale, function(chunk)
    local values = redis.call('HMGET', KEYS[2], unpack(chunk))
    for k = 1, #chunk do
      if values[k] then redis.call('HSET', KEYS[4], chunk[k], values[k]) end
    end
    redis.call('HDEL', KEYS[2], unpack(chunk))
    redis.call('ZREM', KEYS[1], unpack(chunk))
  end)
  return #stale
end
local function touch(ttl)
  redis.call('PEXPIRE', KEYS[1], ttl)
  redis.call('PEXPIRE', KEYS[2], ttl)
  redis.call('PEXPIRE', KEYS[4], ttl)
end
`;

// ARGV: user, now, cutoff, meta json, ttl ms, encoded key. Returns joinedAt.
const JOIN = `${PRUNE}
prune(ARGV[3])
local user, now = ARGV[1], ARGV[2]
redis.call('HDEL', KEYS[4], user) -- back before anyone announced the leave: no leave
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

// ARGV: user. Returns the stored value (also of a pruned, not yet announced user) or false.
const LEAVE = `
local prev = redis.call('HGET', KEYS[2], ARGV[1]) or redis.call('HGET', KEYS[4], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[4], ARGV[1])
redis.call('ZREM', KEYS[1], ARGV[1])
return prev
`;

// ARGV: user, now, cutoff, ttl ms. Returns 1 if the user is (still) joined, else 0.
const HEARTBEAT = `${PRUNE}
prune(ARGV[3])
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[1])
touch(ARGV[4])
redis.call('PEXPIRE', KEYS[3], ARGV[4])
return 1
`;

// ARGV: cutoff. Returns {member, value, …} of live members, oldest heartbeat first.
const LIST = `${PRUNE}
prune(ARGV[1])
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

// ARGV: cutoff. Returns {live count, number pruned now}.
const COUNT = `${PRUNE}
local removed = prune(ARGV[1])
return {redis.call('ZCARD', KEYS[1]), removed}
`;

// ARGV: cutoff, encoded key. Prunes, then drains "gone": returns {pruned now, member, value, …}.
// Forgets the key in the index when nobody is left.
const SWEEP = `${PRUNE}
local pruned = prune(ARGV[1])
local gone = redis.call('HGETALL', KEYS[4])
redis.call('DEL', KEYS[4])
if redis.call('ZCARD', KEYS[1]) == 0 then redis.call('SREM', KEYS[3], ARGV[2]) end
table.insert(gone, 1, pruned)
return gone
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
