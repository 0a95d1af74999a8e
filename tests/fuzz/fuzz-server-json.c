/* fuzz-server-json.c
 *
 * Copyright 2026 The Kompetenz authors
 *
 * This program is free software: you can redistribute it and/or modify
 * it under the terms of the GNU General Public License as published by
 * the Free Software Foundation, either version 3 of the License, or
 * (at your option) any later version.
 *
 * This program is distributed in the hope that it will be useful,
 * but WITHOUT ANY WARRANTY; without even the implied warranty of
 * MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
 * GNU General Public License for more details.
 *
 * You should have received a copy of the GNU General Public License
 * along with this program.  If not, see <https://www.gnu.org/licenses/>.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "config.h"

#include "kz-fuzz.h"
#include "kz-server-error.h"
#include "kz-server-json.h"
#include "kz-server-sqlite.h"
#include "kz-server-sync.h"

/* The server's decoding of request bodies on arbitrary bytes: the first
 * byte picks a push or a conflict resolution, the rest is the body.
 * Every failure must be a client error (4xx): a 500 would mean that
 * bad input reached the storage. */

#define RUNS_PER_STORAGE 500

static KzServerSqlite *storage;
static guint           runs;

static KzServerStorage *
get_storage (void)
{
  if (storage == NULL || ++runs % RUNS_PER_STORAGE == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/server-%u.db", kz_fuzz_tmpdir (), runs);

      g_clear_object (&storage);
      if (!(storage = kz_server_sqlite_open (path, &error)))
        g_error ("cannot open %s: %s", path, error->message);
    }

  return KZ_SERVER_STORAGE (storage);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) answer = NULL;
  g_autoptr(GError) error = NULL;

  if (size < 1)
    return 0;

  if (!(body = kz_server_json_parse ((const char *)data + 1, size - 1, &error)))
    {
      g_assert_error (error, KZ_SERVER_ERROR, KZ_SERVER_ERROR_BAD_REQUEST);
      return 0;
    }

  if (data[0] & 1)
    answer = kz_server_sync_resolve (get_storage (), "fuzz", "00000000-0000-4000-8000-000000000001",
                                     body, &error);
  else
    answer = kz_server_sync_push (get_storage (), "fuzz", body, &error);

  if (answer == NULL)
    g_assert_cmpuint (kz_server_error_status (error), <, 500);
  return 0;
}
