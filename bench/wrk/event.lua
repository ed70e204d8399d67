-- One event per request, about 300 bytes, as a server-side integration would send it.
-- API_KEY comes from the environment; every request carries a distinct anonymous visitor.
-- WRK_PATH (default /api/events) lets the same requests, built at the same cost, hit the no-op ceilings.
-- VISITOR_IPS=1 adds a random public IPv4 address as the visitor's "ip", so each event costs a geolocation.
local key = os.getenv("API_KEY") or ""
local path = os.getenv("WRK_PATH") or "/api/events"
local addresses = os.getenv("VISITOR_IPS") == "1"
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = key

request = function()
  counter = counter + 1
  local body = string.format(
    '{"eventName":"pageview","anonymousId":"bench-%d-%d","page":"https://shop.example.com/products/item-%d?utm_source=newsletter",' ..
    '"referrer":"https://www.google.com/","context":{"plan":"pro","experiment":"checkout-b","cart":%d}}',
    math.random(1, 1000000000), counter, counter % 50, counter % 7)
  if addresses then
    body = string.format('%s,"ip":"%d.%d.%d.%d"}', body:sub(1, -2), math.random(1, 223), math.random(0, 255),
      math.random(0, 255), math.random(1, 254))
  end
  return wrk.format(nil, path, nil, body)
end

dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
