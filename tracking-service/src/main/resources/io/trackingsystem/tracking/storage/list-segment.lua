-- Lists a segment in a day's manifest entry unless it is listed already (an upgrade run again after a crash).
-- KEYS: 1 manifest. ARGV: 1 epoch day, 2 segment id, 3 its events.
local current = redis.call('HGET', KEYS[1], ARGV[1]) or ''
local entry = ARGV[2] .. '/' .. ARGV[3]
for item in string.gmatch(current, '[^,]+') do
  if item == entry then
    return 0
  end
end
if current == '' then
  redis.call('HSET', KEYS[1], ARGV[1], entry)
else
  redis.call('HSET', KEYS[1], ARGV[1], current .. ',' .. entry)
end
return 1
