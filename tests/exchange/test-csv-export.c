/* test-csv-export.c
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

#include <glib/gi18n-lib.h>
#include <string.h>

#include "exchange-test-util.h"

static KzRecord *
save_org (KzStore    *store,
          const char *name,
          const char *city)
{
  g_autoptr(KzRecord) org = kz_record_new (KZ_KIND_ORGANISATION);
  g_autoptr(GError) error = NULL;

  kz_record_set_string (org, "name", name);
  kz_record_set_string (org, "city", city);
  g_assert_true (kz_store_save (store, org, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&org);
}

static KzRecord *
save_project (KzStore    *store,
              const char *title,
              KzRecord   *lead)
{
  g_autoptr(KzRecord) p = kz_record_new (KZ_KIND_PROJECT);
  const char *tags[] = { "KI", "Cloud", NULL };
  g_autoptr(GError) error = NULL;

  kz_record_set_string (p, "title", title);
  kz_record_set_string (p, "status", "running");
  kz_record_set_string (p, "start_date", "2026-01-15");
  kz_record_set_string (p, "end_date", "2026-12-31");
  kz_record_set_int (p, "budget_planned", 123450);
  kz_record_set_list (p, "tags", tags);
  kz_record_set_string (p, "description", "Erste Zeile\nZweite Zeile mit \"Zitat\"; Ende");
  if (lead != NULL)
    kz_record_set_string (p, "lead_organisation_id", kz_record_get_uuid (lead));
  g_assert_true (kz_store_save (store, p, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&p);
}

static const char *fields[] = {
  "title", "status", "lead_organisation_id", "start_date", "end_date",
  "budget_planned", "tags", "description", NULL,
};

static char *
export_projects (TempStore  *t,
                 const char *name,
                 gsize      *length)
{
  g_autoptr(GListModel) projects = test_list (t->store, KZ_KIND_PROJECT);
  g_autofree char *path = temp_store_file (t, name);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (kz_csv_export (t->store, KZ_KIND_PROJECT, projects, fields, file,
                                NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return test_read_file (path, length);
}

static const char * const *
row_with (GPtrArray  *rows,
          const char *first)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const char * const *row = rows->pdata[i];

      if (g_strcmp0 (row[0], first) == 0)
        return row;
    }

  g_assert_not_reached ();
}

static void
test_format (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzRecord) org = save_org (t->store, "Caritas Hannover", "Hannover");
  g_autoptr(KzRecord) p1 = save_project (t->store, "Telematik; \"TI\" Anbindung", org);
  g_autoptr(KzRecord) p2 = save_project (t->store, "=SUMME(A1:A3)", NULL);
  g_autoptr(KzRecord) p3 = save_project (t->store, "-Minus", NULL);
  g_autoptr(KzRecord) p4 = save_project (t->store, "@Mention", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;
  const char * const *row;
  gsize length;

  data = export_projects (t, "projects.csv", &length);

  /* BOM, CRLF after every record, ';' between fields. */
  g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF"));
  g_assert_true (g_str_has_suffix (data, "\r\n"));
  g_assert_true (g_str_has_prefix (data + 3, "Title;Status;Lead organisation;Start;End;"
                                             "Planned budget;Tags;Description\r\n"));

  rows = test_parse_csv (data + 3, length - 3, ';');
  g_assert_cmpuint (rows->len, ==, 5);
  g_assert_cmpuint (g_strv_length (rows->pdata[0]), ==, 8);

  row = row_with (rows, "Telematik; \"TI\" Anbindung");
  g_assert_cmpstr (row[1], ==, "Running");
  g_assert_cmpstr (row[2], ==, "Caritas Hannover");
  g_assert_cmpstr (row[3], ==, "15.01.2026");
  g_assert_cmpstr (row[4], ==, "31.12.2026");
  g_assert_cmpstr (row[5], ==, "1234,50");
  g_assert_cmpstr (row[6], ==, "KI, Cloud");
  g_assert_cmpstr (row[7], ==, "Erste Zeile\nZweite Zeile mit \"Zitat\"; Ende");
  g_assert_nonnull (strstr (data, "\"Telematik; \"\"TI\"\" Anbindung\""));

  /* Formula guard on text, never on numbers. */
  g_assert_nonnull (row_with (rows, "'=SUMME(A1:A3)"));
  g_assert_nonnull (row_with (rows, "'-Minus"));
  g_assert_nonnull (row_with (rows, "'@Mention"));
  g_assert_cmpstr (row_with (rows, "'-Minus")[2], ==, "");
}

static void
test_german (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzRecord) p = save_project (t->store, "Digitale Dienstplanung", NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;
  const char * const *row;
  gsize length;

  test_set_language ("de");
  data = export_projects (t, "projekte.csv", &length);
  rows = test_parse_csv (data + 3, length - 3, ';');
  row = rows->pdata[0];

  /* Headings and labels in the user's language (as far as de.po has
   * them); dates and decimals in German form whatever the language. */
  g_assert_cmpstr (row[0], ==, g_dgettext (GETTEXT_PACKAGE, "Title"));
  g_assert_cmpstr (row[5], ==, g_dgettext (GETTEXT_PACKAGE, "Planned budget"));
  row = rows->pdata[1];
  g_assert_cmpstr (row[1], ==, g_dgettext (GETTEXT_PACKAGE, "Running"));
  g_assert_cmpstr (row[3], ==, "15.01.2026");
  g_assert_cmpstr (row[5], ==, "1234,50");
  test_set_language ("C");
}

