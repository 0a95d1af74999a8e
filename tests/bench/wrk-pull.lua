-- SPDX-License-Identifier: GPL-3.0-or-later
-- wrk script: pulls with no changes (the URL's "since" is the current
-- cursor), authenticated with the token in $KZ_TOKEN.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("KZ_TOKEN")
wrk.method = "GET"
