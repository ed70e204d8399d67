-- Stores one batch of a site's events, all or nothing (docs/data-model.md, "Write path").
-- KEYS: 1 dedupe hash of the current generation, 2 of the previous one, 3 pending stream, 4 counts hash of the hour,
--       5 bytes stored on the day of arrival
-- ARGV: 1 dedupe expiry (epoch ms), 2 counts and bytes expiry (epoch ms), 3 bytes a site may store per day of
--       arrival, 4 fingerprint count n, 5..4+n fingerprints, then per block: epoch day, events, block bytes
-- Answers {'recorded', i...} (1-based positions of fingerprints already claimed; nothing written), {'quota'} (the
-- site's bytes of the day would pass the bound; nothing written) or {'ok'}.
-- A script's writes are not undone when a later command fails, so every key is checked before anything is written.
local expected = {'hash', 'hash', 'stream', 'hash', 'string'}
for k = 1, 5 do
  local kind = redis.call('TYPE', KEYS[k])['ok']
  if kind ~= 'none' and kind ~= expected[k] then
    return redis.error_reply('WRONGTYPE ' .. KEYS[k] .. ' holds a ' .. kind)
  end
end
local n = tonumber(ARGV[4])
local chunk = 1000
local found = {}
for k = 1, 2 do
  for from = 1, n, chunk do
    local to = math.min(n, from + chunk - 1)
    local got = redis.call('HMGET', KEYS[k], unpack(ARGV, 4 + from, 4 + to))
    for j = 1, #got do
      if got[j] then
        found[#found + 1] = from + j - 1
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
local bytes = 0
for g = 5 + n, #ARGV, 3 do
  bytes = bytes + #ARGV[g + 2]
end
if (tonumber(redis.call('GET', KEYS[5])) or 0) + bytes > tonumber(ARGV[3]) then
  return {'quota'}
end
for from = 1, n, chunk do
  local to = math.min(n, from + chunk - 1)
  local fields = {}
  for i = from, to do
    fields[#fields + 1] = ARGV[4 + i]
    fields[#fields + 1] = '1'
  end
  redis.call('HSET', KEYS[1], unpack(fields))
end
if n > 0 then
  redis.call('PEXPIREAT', KEYS[1], ARGV[1])
end
local stored = 0
for g = 5 + n, #ARGV, 3 do
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