static void
test_all_fields_round_trip (void)
{
  g_autoptr(TempStore) a = temp_store_new ();
  g_autoptr(TempStore) b = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) orgs = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KzCsvImport) import = NULL;
  g_autofree char *path_a = temp_store_file (a, "a.csv");
  g_autofree char *path_b = temp_store_file (b, "b.csv");
  g_autoptr(GFile) file_a = g_file_new_for_path (path_a);
  g_autoptr(GFile) file_b = g_file_new_for_path (path_b);
  g_autofree char *data_a = NULL, *data_b = NULL;

  g_assert_true (kz_demo_generate (a->store, 60, 7, today, NULL, &error));
  orgs = test_list (a->store, KZ_KIND_ORGANISATION);
  g_assert_true (kz_csv_export (a->store, KZ_KIND_ORGANISATION, orgs, NULL, file_a, NULL, NULL, NULL, &error));

  /* Every field survives export and import unchanged. */
  import = kz_csv_import_new_for_file (b->store, KZ_KIND_ORGANISATION, file_a, NULL, &error);
  g_assert_no_error (error);
  kz_csv_import_set_duplicate_policy (import, KZ_CSV_DUPLICATE_KEEP_BOTH);
  g_assert_true (kz_csv_import_run (import, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpuint (kz_csv_import_get_n_rejected (import), ==, 0);
  g_assert_cmpuint (kz_csv_import_get_n_created (import), ==, g_list_model_get_n_items (orgs));

  g_clear_object (&orgs);
  orgs = test_list (b->store, KZ_KIND_ORGANISATION);
  g_assert_true (kz_csv_export (b->store, KZ_KIND_ORGANISATION, orgs, NULL, file_b, NULL, NULL, NULL, &error));
  data_a = test_read_file (path_a, NULL);
  data_b = test_read_file (path_b, NULL);
  g_assert_cmpstr (data_a, ==, data_b);
}

static void
test_cancel_keeps_old_file (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(KzRecord) p = save_project (t->store, "Cloud-Migration", NULL);
  g_autoptr(GListModel) projects = test_list (t->store, KZ_KIND_PROJECT);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = temp_store_file (t, "old.csv");
  g_autofree char *fresh = temp_store_file (t, "new.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n_files = 0;

  test_write_file (path, "old content", -1);
  g_cancellable_cancel (cancellable);

  g_assert_false (kz_csv_export (t->store, KZ_KIND_PROJECT, projects, NULL, file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_false (kz_csv_export (t->store, KZ_KIND_PROJECT, projects, NULL, fresh_file, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  data = test_read_file (path, NULL);
  g_assert_cmpstr (data, ==, "old content");
  g_assert_false (g_file_test (fresh, G_FILE_TEST_EXISTS));

  /* No temporary files are left behind. */
  dir = g_dir_open (t->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)))
    {
      g_assert_false (g_str_has_suffix (name, ".part"));
      n_files++;
    }
  g_assert_cmpuint (n_files, >=, 2);
}

static void
test_unknown_field (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GListModel) projects = test_list (t->store, KZ_KIND_PROJECT);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  const char *bad[] = { "title", "nonsense", NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (kz_csv_export_to_stream (t->store, KZ_KIND_PROJECT, projects, bad, out,
                                           NULL, NULL, NULL, &error));
  g_assert_error (error, KZ_EXCHANGE_ERROR, KZ_EXCHANGE_ERROR_MAPPING);
}

static void
progress_cb (const char *message,
             double      fraction,
             gpointer    user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  *last = fraction;
}

static void
test_large (void)
{
  g_autoptr(TempStore) t = temp_store_new ();
  g_autoptr(GDate) today = test_today ();
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_store_file (t, "all.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *data = NULL;
  double last = 0;
  gsize length;
  gint64 start;

  g_assert_true (kz_demo_generate (t->store, 10000, KZ_DEMO_DEFAULT_SEED, today, NULL, &error));
  projects = test_list (t->store, KZ_KIND_PROJECT);

  start = g_get_monotonic_time ();
  g_assert_true (kz_csv_export (t->store, KZ_KIND_PROJECT, projects, NULL, file,
                                progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("CSV export of 10 000 projects (all fields): %.2f s", test_seconds_since (start));
  g_assert_cmpfloat (last, ==, 1.0);

  data = test_read_file (path, &length);
  rows = test_parse_csv (data + 3, length - 3, ';');
  g_assert_cmpuint (rows->len, ==, 10001);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, kz_kind_get_info (KZ_KIND_PROJECT)->n_fields);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/exchange/csv/export/format", test_format);
  g_test_add_func ("/exchange/csv/export/german", test_german);
  g_test_add_func ("/exchange/csv/export/round-trip", test_all_fields_round_trip);
  g_test_add_func ("/exchange/csv/export/cancel", test_cancel_keeps_old_file);
  g_test_add_func ("/exchange/csv/export/unknown-field", test_unknown_field);
  g_test_add_func ("/exchange/csv/export/large", test_large);

  return g_test_run ();
}
