-- Signed cart events, pre-computed by gen_events.py; each wrk thread walks its own slice of the lines.
local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local lines = {}
local pos = 1

function init(args)
  local file, domain, nthreads = args[1], args[2], tonumber(args[3])
  local n = 0
  for line in io.lines(file) do
    if n % nthreads == id then
      local ts, sig, body = line:match("^([^\t]+)\t([^\t]+)\t(.*)$")
      table.insert(lines, {ts = ts, sig = sig, body = body})
    end
    n = n + 1
  end
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-CSC-Domain"] = domain
end

function request()
  local e = lines[pos]
  pos = pos + 1
  if pos > #lines then pos = 1 end
  wrk.headers["X-CSC-Timestamp"] = e.ts
  wrk.headers["X-CSC-Signature"] = e.sig
  return wrk.format("POST", "/api/carts/events", nil, e.body)
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
