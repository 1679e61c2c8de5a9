-- wrk script for scripts/load.sh: every request records one new event (ids never repeat across threads).
local threads = 0
function setup(thread)
  thread:set("thread_id", threads)
  threads = threads + 1
end

local counter = 0
local token = os.getenv("ALGOVISTA_TOKEN")
function request()
  counter = counter + 1
  local body = string.format(
    '{"events":[{"id":"t%d-%d","kind":"run_finished","algorithm":"bubble-sort"}]}', thread_id, counter)
  return wrk.format("POST", "/api/events",
    { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }, body)
end

function response(status)
  if status ~= 200 then
    error("POST /api/events answered " .. status)
  end
end
