-- Stores one batch of a site's events, all or nothing (docs/data-model.md, "Write path" and "Dedupe").
-- KEYS: 1 fingerprint table of the current dedupe generation, 2 of the previous one, 3 pending stream, 4 counts
--       hash of the hour, 5 bytes stored on the day of arrival, 6 and 7 the flat fingerprint hashes of the current
--       and previous generation that the upgrade from the earlier release copied (read only)
-- ARGV: 1 dedupe expiry (epoch ms), 2 counts and bytes expiry (epoch ms), 3 bytes a site may store per day of
--       arrival, 4 fingerprint count n, 5..4+n fingerprints (distinct), then per block: epoch day, events, block bytes
-- Answers {'recorded', i...} (1-based positions of fingerprints already claimed; nothing written), {'quota'} (the
-- site's bytes of the day would pass the bound; nothing written) or {'ok'}.
-- A script's writes are not undone when a later command fails, so every key is checked before anything is written.
--
-- A generation's fingerprints are a linear hash table: the hash KEYS[k] holds its 'level' and 'split', and bucket b
-- is the hash KEYS[k]..':'..b. A fingerprint's bucket is its hash modulo 2^level, or modulo 2^(level+1) when that is
-- below 'split'. Before the table would hold more than LOAD fingerprints per bucket, bucket 'split' is split in
-- two. So buckets stay small enough for Redis' compact hash encoding (listpack, up to 128 fields by default), where
-- a fingerprint costs about 20 bytes instead of about 70 in one large hash, and a lookup reads one small bucket.
local LOAD = 48
local expected = {'hash', 'hash', 'stream', 'hash', 'string', 'hash', 'hash'}
for k = 1, 7 do
  local kind = redis.call('TYPE', KEYS[k])['ok']
  if kind ~= 'none' and kind ~= expected[k] then
    return redis.error_reply('WRONGTYPE ' .. KEYS[k] .. ' holds a ' .. kind)
  end
end

local digit = {}
local alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
for i = 1, 64 do
  digit[string.byte(alphabet, i)] = i - 1
end
-- 30 bits from the first five characters of a fingerprint (base64url of a hash, so uniform)
local function hash(fingerprint)
  local h = 0
  for i = 1, 5 do
    h = h * 64 + (digit[string.byte(fingerprint, i)] or 0)
  end
  return h
end
local function bucket(h, level, split)
  local b = h % 2 ^ level
  if b < split then
    b = h % 2 ^ (level + 1)
  end
  return b
end
-- the table's level and split, or nil when the generation has no fingerprints yet
local function layout(key)
  local v = redis.call('HMGET', key, 'level', 'split')
  if not v[1] then
    return nil
  end
  return tonumber(v[1]), tonumber(v[2])
end
-- positions 1..n grouped by bucket: {bucket = {position...}}
local function grouped(n, level, split)
  local groups = {}
  for i = 1, n do
    local b = bucket(hash(ARGV[4 + i]), level, split)
    local group = groups[b]
    if not group then
      group = {}
      groups[b] = group
    end
    group[#group + 1] = i
  end
  return groups
end

local n = tonumber(ARGV[4])
local found = {}
for k = 1, 2 do
  local level, split = layout(KEYS[k])
  if level then
    for b, positions in pairs(grouped(n, level, split)) do
      local fields = {}
      for j = 1, #positions do
        fields[j] = ARGV[4 + positions[j]]
      end
      local got = redis.call('HMGET', KEYS[k] .. ':' .. b, unpack(fields))
      for j = 1, #got do
        if got[j] then
          found[#found + 1] = positions[j]
        end
      end
    end
  end
end
local chunk = 1000
for k = 6, 7 do
  if redis.call('EXISTS', KEYS[k]) == 1 then
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

if n > 0 then
  local level, split = layout(KEYS[1])
  level = level or 0
  split = split or 0
  local count = (tonumber(redis.call('HGET', KEYS[1], 'count')) or 0) + n
  -- split first, so the new fingerprints go straight to their final bucket and no bucket ever grows large
  while count > LOAD * (2 ^ level + split) do
    local half = 2 ^ level
    local from = KEYS[1] .. ':' .. split
    local moving = {}
    for _, fingerprint in ipairs(redis.call('HKEYS', from)) do
      if math.floor(hash(fingerprint) / half) % 2 == 1 then
        moving[#moving + 1] = fingerprint
      end
    end
    if #moving > 0 then
      local to = KEYS[1] .. ':' .. (split + half)
      local fields = {}
      for j = 1, #moving do
        fields[#fields + 1] = moving[j]
        fields[#fields + 1] = '1'
      end
      redis.call('HSET', to, unpack(fields))
      redis.call('PEXPIREAT', to, ARGV[1])
      redis.call('HDEL', from, unpack(moving))
    end
    split = split + 1
    if split == half then
      level = level + 1
      split = 0
    end
  end
  for b, positions in pairs(grouped(n, level, split)) do
    local key = KEYS[1] .. ':' .. b
    local fields = {}
    for j = 1, #positions do
      fields[#fields + 1] = ARGV[4 + positions[j]]
      fields[#fields + 1] = '1'
    end
    redis.call('HSET', key, unpack(fields))
    redis.call('PEXPIREAT', key, ARGV[1])
  end
  redis.call('HSET', KEYS[1], 'level', level, 'split', split, 'count', count)
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
