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
-- A generation's fingerprints are a linear hash table inside the one hash KEYS[k]: field b (a decimal number) is
-- bucket b, the fingerprints of the bucket concatenated (16 characters each); fields 'level', 'split' and 'count'
-- are the table's layout. A fingerprint's bucket is its hash modulo 2^level, or modulo 2^(level+1) when that is below
-- 'split'. Before a batch would bring the table past LOAD fingerprints per bucket, buckets are split in two, bucket
-- 'split' first. A field then carries a couple of dozen fingerprints, so the hash's own cost per field (about 70
-- bytes) is shared by them, and every step reads or writes all the buckets it needs in one command.
local LOAD = 24
local MAX_LEVEL = 24
local WIDTH = 16
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
-- 24 bits from the four characters at position at of a text of fingerprints (base64url of a hash, so uniform)
local function hash(text, at)
  local a, b, c, d = string.byte(text, at, at + 3)
  return ((digit[a] * 64 + digit[b]) * 64 + digit[c]) * 64 + digit[d]
end
local function bucket(h, level, split)
  local size = 2 ^ level
  local b = h % size
  if b < split then
    b = h % (size * 2)
  end
  return b
end
-- whether a bucket's text holds the fingerprint at one of its 16-character places
local function holds(text, fingerprint)
  local at = string.find(text, fingerprint, 1, true)
  while at do
    if at % WIDTH == 1 then
      return true
    end
    at = string.find(text, fingerprint, at + 1, true)
  end
  return false
end
-- the values of some fields: {field = value, or false when absent}
local function read(key, fields, into)
  for from = 1, #fields, 1000 do
    local to = math.min(#fields, from + 999)
    local got = redis.call('HMGET', key, unpack(fields, from, to))
    for j = 1, #got do
      into[fields[from + j - 1]] = got[j]
    end
  end
  return into
end

local n = tonumber(ARGV[4])
local found = {}
-- the current table as the lookup left it: level, split, count and the buckets read
local level, split, count, buckets = 0, 0, 0, {}
for k = 1, 2 do
  local layout = redis.call('HMGET', KEYS[k], 'level', 'split', 'count')
  if layout[1] then
    local l, s = tonumber(layout[1]), tonumber(layout[2])
    local of, fields, asked = {}, {}, {}
    for i = 1, n do
      local b = bucket(hash(ARGV[4 + i], 1), l, s)
      of[i] = b
      if not asked[b] then
        asked[b] = true
        fields[#fields + 1] = b
      end
    end
    local values = read(KEYS[k], fields, {})
    for i = 1, n do
      local text = values[of[i]]
      if text and holds(text, ARGV[4 + i]) then
        found[#found + 1] = i
      end
    end
    if k == 1 then
      level, split, count, buckets = l, s, tonumber(layout[3]), values
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
  -- the splits the batch needs, in order: {source, target, level}
  local plan = {}
  while count + n > LOAD * (2 ^ level + split) and level < MAX_LEVEL do
    plan[#plan + 1] = {split, split + 2 ^ level, level}
    split = split + 1
    if split == 2 ^ level then
      level = level + 1
      split = 0
    end
  end
  local missing, asked = {}, {}
  for _, step in ipairs(plan) do
    if buckets[step[1]] == nil and not asked[step[1]] then
      asked[step[1]] = true
      missing[#missing + 1] = step[1]
    end
  end
  read(KEYS[1], missing, buckets)
  local changed = {}
  for _, step in ipairs(plan) do
    local text, size = buckets[step[1]] or '', 2 ^ step[3]
    local stay, move = {}, {}
    for at = 1, #text, WIDTH do
      local side = math.floor(hash(text, at) / size) % 2 == 1 and move or stay
      side[#side + 1] = string.sub(text, at, at + WIDTH - 1)
    end
    buckets[step[1]] = table.concat(stay)
    buckets[step[2]] = table.concat(move)
    changed[step[1]] = true
    changed[step[2]] = true
  end
  -- then each new fingerprint goes to its bucket in the final layout
  local adds, order = {}, {}
  for i = 1, n do
    local b = bucket(hash(ARGV[4 + i], 1), level, split)
    local list = adds[b]
    if not list then
      list = {}
      adds[b] = list
      order[#order + 1] = b
    end
    list[#list + 1] = ARGV[4 + i]
  end
  missing = {}
  for _, b in ipairs(order) do
    if buckets[b] == nil then
      missing[#missing + 1] = b
    end
  end
  read(KEYS[1], missing, buckets)
  for _, b in ipairs(order) do
    buckets[b] = (buckets[b] or '') .. table.concat(adds[b])
    changed[b] = true
  end
  local writes, empty = {}, {}
  for b in pairs(changed) do
    if buckets[b] == '' then
      empty[#empty + 1] = b
    else
      writes[#writes + 1] = b
      writes[#writes + 1] = buckets[b]
    end
  end
  for from = 1, #writes, 2000 do
    redis.call('HSET', KEYS[1], unpack(writes, from, math.min(#writes, from + 1999)))
  end
  for from = 1, #empty, 1000 do
    redis.call('HDEL', KEYS[1], unpack(empty, from, math.min(#empty, from + 999)))
  end
  redis.call('HSET', KEYS[1], 'level', level, 'split', split, 'count', count + n)
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
