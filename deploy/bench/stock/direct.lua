-- The same lookup made directly on the demo store (Basic auth allowed for this benchmark only).
wrk.method = "GET"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
