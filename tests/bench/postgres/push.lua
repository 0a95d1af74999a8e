-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- wrk script: every request pushes a batch of 10 new changes (fresh
-- change ids and records).  Arguments after "--": TOKEN SEED.

local token, seed
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
end

function init(args)
  token = args[1]
  seed = tonumber(args[2]) or 1
  math.randomseed(seed * 1000 + (thread_id or 0))
end

local function hex(n)
  local out = {}
  for i = 1, n do
    out[i] = string.format("%x", math.random(0, 15))
  end
  return table.concat(out)
end

local function uuid()
  return hex(8) .. "-" .. hex(4) .. "-4" .. hex(3) .. "-a" .. hex(3) .. "-" .. hex(12)
end

function request()
  local changes = {}
  for i = 1, 10 do
    changes[i] = string.format(
      '{"change_id": "%s", "kind": "organisation", "uuid": "%s", ' ..
      '"field": "name", "value": "Einrichtung %d", "base": 0}', uuid(), uuid(), i)
  end
  return wrk.format("POST", "/api/v1/changes",
                    { ["Authorization"] = "Bearer " .. token,
                      ["Content-Type"] = "application/json" },
                    '{"changes": [' .. table.concat(changes, ", ") .. ']}')
end
