/* fuzz-sync-codec.c
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
#include "kz-store-sync.h"
#include "kz-store.h"
#include "kz-sync-codec.h"

/* The client's decoding of server answers on arbitrary bytes: the
 * first byte picks the answer (login, status, error, push results,
 * pull page, conflicts), the rest is its body.  Answers that write go
 * to a store with pending changes, opened anew now and then. */

#define RUNS_PER_STORE 300

static KzStore *store;
static guint    runs;

static void
add_pending (void)
{
  const char *names[] = { "Caritasverband Musterstadt", "Diakonie Beispielkreis" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(KzRecord) record = kz_record_new (KZ_KIND_ORGANISATION);
      g_autoptr(GError) error = NULL;

      kz_record_set_string (record, "name", names[i]);
      if (!kz_store_save (store, record, &error))
        g_error ("cannot save: %s", error->message);
    }
}

static KzStore *
get_store (void)
{
  if (store == NULL || ++runs % RUNS_PER_STORE == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/codec-%u.db", kz_fuzz_tmpdir (), runs);

      g_clear_object (&store);
      if (!(store = kz_store_open (path, &error)) ||
          !kz_store_set_sync_enabled (store, TRUE, &error))
        g_error ("cannot open %s: %s", path, error->message);
      add_pending ();
    }

  return store;
}

static void
decode (guint   choice,
        GBytes *body)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *token = NULL, *role = NULL, *message = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  guint a = 0, b = 0;
  gboolean more = FALSE;
  gint64 cursor = 0;

  switch (choice % 6)
    {
    case 0:
      if (kz_sync_decode_login (body, &token, &role, &error))
        g_assert_true (token != NULL && role != NULL);
      break;
    case 1:
      kz_sync_decode_status (body, &cursor, &error);
      break;
    case 2:
      message = kz_sync_decode_error (body);
      break;
    case 3:
      pending = kz_store_get_pending (get_store (), 100, &error);
      g_assert_nonnull (pending);
      kz_sync_apply_results (store, pending, body, &a, &b, &error);
      break;
    case 4:
      kz_sync_apply_page (get_store (), body, &more, &a, &error);
      break;
    default:
      kz_sync_apply_conflicts (get_store (), body, &a, &error);
      break;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;

  if (size < 1)
    return 0;

  body = g_bytes_new (data + 1, size - 1);
  decode (data[0], body);
  return 0;
}
