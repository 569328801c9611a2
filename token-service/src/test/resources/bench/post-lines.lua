-- wrk script of TokenServiceBench: POSTs one line of $BODIES per request (each a JSON body that is
-- used once: a fresh PIN proof or a fresh QR token), each thread its share of the lines, with the bearer
-- token $BEARER, to $URLPATH; counts the answers that contain $EXPECT.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  bodies = {}
  for line in io.lines(os.getenv("BODIES")) do
    bodies[#bodies + 1] = line
  end
  step = tonumber(os.getenv("THREADS"))
  next_line = id
  expect = os.getenv("EXPECT")
  matched = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("BEARER")
end

function request()
  local body = bodies[(next_line % #bodies) + 1]
  next_line = next_line + step
  return wrk.format(nil, os.getenv("URLPATH"), nil, body)
end

function response(status, headers, body)
  if body:find(expect, 1, true) then
    matched = matched + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("matched")
  end
  io.write(string.format("expected answers: %d\n", total))
end
