/* fuzz-csv-import.c
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

#include "kz-csv-import.h"
#include "kz-fuzz.h"
#include "kz-store.h"

/* The CSV importer on arbitrary bytes.  The first byte picks the kind
 * and the duplicate policy, the rest is the file.  Parsing, automatic
 * mapping, the preview and the import itself run; the store is opened
 * anew now and then so that it does not grow without end. */

#define RUNS_PER_STORE 200

static KzStore *store;
static guint    runs;

static KzStore *
get_store (void)
{
  if (store == NULL || ++runs % RUNS_PER_STORE == 0)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *path = g_strdup_printf ("%s/import-%u.db", kz_fuzz_tmpdir (), runs);

      g_clear_object (&store);
      if (!(store = kz_store_open (path, &error)))
        g_error ("cannot open %s: %s", path, error->message);
    }

  return store;
}

static void
import_bytes (KzKind               kind,
              KzCsvDuplicatePolicy policy,
              GBytes              *bytes)
{
  g_autoptr(KzCsvImport) import = NULL;
  g_autoptr(GListModel) preview = NULL;
  g_autoptr(GError) error = NULL;

  if (!(import = kz_csv_import_new_for_bytes (get_store (), kind, bytes, &error)))
    return;

  kz_csv_import_set_duplicate_policy (import, policy);
  for (guint i = 0; i < kz_csv_import_get_n_columns (import); i++)
    (void) kz_csv_import_get_header (import, i);

  if (!(preview = kz_csv_import_preview (import, 0, &error)))
    return;

  /* Rows merged into an earlier row's record count once, so the
   * outcomes may add up to fewer than the rows, never to more. */
  if (kz_csv_import_run (import, NULL, NULL, NULL, NULL, &error))
    g_assert_cmpuint (kz_csv_import_get_n_created (import) + kz_csv_import_get_n_updated (import) +
                      kz_csv_import_get_n_skipped (import) + kz_csv_import_get_n_rejected (import),
                      <=, kz_csv_import_get_n_rows (import));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  KzKind kind = KZ_KIND_ORGANISATION;
  guint choice;

  if (size < 1)
    return 0;

  choice = data[0];
  bytes = g_bytes_new (data + 1, size - 1);

  /* Low bits: one of the importable kinds; high bits: the policy. */
  for (guint k = 0, n = choice & 0x0f; k <= KZ_KIND_TASK; k++)
    if (kz_csv_import_kind_supported (k) && n-- == 0)
      {
        kind = k;
        break;
      }

  import_bytes (kind, (choice >> 4) % 3, bytes);
  return 0;
}
