-- A consistent view of a site's stored events: the manifest and the pending blocks after a given entry, read in
-- one atomic step, so that a compaction that moves blocks from one to the other is seen entirely or not at all.
-- KEYS: 1 manifest, 2 pending stream
-- ARGV: 1 XRANGE start ('-' or '(<id>'), 2 most entries, 3.. epoch days wanted (none: every field)
local floor = redis.call('HGET', KEYS[1], 'floor') or ''
local days
if #ARGV > 2 then
  days = redis.call('HMGET', KEYS[1], unpack(ARGV, 3))
else
  days = redis.call('HGETALL', KEYS[1])
end
local entries = redis.call('XRANGE', KEYS[2], ARGV[1], '+', 'COUNT', ARGV[2])
return {floor, days, entries}
