-- POST /api/chat: the mixed turn set (deploy/bench/chat/mixed.py setup writes both files). Each conversation is a
-- signed-in demo customer with a throw-away order; its turns go through the messages of CHAT_MESSAGES in order
-- (product, policy, order status, cancel proposal, ...: "{order}" is the conversation's own order), round after
-- round. A proposal is withdrawn by the next message, so the orders stay as they are.
-- CHAT_CONVERSATIONS: "<conversation_id> <session_id> <order> <identity token>" per line.
local convs, messages = {}, {}
local path = os.getenv("CHAT_CONVERSATIONS")
for line in io.lines(path) do
  local id, session, order, token = line:match("^(%S+)%s+(%S+)%s+(%S+)%s+(%S+)%s*$")
  if id then table.insert(convs, {id = id, session = session, order = order, token = token, n = 0}) end
end
for line in io.lines(os.getenv("CHAT_MESSAGES")) do
  if line ~= "" then table.insert(messages, line) end
end
if #convs == 0 or #messages == 0 then
  error("mixed.lua: " .. #convs .. " conversations in " .. tostring(path) .. ", " .. #messages .. " messages")
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
  local c = convs[(i % #convs) + 1]
  i = i + threads
  local message = messages[(c.n % #messages) + 1]:gsub("{order}", c.order)
  c.n = c.n + 1
  local body = '{"message":"' .. message .. '","session_id":"' .. c.session .. '","domain":"bench.localhost",' ..
      '"conversation_id":"' .. c.id .. '","context":{"identityToken":"' .. c.token .. '"}}'
  return wrk.format("POST", "/api/chat", {["Content-Type"] = "application/json"}, body)
end

