-- One event per request, about 300 bytes, as a server-side integration would send it.
-- API_KEY comes from the environment; every request carries a distinct anonymous visitor.
-- WRK_PATH (default /api/events) lets the same requests, built at the same cost, hit the no-op ceilings.
local key = os.getenv("API_KEY") or ""
local path = os.getenv("WRK_PATH") or "/api/events"
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
  return wrk.format(nil, path, nil, body)
end

dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
