/* exchange-test-util.c
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

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "exchange-test-util.h"

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

TempStore *
temp_store_new (void)
{
  TempStore *t = g_new0 (TempStore, 1);
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("kz-exchange-XXXXXX", &error);
  g_assert_no_error (error);
  t->path = g_build_filename (t->dir, "portfolio.db", NULL);
  t->store = kz_store_open (t->path, &error);
  g_assert_no_error (error);

  return t;
}

void
temp_store_free (TempStore *t)
{
  g_clear_object (&t->store);
  remove_tree (t->dir);
  g_free (t->dir);
  g_free (t->path);
  g_free (t);
}

char *
temp_store_file (TempStore  *t,
                 const char *name)
{
  return g_build_filename (t->dir, name, NULL);
}

void
test_set_language (const char *language)
{
  if (g_str_equal (language, "de"))
    {
      g_setenv ("LANGUAGE", "de", TRUE);
      g_assert_nonnull (setlocale (LC_ALL, "de_DE.UTF-8"));
    }
  else
    {
      g_setenv ("LANGUAGE", "C", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
    }
}

void
test_init (int    *argc,
           char ***argv)
{
  const char *localedir = g_getenv ("KOMPETENZ_LOCALEDIR");

  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  test_set_language ("C");
  g_test_init (argc, argv, NULL);
}

GDate *
test_today (void)
{
  return g_date_new_dmy (23, G_DATE_NOVEMBER, 2026);
}

typedef struct
{
  GPtrArray *rows;
  GPtrArray *cells;
} CsvCollect;

static void
field_cb (void   *data,
          size_t  len,
          void   *user_data)
{
  CsvCollect *c = user_data;

  g_ptr_array_add (c->cells, g_strndup (data ? data : "", len));
}

static void
row_cb (int   term,
        void *user_data)
{
  CsvCollect *c = user_data;

  g_ptr_array_add (c->cells, NULL);
  g_ptr_array_add (c->rows, g_ptr_array_free (c->cells, FALSE));
  c->cells = g_ptr_array_new ();
}

static int
no_space (unsigned char ch)
{
  return 0;
}

GPtrArray *
test_parse_csv (const char *data,
                gsize       length,
                char        separator)
{
  struct csv_parser p;
  CsvCollect c = { g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev), g_ptr_array_new () };

  g_assert_cmpint (csv_init (&p, CSV_STRICT | CSV_STRICT_FINI), ==, 0);
  csv_set_delim (&p, separator);
  csv_set_space_func (&p, no_space);
  g_assert_cmpuint (csv_parse (&p, data, length, field_cb, row_cb, &c), ==, length);
  g_assert_cmpint (csv_fini (&p, field_cb, row_cb, &c), ==, 0);
  csv_free (&p);
  g_ptr_array_free (c.cells, TRUE);

  return c.rows;
}

char *
test_read_file (const char *path,
                gsize      *length)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;

  g_file_get_contents (path, &data, length, &error);
  g_assert_no_error (error);
  return data;
}

void
test_write_file (const char *path,
                 const char *data,
                 gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, length, &error);
  g_assert_no_error (error);
}

KzRecord *
test_find_by_title (KzStore    *store,
                    KzKind      kind,
                    const char *title)
{
  g_autoptr(GListModel) list = kz_store_list (store, kind, NULL);
  guint n = g_list_model_get_n_items (list);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KzRecord) record = g_list_model_get_item (list, i);

      if (g_strcmp0 (kz_record_get_title (record), title) == 0)
        return g_steal_pointer (&record);
    }

  return NULL;
}

GListModel *
test_list (KzStore *store,
           KzKind   kind)
{
  g_autoptr(GError) error = NULL;
  GListModel *list = kz_store_list (store, kind, &error);

  g_assert_no_error (error);
  return list;
}

double
test_seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
}
