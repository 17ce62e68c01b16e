-- POST /api/chat: a product question in an existing conversation (stored history), as the widget sends it.
-- Conversations come from the file named by CHAT_CONVERSATIONS ("<conversation_id> <session_id>" per line); each wrk
-- thread walks its own share of them so two connections rarely talk in one conversation at once.
local convs = {}
local counter = 0
local threads = 0
local tid = 0
local i = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

function init(args)
  for line in io.lines(os.getenv("CHAT_CONVERSATIONS")) do
    local id, session = line:match("^(%S+) (%S+)$")
    if id then table.insert(convs, {id, session}) end
  end
  tid = tonumber(wrk.thread:get("tid")) or 0
  threads = tonumber(os.getenv("WRK_THREADS") or "2")
  i = tid
end

function request()
  local c = convs[(i % #convs) + 1]
  i = i + threads
  local body = '{"message":"is the wool beanie in stock?","session_id":"' .. c[2] ..
      '","domain":"bench.localhost","conversation_id":"' .. c[1] .. '"}'
  return wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, body)
end
