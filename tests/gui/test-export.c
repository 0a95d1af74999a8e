/* test-export.c
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

/* Export: a list page's current model, filtered and sorted, written
 * as CSV with the page's columns.  Run under Xvfb. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "kz-demo.h"
#include "kz-export-actions.h"

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} Result;

static void
spin_until (gboolean (*check) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!check (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (check (data));
}

static gboolean
has_rows (gpointer data)
{
  return g_list_model_get_n_items (kz_list_page_get_model (data)) > 0;
}

static gboolean
is_done (gpointer data)
{
  return ((Result *)data)->done;
}

static void
export_ready_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Result *res = user_data;

  res->ok = kz_export_list_csv_finish (KZ_LIST_PAGE (object), result, &res->error);
  res->done = TRUE;
}

static void
test_export_list_csv (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kz-test-export-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "portfolio.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "Projekte.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(KzStore) store = kz_store_open (db, &error);
  g_autoptr(GSettings) settings = g_settings_new ("com.example.Kompetenz");
  g_autoptr(KzContext) context = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(GDateTime) date = g_date_time_new_local (2026, 11, 23, 10, 0, 0);
  g_autofree char *name = NULL;
  g_auto(GStrv) fields = NULL;
  g_auto(GStrv) lines = NULL;
  const char * const items[] = { "status=running", NULL };
  GtkWidget *window, *page;
  Result res = { 0 };
  guint shown, n_lines = 0;

  g_assert_no_error (error);
  g_assert_true (kz_demo_generate (store, 40, KZ_DEMO_DEFAULT_SEED, NULL, NULL, &error));
  g_assert_no_error (error);
  context = kz_context_new (store, settings);

  page = kz_list_page_new (context, KZ_KIND_PROJECT);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (has_rows, page);

  fields = kz_export_list_fields (KZ_LIST_PAGE (page));
  g_assert_cmpstr (fields[0], ==, "title");
  name = kz_export_suggest_name (KZ_LIST_PAGE (page), date, "csv");
  g_assert_true (g_str_has_suffix (name, "-2026-11-23.csv"));

  /* Only the running projects are exported, as the list shows them. */
  kz_list_page_apply_view (KZ_LIST_PAGE (page), NULL, items);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  shown = g_list_model_get_n_items (kz_list_page_get_model (KZ_LIST_PAGE (page)));
  g_assert_cmpuint (shown, >, 0);
  g_assert_cmpuint (shown, <, kz_store_count (store, KZ_KIND_PROJECT));

  kz_export_list_csv_async (KZ_LIST_PAGE (page), file, NULL, export_ready_cb, &res);
  spin_until (is_done, &res);
  g_assert_no_error (res.error);
  g_assert_true (res.ok);

  g_assert_true (g_file_get_contents (csv, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      n_lines++;
  /* A header and one line per shown project (the demo titles have no
   * line breaks). */
  g_assert_cmpuint (n_lines, ==, shown + 1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&context);
  g_clear_object (&store);
  g_remove (csv);
  for (guint i = 0; i < 3; i++)
    {
      const char *suffix[] = { "", "-wal", "-shm" };
      g_autofree char *path = g_strconcat (db, suffix[i], NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/export/list-csv", test_export_list_csv);

  return g_test_run ();
}
