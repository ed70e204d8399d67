-- Stores one batch of a site's events, all or nothing (docs/data-model.md, "Write path" and "Dedupe").
-- KEYS: 1 fingerprint table of the current dedupe generation, 2 of the previous one, 3 pending stream, 4 counts
--       hash of the hour, 5 bytes stored on the day of arrival, 6 and 7 the flat fingerprint hashes of the current
--       and previous generation that the upgrade from the earlier release copied (read only)
-- ARGV: 1 dedupe expiry (epoch ms), 2 counts and bytes expiry (epoch ms), 3 bytes a site may store per day of
--       arrival, 4 and 5 the versions of the two tables the batch was worked out against (0: no table),
--       6 fingerprint count n, then n fingerprints; the current table's changed buckets: a count m, m field/text
--       pairs, a count e, e fields now empty; its new level, split and count; then per block: epoch day, events,
--       block bytes
-- Answers {'changed'} (a table is not at the version read; nothing written), {'recorded', i...} (1-based positions
-- of fingerprints the copied hashes hold; nothing written), {'quota'} (the site's bytes of the day would pass the
-- bound; nothing written) or {'ok'}.
-- The caller worked out which fingerprints the tables hold and what the batch changes in the current one; checking
-- the versions here makes that and the write one atomic step. A script's writes are not undone when a later
-- command fails, so every key is checked before anything is written.
local expected = {'hash', 'hash', 'stream', 'hash', 'string', 'hash', 'hash'}
for k = 1, 7 do
  local kind = redis.call('TYPE', KEYS[k])['ok']
  if kind ~= 'none' and kind ~= expected[k] then
    return redis.error_reply('WRONGTYPE ' .. KEYS[k] .. ' holds a ' .. kind)
  end
end
for k = 1, 2 do
  if (tonumber(redis.call('HGET', KEYS[k], 'v')) or 0) ~= tonumber(ARGV[3 + k]) then
    return {'changed'}
  end
end

local n = tonumber(ARGV[6])
local chunk = 1000
local found = {}
for k = 6, 7 do
  if redis.call('EXISTS', KEYS[k]) == 1 then
    for from = 1, n, chunk do
      local to = math.min(n, from + chunk - 1)
      local got = redis.call('HMGET', KEYS[k], unpack(ARGV, 6 + from, 6 + to))
      for j = 1, #got do
        if got[j] then
          found[#found + 1] = from + j - 1
        end
      end
    end
  end
end
if #found > 0 then
  local reply = {'recorded'}
  for i = 1, math.min(#found, 7000) do
    reply[#reply + 1] = found[i]
  end
  return reply
end

local written = 8 + n
local m = tonumber(ARGV[written - 1])
local empties = written + 2 * m + 1
local e = tonumber(ARGV[empties - 1])
local layout = empties + e
local blocks = layout + 3

local bytes = 0
for g = blocks, #ARGV, 3 do
  bytes = bytes + #ARGV[g + 2]
end
if (tonumber(redis.call('GET', KEYS[5])) or 0) + bytes > tonumber(ARGV[3]) then
  return {'quota'}
end

for from = written, written + 2 * m - 1, 2 * chunk do
  redis.call('HSET', KEYS[1], unpack(ARGV, from, math.min(written + 2 * m - 1, from + 2 * chunk - 1)))
end
for from = empties, empties + e - 1, chunk do
  redis.call('HDEL', KEYS[1], unpack(ARGV, from, math.min(empties + e - 1, from + chunk - 1)))
end
redis.call('HSET', KEYS[1], 'level', ARGV[layout], 'split', ARGV[layout + 1], 'count', ARGV[layout + 2])
redis.call('HINCRBY', KEYS[1], 'v', 1)
redis.call('PEXPIREAT', KEYS[1], ARGV[1])

local stored = 0
for g = blocks, #ARGV, 3 do
  redis.call('XADD', KEYS[3], '*', 'd', ARGV[g], 'n', ARGV[g + 1], 'b', ARGV[g + 2])
  stored = stored + tonumber(ARGV[g + 1])
end
if stored > 0 then
  redis.call('HINCRBY', KEYS[4], 'stored', stored)
  redis.call('PEXPIREAT', KEYS[4], ARGV[2])
  redis.call('INCRBY', KEYS[5], bytes)
  redis.call('PEXPIREAT', KEYS[5], ARGV[2])
end
return {'ok'}
