-- wrk: OTP verify over many conversations with random (almost always wrong) codes.
-- Set by the run script: RUN_ID, CONVERSATIONS, TOKEN (through environment variables).
local run = os.getenv("RUN_ID")
local conversations = tonumber(os.getenv("CONVERSATIONS"))
local headers = { ["Content-Type"] = "application/json", ["X-Internal-Token"] = os.getenv("TOKEN") }
function init(args)
  math.randomseed(os.time() + tonumber(string.sub(tostring({}), 8), 16) % 100000)
end

function request()
  local i = math.random(0, conversations - 1)
  local body = string.format(
    '{"conversationId":"bench-%s-%d","domain":"bench-%s.example.com","email":"shopper%d@bench.example.com","code":"%06d"}',
    run, i, run, i, math.random(0, 999999))
  return wrk.format("POST", "/internal/verification/otp/verify", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("LAT p50=%.3f p75=%.3f p90=%.3f p99=%.3f p999=%.3f max=%.3f ms\n",
    latency:percentile(50) / 1000, latency:percentile(75) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency:percentile(99.9) / 1000, latency.max / 1000))
  io.write(string.format("REQ total=%d rps=%.0f errors_connect=%d errors_read=%d errors_timeout=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), summary.errors.connect, summary.errors.read,
    summary.errors.timeout, summary.errors.status))
end
