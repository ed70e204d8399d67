-- The same 300-byte body as event.lua, against a server that does nothing: the HTTP ceiling.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"eventName":"pageview","anonymousId":"bench-123456789-1","page":"https://shop.example.com/products/item-1?utm_source=newsletter",' ..
  '"referrer":"https://www.google.com/","context":{"plan":"pro","experiment":"checkout-b","cart":1}}' .. string.rep(" ", 40)

dofile(os.getenv("BENCH_DIR") .. "/wrk/report.lua")
