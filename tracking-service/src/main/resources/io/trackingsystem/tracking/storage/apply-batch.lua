-- Writes one batch of one site's events, already accounted in Java (BatchAccounting), in one atomic step.
-- First it checks that everything the accounting read still holds: no event id got recorded, no session state it
-- read changed, and each breakdown / property set is still in the state its limit decision assumed. If anything
-- moved, it writes nothing and answers CONFLICT, and the caller reads and accounts the batch again. Then it
-- writes: plain loops over flat arguments, no string building, no per-event tables.
--
-- KEYS: dedupe hash (current generation), dedupe hash (previous), session states (current), session states
-- (previous). ARGV: see ApplyArguments.java for the layout. Replies {'OK'} or {'CONFLICT', reason, keys...}.
local dedupeTtl, stateTtl, exactCap = ARGV[1], ARGV[2], tonumber(ARGV[3])
local a = 4

-- ---------------------------------------------------------------- checks, before any write
local ids = tonumber(ARGV[a])
local idsFrom = a + 1
a = idsFrom + ids
if ids > 0 then
    for k = 1, 2 do
        local found = redis.call('HMGET', KEYS[k], unpack(ARGV, idsFrom, a - 1))
        for i = 1, ids do
            if found[i] then return { 'CONFLICT', 'recorded' } end
        end
    end
end

local fields = tonumber(ARGV[a])
a = a + 1
local fieldsFrom = a
if fields > 0 then
    local now = redis.call('HMGET', KEYS[3], unpack(ARGV, a, a + fields - 1))
    local before = redis.call('HMGET', KEYS[4], unpack(ARGV, a, a + fields - 1))
    local expected = a + fields - 1
    for i = 1, fields do
        if (now[i] or before[i] or '') ~= ARGV[expected + i] then return { 'CONFLICT', 'session' } end
    end
end
a = a + 2 * fields

local guards = tonumber(ARGV[a])
a = a + 1
local crowded = { 'CONFLICT', 'limit' }
for _ = 1, guards do
    local size = redis.call(ARGV[a] == 'z' and 'ZCARD' or 'SCARD', ARGV[a + 1])
    if size < tonumber(ARGV[a + 2]) or size > tonumber(ARGV[a + 3]) then crowded[#crowded + 1] = ARGV[a + 1] end
    a = a + 4
end
if #crowded > 2 then return crowded end

local rawGroups = tonumber(ARGV[a])
a = a + 1
local rawFrom = a
for _ = 1, rawGroups do
    local kind = redis.call('TYPE', ARGV[a]).ok
    if kind ~= 'stream' and kind ~= 'none' then
        return redis.error_reply('WRONGTYPE raw event key ' .. ARGV[a] .. ' is a ' .. kind)
    end
    a = a + 3 + tonumber(ARGV[a + 2])
end

-- ---------------------------------------------------------------- writes
-- raw events: (key, expireAt, n, value * n) per day
a = rawFrom
for _ = 1, rawGroups do
    local key, n = ARGV[a], tonumber(ARGV[a + 2])
    for i = a + 3, a + 2 + n do
        redis.call('XADD', key, '*', 'e', ARGV[i])
    end
    redis.call('PEXPIREAT', key, ARGV[a + 1])
    a = a + 3 + n
end

-- the batch's ids, claimed with its effects
if ids > 0 then
    local claims = {}
    for i = 0, ids - 1 do
        claims[2 * i + 1] = ARGV[idsFrom + i]
        claims[2 * i + 2] = ''
    end
    redis.call('HSET', KEYS[1], unpack(claims))
    redis.call('PEXPIRE', KEYS[1], dedupeTtl)
end

-- session states: n, state * n, for the first n fields of the check above
local states = tonumber(ARGV[a])
if states > 0 then
    local values = {}
    for i = 1, states do
        values[2 * i - 1] = ARGV[fieldsFrom + i - 1]
        values[2 * i] = ARGV[a + i]
    end
    redis.call('HSET', KEYS[3], unpack(values))
    redis.call('PEXPIRE', KEYS[3], stateTtl)
end
a = a + 1 + states

-- day and hour visitors: (HyperLogLog key, exact set key, totals key, overflow flag, expireAt, n, member * n).
-- The exact set stops at exactCap members: it is dropped and its bucket flagged, HyperLogLogs answer from then on
local groups = tonumber(ARGV[a])
a = a + 1
for _ = 1, groups do
    local set, totals, flag, expireAt, n = ARGV[a + 1], ARGV[a + 2], ARGV[a + 3], ARGV[a + 4], tonumber(ARGV[a + 5])
    redis.call('PFADD', ARGV[a], unpack(ARGV, a + 6, a + 5 + n))
    redis.call('PEXPIREAT', ARGV[a], expireAt)
    if redis.call('HEXISTS', totals, flag) == 0 then
        redis.call('SADD', set, unpack(ARGV, a + 6, a + 5 + n))
        if redis.call('SCARD', set) > exactCap then
            redis.call('DEL', set)
            redis.call('HSET', totals, flag, 1)
        else
            redis.call('PEXPIREAT', set, expireAt)
        end
    end
    a = a + 6 + n
end

-- hash counters (totals, minutes), then breakdowns: (key, expireAt, n, pair * n), each pair in the command's own
-- argument order: (field, increment) for HINCRBY, (increment, member) for ZINCRBY
for _, command in ipairs({ 'HINCRBY', 'ZINCRBY' }) do
    groups = tonumber(ARGV[a])
    a = a + 1
    for _ = 1, groups do
        local key, n = ARGV[a], tonumber(ARGV[a + 2])
        for i = a + 3, a + 1 + 2 * n, 2 do
            redis.call(command, key, ARGV[i], ARGV[i + 1])
        end
        redis.call('PEXPIREAT', key, ARGV[a + 1])
        a = a + 3 + 2 * n
    end
end

-- breakdown value HyperLogLogs, then property key sets: (key, expireAt, n, member * n)
for _, command in ipairs({ 'PFADD', 'SADD' }) do
    groups = tonumber(ARGV[a])
    a = a + 1
    for _ = 1, groups do
        local key, n = ARGV[a], tonumber(ARGV[a + 2])
        redis.call(command, key, unpack(ARGV, a + 3, a + 2 + n))
        redis.call('PEXPIREAT', key, ARGV[a + 1])
        a = a + 3 + n
    end
end

-- realtime visitors: n, key, trim bound, ttl, (time, visitor) * n
local live = tonumber(ARGV[a])
if live > 0 then
    local key = ARGV[a + 1]
    redis.call('ZADD', key, 'GT', unpack(ARGV, a + 4, a + 3 + 2 * live))
    redis.call('ZREMRANGEBYSCORE', key, '-inf', ARGV[a + 2])
    redis.call('PEXPIRE', key, ARGV[a + 3])
end

return { 'OK' }
