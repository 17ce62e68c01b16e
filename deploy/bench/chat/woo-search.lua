-- The same question asked of WooCommerce's own product search (the demo store, Basic auth allowed for the bench).
wrk.method = "GET"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BASIC")
