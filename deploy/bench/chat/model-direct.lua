-- POST /v1/chat/completions straight to the stub model, with a request chat-service sent it (the file named by
-- MODEL_REQUEST): the model's own time as any client sees it, measured beside the LLM-mode turns.
local f = assert(io.open(os.getenv("MODEL_REQUEST"), "rb"))
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = f:read("*a")
f:close()
