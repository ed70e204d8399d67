-- 100 events per request, the way a server-side SDK flushes its queue.
-- VISITOR_IPS=1 adds a random public IPv4 address as each visitor's "ip", so each event costs a geolocation.
local key = os.getenv("API_KEY")
local addresses = os.getenv("VISITOR_IPS") == "1"
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = key

request = function()
  local events = {}
  for i = 1, 100 do
    counter = counter + 1
    events[i] = string.format(
      '{"eventName":"%s","anonymousId":"batch-%d","page":"https://shop.example.com/p/%d","context":{"n":%d}}',
      (i % 5 == 0) and "add_to_cart" or "pageview", math.random(1, 1000000000), counter % 200, counter)
    if addresses then
      events[i] = string.format('%s,"ip":"%d.%d.%d.%d"}', events[i]:sub(1, -2), math.random(1, 223),
        math.random(0, 255), math.random(0, 255), math.random(1, 254))
    end
  end
  return wrk.format(nil, "/api/events", nil, '{"batch":[' .. table.concat(events, ",") .. ']}')
end

dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
