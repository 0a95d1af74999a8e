-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script: every request pushes 10 new field changes (fresh change
-- ids, new project records) with the token in $KZ_TOKEN.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KZ_TOKEN")
wrk.headers["Content-Type"] = "application/json"
wrk.method = "POST"

local counter = 0

local function uuid()
  counter = counter + 1
  return string.format("%08x-%04x-4%03x-8%03x-%012x",
                       math.random(0, 0x7fffffff), math.random(0, 0xffff),
                       math.random(0, 0xfff), math.random(0, 0xfff), counter)
end

function setup(thread)
  thread:set("seed", math.random(1, 1000000))
end

function init(args)
  math.randomseed(seed or os.time())
end

function request()
  local changes = {}
  for i = 1, 10 do
    changes[i] = string.format(
      '{"change_id":"%s","kind":"project","uuid":"%s","field":"title","value":"Lastprobe %d","base":0}',
      uuid(), uuid(), i)
  end
  return wrk.format(nil, nil, nil, '{"changes":[' .. table.concat(changes, ",") .. ']}')
end
