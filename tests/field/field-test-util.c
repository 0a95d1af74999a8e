/* field-test-util.c
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

#include <glib/gstdio.h>

#include "field-test-util.h"

KzStore *
field_test_open_store (char **dir)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  KzStore *store;

  *dir = g_dir_make_tmp ("kz-field-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "portfolio.db", NULL);
  store = kz_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_file_test (p, G_FILE_TEST_IS_DIR))
        remove_tree (p);
      else
        g_unlink (p);
    }
  g_rmdir (dir);
}

void
field_test_close (KzStore *store,
                  char    *dir)
{
  g_clear_object (&store);
  remove_tree (dir);
  g_free (dir);
}

KzRecord *
field_test_add (KzStore *store,
                KzKind   kind,
                ...)
{
  g_autoptr(KzRecord) record = kz_record_new (kind);
  g_autoptr(GError) error = NULL;
  const char *field;
  va_list args;

  va_start (args, kind);
  while ((field = va_arg (args, const char *)))
    {
      const char *value = va_arg (args, const char *);

      kz_record_set_text (record, field, value, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  kz_store_save (store, record, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&record);
}
