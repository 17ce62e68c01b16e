-- POST /api/woocommerce/stock for one product, as the widget sends it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"domain":"bench.localhost","productId":23}'
