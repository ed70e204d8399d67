-- Folds pending blocks into a site's segments: swaps the manifest entries of the days compacted and drops the
-- pending entries folded in, atomically, provided nobody else changed either meanwhile.
-- KEYS: 1 manifest, 2 pending stream, 3 garbage sorted set
-- ARGV: 1 floor expected now ('' for none), 2 new floor, 3 smallest id to keep in the stream, 4 when replaced segments
--       may be deleted (epoch ms), 5 number of days k, then k times (day, expected value, new value), then the keys of
--       the replaced segments
-- Answers {'conflict'} (nothing written) or {'ok', pending entries left}.
local floor = redis.call('HGET', KEYS[1], 'floor') or ''
if floor ~= ARGV[1] then
  return {'conflict'}
end
local k = tonumber(ARGV[5])
for i = 0, k - 1 do
  local day = ARGV[6 + 3 * i]
  local current = redis.call('HGET', KEYS[1], day) or ''
  if current ~= ARGV[7 + 3 * i] then
    return {'conflict'}
  end
end
for i = 0, k - 1 do
  local day = ARGV[6 + 3 * i]
  local value = ARGV[8 + 3 * i]
  if value == '' then
    redis.call('HDEL', KEYS[1], day)
  else
    redis.call('HSET', KEYS[1], day, value)
  end
end
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'floor', ARGV[2])
  redis.call('XTRIM', KEYS[2], 'MINID', ARGV[3])
end
for i = 6 + 3 * k, #ARGV do
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[i])
end
return {'ok', redis.call('XLEN', KEYS[2])}
