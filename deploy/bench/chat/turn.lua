-- POST /api/chat: a product question in an existing conversation (stored history), as the widget sends it.
-- Conversations come from the file named by CHAT_CONVERSATIONS ("<conversation_id> <session_id>" per line), read
-- when the script loads (in every Lua state wrk creates); each thread walks its own share of them.
local convs = {}
local path = os.getenv("CHAT_CONVERSATIONS")
if path then
  for line in io.lines(path) do
    local id, session = line:match("^(%S+)%s+(%S+)%s*$")
    if id then table.insert(convs, {id, session}) end
  end
end
local counter = 0
local threads = tonumber(os.getenv("WRK_THREADS") or "2")
local i = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  i = tonumber(wrk.thread:get("tid")) or 0
end

function request()
  if #convs == 0 then
    error("no conversations in " .. tostring(path))
  end
  local c = convs[(i % #convs) + 1]
  i = i + threads
  local body = '{"message":"is the wool beanie in stock?","session_id":"' .. c[2] ..
      '","domain":"bench.localhost","conversation_id":"' .. c[1] .. '"}'
  return wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, body)
end
