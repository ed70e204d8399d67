-- Stores one batch of one site's events atomically: dedupe, session assignment, raw append and every roll-up.
-- Because the whole batch is one script, an event is either fully counted or not at all, and its id is recorded
-- in the same step: a redelivered event is recognised and changes nothing.
--
-- Pass 1 only reads (dedupe ids, session states, key types), so an error there leaves no trace. Pass 2 writes.
-- Layout of KEYS and ARGV: see EventStore.java. Key names: see TrackingKeys.java and docs/data-model.md.
-- The hot loop avoids string building, function calls and new tables per event: Lua is the throughput limit.
local P = ARGV[1]
local now = tonumber(ARGV[2])
local idle = tonumber(ARGV[3])
local stateTtl = tonumber(ARGV[4])
local rawTtl = tonumber(ARGV[5])
local rollupTtl = tonumber(ARGV[6])
local valueCap = tonumber(ARGV[7])
local exactCap = tonumber(ARGV[8])
local dedupeTtl = tonumber(ARGV[9])
local propertyKeyCap = tonumber(ARGV[10])
local F = tonumber(ARGV[11])
local FIRST = 12
local n = (#ARGV - FIRST + 1) / F

local DAY, HOUR, MINUTE = 86400000, 3600000, 60000
local LIVE_WINDOW = 30 * MINUTE
local SEP, RS = '\031', '\030'
local OTHER, DIRECT = '(other)', '(direct)'
local SEEN_LIMIT = 64 * 8
local SESSION_DIMS = { 'referrer', 'utmSource', 'utmMedium', 'utmCampaign', 'utmTerm', 'utmContent' }
local DEVICE_DIMS = { 'browser', 'os', 'device', 'screen', 'language' }
-- event fields, offsets from the event's first argument
local A_FP, A_TS, A_DAY, A_HOUR, A_NAME, A_VH, A_STATE, A_SID, A_NEWSID, A_PATH, A_ATTRS = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
local A_DEVICE, A_TOKENS, A_PROPS, A_HEAD, A_TAIL = 10, 16, 17, 18, 19
-- session state, fields separated by RS: sid, startTs, first, last, pageviews, events, startDay, startHour,
-- entry page, exit page, exit time, session attributes (SESSION_DIMS joined by SEP), seen tokens
local STATE_PATTERN = '^([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)\030'
    .. '([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)\030([^\030]*)$'
local gen = math.floor(now / stateTtl)
local STATE_NOW, STATE_PREVIOUS = P .. ':s:' .. gen, P .. ':s:' .. (gen - 1)

-- ---------------------------------------------------------------- pass 1: reads
local base = {}
local fps, fields = {}, {}
for i = 1, n do
    local b = FIRST + (i - 1) * F
    base[i] = b
    fps[i] = ARGV[b + A_FP]
    fields[i] = ARGV[b + A_STATE]
end
local inCurrent = redis.call('HMGET', KEYS[1], unpack(fps))
local inPrevious = redis.call('HMGET', KEYS[2], unpack(fps))
local stNow = redis.call('HMGET', STATE_NOW, unpack(fields))
local stPrev = redis.call('HMGET', STATE_PREVIOUS, unpack(fields))

local duplicate, batchIds = {}, {}
local rawKeys = {}
for i = 1, n do
    local fp = fps[i]
    if inCurrent[i] or inPrevious[i] or batchIds[fp] then
        duplicate[i] = true
    else
        batchIds[fp] = true
        local day = ARGV[base[i] + A_DAY]
        if not rawKeys[day] then
            local key = P .. ':raw:' .. day
            local kind = redis.call('TYPE', key).ok
            if kind ~= 'stream' and kind ~= 'none' then
                return redis.error_reply('WRONGTYPE raw event key ' .. key .. ' is a ' .. kind)
            end
            rawKeys[day] = key
        end
    end
end

local states = {}
for i = 1, n do
    local field = fields[i]
    if not duplicate[i] and states[field] == nil then
        local s = stNow[i] or stPrev[i]
        local st = false
        if s then
            local sid, startTs, first, last, pvs, evs, sday, shour, entry, exit, exitTs, attrs, seen =
                string.match(s, STATE_PATTERN)
            if sid then
                st = { sid, tonumber(startTs), tonumber(first), tonumber(last), tonumber(pvs), tonumber(evs),
                       sday, shour, entry, exit, tonumber(exitTs), attrs, seen }
            end
        end
        states[field] = st
    end
end

-- per-day and per-hour contexts, built once per batch, so the loop below rarely builds strings
local days, hours = {}, {}
local function dayContext(day, dayStart)
    local d = days[day]
    if not d then
        d = { totals = P .. ':t:' .. day, start = dayStart, rows = {}, visitors = {} }
        days[day] = d
    end
    return d
end
local function hourContext(day, hour)
    local key = day .. hour
    local h = hours[key]
    if not h then
        h = { day = day, hour = hour, e = 'e:' .. hour, p = 'p:' .. hour, s = 's:' .. hour, b = 'b:' .. hour,
              d = 'd:' .. hour, visitors = {}, minutes = {} }
        hours[key] = h
    end
    return h
end
local function rowsOf(d, dim)
    local r = d.rows[dim]
    if not r then r = {}; d.rows[dim] = r end
    return r
end
-- a breakdown row: { visits, pageviews, events, visitor set or false }
local function rowOf(rows, value)
    local r = rows[value]
    if not r then r = { 0, 0, 0, false }; rows[value] = r end
    return r
end
local function visit(r, vh, by)
    r[1] = r[1] + by
    if vh then
        if not r[4] then r[4] = {} end
        r[4][vh] = true
    end
end

-- counts an event on its row; the first time the session meets the row's value, also a visit
local function eventRow(r, pv, vh, seen, token)
    r[3] = r[3] + 1
    if pv then r[2] = r[2] + 1 end
    if #seen < SEEN_LIMIT and not string.find(seen, token, 1, true) then
        visit(r, vh, 1)
        return seen .. token
    end
    return seen
end

local propertyIndex = {}
local function admitProperty(day, key)
    local known = propertyIndex[day]
    if not known then
        local index = P .. ':pk:' .. day
        known = { key = index, verdicts = {}, size = redis.call('SCARD', index), added = {} }
        propertyIndex[day] = known
    end
    local verdict = known.verdicts[key]
    if verdict == nil then
        if redis.call('SISMEMBER', known.key, key) == 1 then
            verdict = 'property:' .. key
        elseif known.size < propertyKeyCap then
            verdict = 'property:' .. key
            known.size = known.size + 1
            known.added[#known.added + 1] = key
        else
            verdict = false
        end
        known.verdicts[key] = verdict
    end
    return verdict
end

local totals = {}
local function count(key, field, by)
    local t = totals[key]
    if not t then t = {}; totals[key] = t end
    t[field] = (t[field] or 0) + by
end

local sids, dirty, live = {}, {}, {}
local rawOrder, rawValue = {}, {}
for i = 1, n do
    if duplicate[i] then
        sids[i] = ''
    else
        local b = base[i]
        local ts = tonumber(ARGV[b + A_TS])
        local day, hour = ARGV[b + A_DAY], ARGV[b + A_HOUR]
        local d = dayContext(day, ts - ts % DAY)
        local h = hourContext(day, hour)
        local name, vh, path, givenSid = ARGV[b + A_NAME], ARGV[b + A_VH], ARGV[b + A_PATH], ARGV[b + A_SID]
        local pv = name == 'pageview'
        local field = fields[i]
        local st = states[field]
        local keep = true
        if st and givenSid == '' then
            if ts < st[3] - idle then
                st, keep = false, false -- a late event far before the current session: a session of its own
            elseif ts > st[4] + idle then
                st = false
            end
        end
        if not st then
            st = { givenSid ~= '' and givenSid or ARGV[b + A_NEWSID], ts, ts, ts, 0, 0, day, hour, '', '', 0,
                   ARGV[b + A_ATTRS], '' }
            count(d.totals, h.s, 1)
            local a = 0
            for value in string.gmatch(st[12] .. SEP, '([^\031]*)\031') do
                a = a + 1
                if a == 1 and value == '' then value = DIRECT end
                if value ~= '' then visit(rowOf(rowsOf(d, SESSION_DIMS[a]), value), vh, 1) end
            end
            for k = 1, #DEVICE_DIMS do
                local value = ARGV[b + A_DEVICE + k]
                if value ~= '' then visit(rowOf(rowsOf(d, DEVICE_DIMS[k]), value), vh, 1) end
            end
        end
        if keep then
            states[field] = st
            dirty[field] = st
        end

        -- the session's bounce and duration live in its start hour and are corrected as it goes on
        local sd = dayContext(st[7], st[2] - st[2] % DAY)
        local sh = hourContext(st[7], st[8])
        local wasBounce = st[5] == 1 and st[6] == 1
        local oldDuration = st[4] - st[3]
        st[6] = st[6] + 1
        if pv then st[5] = st[5] + 1 end
        if ts < st[3] then st[3] = ts end
        if ts > st[4] then st[4] = ts end
        local isBounce = st[5] == 1 and st[6] == 1
        if wasBounce ~= isBounce then count(sd.totals, sh.b, isBounce and 1 or -1) end
        local grown = (st[4] - st[3]) - oldDuration
        if grown ~= 0 then count(sd.totals, sh.d, grown) end

        if pv and path ~= '' then
            if st[9] == '' then
                st[9] = path
                visit(rowOf(rowsOf(sd, 'entryPage'), path), vh, 1)
            end
            if ts >= st[11] then
                if st[10] ~= path then
                    if st[10] ~= '' then visit(rowOf(rowsOf(sd, 'exitPage'), st[10]), false, -1) end
                    visit(rowOf(rowsOf(sd, 'exitPage'), path), false, 1)
                    st[10] = path
                end
                st[11] = ts
            end
        end

        count(d.totals, h.e, 1)
        if pv then count(d.totals, h.p, 1) end
        h.visitors[vh] = true
        d.visitors[vh] = true

        -- breakdowns: session attributes (referrer, UTM, entry page) follow every event of the session
        local refs = st.refs
        if not refs or st.refsDay ~= day then
            refs = {}
            local a = 0
            for value in string.gmatch(st[12] .. SEP, '([^\031]*)\031') do
                a = a + 1
                if a == 1 and value == '' then value = DIRECT end
                if value ~= '' then refs[#refs + 1] = rowOf(rowsOf(d, SESSION_DIMS[a]), value) end
            end
            st.refs, st.refsDay, st.refsEntry = refs, day, ''
        end
        if st[9] ~= '' and st.refsEntry ~= st[9] then
            refs[#refs + 1] = rowOf(rowsOf(d, 'entryPage'), st[9])
            st.refsEntry = st[9]
        end
        for k = 1, #refs do
            local r = refs[k]
            r[3] = r[3] + 1
            if pv then r[2] = r[2] + 1 end
        end
        for k = 1, #DEVICE_DIMS do
            local value = ARGV[b + A_DEVICE + k]
            if value ~= '' then
                local r = rowOf(rowsOf(d, DEVICE_DIMS[k]), value)
                r[3] = r[3] + 1
                if pv then r[2] = r[2] + 1 end
            end
        end

        -- event attributes: a visit counts once per session and value, told apart by 8-character tokens
        local tokens, t = ARGV[b + A_TOKENS], 0
        if path ~= '' then
            t = 1
            st[13] = eventRow(rowOf(rowsOf(d, 'page'), path), pv, vh, st[13], string.sub(tokens, 1, 8))
        end
        t = t + 1
        st[13] = eventRow(rowOf(rowsOf(d, 'eventName'), name), pv, vh, st[13], string.sub(tokens, t * 8 - 7, t * 8))
        local props = ARGV[b + A_PROPS]
        if props ~= '' then
            local key = nil
            for part in string.gmatch(props .. SEP, '([^\031]*)\031') do
                if key == nil then
                    key = part
                else
                    t = t + 1
                    local dim = admitProperty(day, key)
                    if dim then
                        st[13] = eventRow(rowOf(rowsOf(d, dim), part), pv, vh, st[13],
                            string.sub(tokens, t * 8 - 7, t * 8))
                    end
                    key = nil
                end
            end
        end

        if ts > now - LIVE_WINDOW then
            if not live[vh] or live[vh] < ts then live[vh] = ts end
            if pv then
                local m = math.floor((ts % HOUR) / MINUTE)
                h.minutes[m] = (h.minutes[m] or 0) + 1
            end
        end

        sids[i] = st[1]
        rawOrder[#rawOrder + 1] = i
        rawValue[#rawValue + 1] = ARGV[b + A_HEAD] .. SEP .. st[1] .. SEP .. path .. SEP .. st[12] .. SEP
            .. ARGV[b + A_TAIL]
    end
end

-- ---------------------------------------------------------------- pass 2: writes
local expiry = {}
local function touch(key, at)
    if not expiry[key] or expiry[key] < at then expiry[key] = at end
end

for k = 1, #rawOrder do
    local i = rawOrder[k]
    local day = ARGV[base[i] + A_DAY]
    redis.call('XADD', rawKeys[day], '*', 'e', rawValue[k])
    touch(rawKeys[day], days[day].start + DAY + rawTtl)
end

local claimed = {}
for fp in pairs(batchIds) do claimed[#claimed + 1] = fp; claimed[#claimed + 1] = '' end
if #claimed > 0 then
    redis.call('HSET', KEYS[1], unpack(claimed))
    redis.call('PEXPIRE', KEYS[1], dedupeTtl)
end

local stateArgs = {}
for field, st in pairs(dirty) do
    stateArgs[#stateArgs + 1] = field
    stateArgs[#stateArgs + 1] = table.concat({ st[1], st[2], st[3], st[4], st[5], st[6], st[7], st[8], st[9],
                                               st[10], st[11], st[12], st[13] }, RS)
end
if #stateArgs > 0 then
    redis.call('HSET', STATE_NOW, unpack(stateArgs))
    redis.call('PEXPIRE', STATE_NOW, 2 * stateTtl)
end

local function list(set)
    local out = {}
    for m in pairs(set) do out[#out + 1] = m end
    return out
end

-- exact visitor sets stop at exactCap members: the set is dropped and its bucket flagged, HLLs answer from then on
local function exact(key, members, totalsKey, flag, at)
    if redis.call('HEXISTS', totalsKey, flag) == 0 then
        redis.call('SADD', key, unpack(members))
        if redis.call('SCARD', key) > exactCap then
            redis.call('DEL', key)
            redis.call('HSET', totalsKey, flag, 1)
        else
            touch(key, at)
        end
    end
end

for day, d in pairs(days) do
    local rollupEnd = d.start + DAY + rollupTtl
    local members = list(d.visitors)
    if #members > 0 then
        redis.call('PFADD', P .. ':ud:' .. day, unpack(members))
        touch(P .. ':ud:' .. day, rollupEnd)
        exact(P .. ':xd:' .. day, members, d.totals, 'x:d', rollupEnd)
    end
    touch(d.totals, rollupEnd)
end

for key, h in pairs(hours) do
    local d = days[h.day]
    local rollupEnd = d.start + DAY + rollupTtl
    local members = list(h.visitors)
    if #members > 0 then
        redis.call('PFADD', P .. ':uh:' .. key, unpack(members))
        touch(P .. ':uh:' .. key, rollupEnd)
        exact(P .. ':xh:' .. key, members, d.totals, 'x:' .. h.hour, rollupEnd)
    end
    local minuteKey = P .. ':m:' .. key
    local hourStart = d.start + tonumber(h.hour) * HOUR
    for m, by in pairs(h.minutes) do
        redis.call('HINCRBY', minuteKey, string.format('%02d', m), by)
        touch(minuteKey, hourStart + 2 * HOUR)
    end
end

for key, fields in pairs(totals) do
    for field, by in pairs(fields) do
        if by ~= 0 then redis.call('HINCRBY', key, field, by) end
    end
end

for day, d in pairs(days) do
    local rollupEnd = d.start + DAY + rollupTtl
    for dim, values in pairs(d.rows) do
        local zk = P .. ':b:' .. day .. ':' .. dim
        local card = redis.call('ZCARD', zk)
        local distinct = 0
        for _ in pairs(values) do distinct = distinct + 1 end
        local admitted = values
        if card + 3 * distinct > 3 * valueCap then
            admitted = {}
            for value, r in pairs(values) do
                local target = value
                if value ~= OTHER and not redis.call('ZSCORE', zk, 'e|' .. value)
                        and not redis.call('ZSCORE', zk, 'v|' .. value) then
                    if card < 3 * valueCap then card = card + 3 else target = OTHER end
                end
                local into = admitted[target]
                if not into then into = { 0, 0, 0, false }; admitted[target] = into end
                into[1], into[2], into[3] = into[1] + r[1], into[2] + r[2], into[3] + r[3]
                if r[4] then
                    into[4] = into[4] or {}
                    for m in pairs(r[4]) do into[4][m] = true end
                end
            end
        end
        for value, r in pairs(admitted) do
            if r[1] ~= 0 then redis.call('ZINCRBY', zk, r[1], 'v|' .. value) end
            if r[2] ~= 0 then redis.call('ZINCRBY', zk, r[2], 'p|' .. value) end
            if r[3] ~= 0 then redis.call('ZINCRBY', zk, r[3], 'e|' .. value) end
            if r[4] then
                local hk = P .. ':bu:' .. day .. ':' .. dim .. ':' .. value
                redis.call('PFADD', hk, unpack(list(r[4])))
                touch(hk, rollupEnd)
            end
        end
        touch(zk, rollupEnd)
    end
    local known = propertyIndex[day]
    if known and #known.added > 0 then
        redis.call('SADD', known.key, unpack(known.added))
        touch(known.key, rollupEnd)
    end
end

local liveArgs = {}
for vh, ts in pairs(live) do liveArgs[#liveArgs + 1] = ts; liveArgs[#liveArgs + 1] = vh end
if #liveArgs > 0 then
    local lk = P .. ':live'
    redis.call('ZADD', lk, 'GT', unpack(liveArgs))
    redis.call('ZREMRANGEBYSCORE', lk, '-inf', '(' .. (now - LIVE_WINDOW))
    redis.call('PEXPIRE', lk, LIVE_WINDOW + MINUTE)
end

for key, at in pairs(expiry) do redis.call('PEXPIREAT', key, at) end

return sids
